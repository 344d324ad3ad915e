package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-pod-disruption-budget/{valid,invalid}.yaml}. */
class BpPodDisruptionBudgetTest {
  private final RuleTester tester = RuleTester.of(BpPodDisruptionBudget.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.metadata.labels", "disruptions-zero");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
