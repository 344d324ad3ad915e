package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-probes/{valid,invalid}.yaml}. */
class BpProbesTest {
  private final RuleTester tester = RuleTester.of(BpProbes.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.containers[0].livenessProbe", "liveness-missing");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
