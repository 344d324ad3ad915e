package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-statefulset-policies/{valid,invalid}.yaml}. */
class StatefulSetPoliciesTest {
  private final RuleTester tester = RuleTester.of(StatefulSetPolicies.class).withDefaulting();

  @Test
  void flagsRollingUpdateWithOnDelete() {
    tester.load("invalid.yaml").expectExactly("spec.updateStrategy.rollingUpdate", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
