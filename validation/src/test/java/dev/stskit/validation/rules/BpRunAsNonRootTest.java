package dev.stskit.validation.rules;

import dev.stskit.validation.ErrorType;
import dev.stskit.testing.rules.RuleTester;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-run-as-non-root/{valid,invalid}.yaml}. */
class BpRunAsNonRootTest {
  private final RuleTester tester = RuleTester.of(BpRunAsNonRoot.class);

  @Test
  void warnsAboutUidZero() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.runAsUser", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void warnsWhenNothingIsSet() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().setSecurityContext(null);
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.runAsNonRoot", ErrorType.REQUIRED);
  }
}
