package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-statefulset-counts/{valid,invalid}.yaml}. */
class StatefulSetCountsTest {
  private final RuleTester tester = RuleTester.of(StatefulSetCounts.class).withDefaulting();

  @Test
  void flagsNegativeReplicas() {
    tester.load("invalid.yaml").expectExactly("spec.replicas", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
