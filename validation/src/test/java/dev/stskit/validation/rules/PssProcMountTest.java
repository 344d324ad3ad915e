package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-proc-mount/{valid,invalid}.yaml}. */
class PssProcMountTest {
  private final RuleTester tester = RuleTester.of(PssProcMount.class).withDefaulting();

  @Test
  void flagsUnmaskedProcOutsideAUserNamespace() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.procMount", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void allowsDefault() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().setProcMount("Default");
    tester.check(sts).expectNoFindings();
  }
}
