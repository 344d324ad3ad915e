package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-statefulset-template-policy/{valid,invalid}.yaml}. */
class StatefulSetTemplatePolicyTest {
  private final RuleTester tester = RuleTester.of(StatefulSetTemplatePolicy.class).withDefaulting();

  @Test
  void flagsRestartPolicyOtherThanAlways() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.restartPolicy", ErrorType.NOT_SUPPORTED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
