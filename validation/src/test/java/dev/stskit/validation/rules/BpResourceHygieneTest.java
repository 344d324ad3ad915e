package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-resource-hygiene/{valid,invalid}.yaml}. */
class BpResourceHygieneTest {
  private final RuleTester tester = RuleTester.of(BpResourceHygiene.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.containers[0].resources.limits[ephemeral-storage]", "ephemeral-storage");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
