package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-run-as-non-root/{valid,invalid}.yaml}. */
class PssRunAsNonRootTest {
  private final RuleTester tester = RuleTester.of(PssRunAsNonRoot.class).withDefaulting();

  @Test
  void flagsContainerRunAsNonRootFalse() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.runAsNonRoot", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void requiresEveryContainerWhenThePodDoesNotSetIt() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsNonRoot(null);
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.runAsNonRoot", ErrorType.REQUIRED);
  }

  @Test
  void exemptsPodsInAUserNamespace() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getSpec().getTemplate().getSpec().setHostUsers(false);
    tester.check(sts).expectNoFindings();
  }
}
