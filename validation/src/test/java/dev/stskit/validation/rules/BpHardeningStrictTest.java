package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-hardening-strict/{valid,invalid}.yaml}. */
class BpHardeningStrictTest {
  private final RuleTester tester = RuleTester.of(BpHardeningStrict.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.containers[0].securityContext.runAsUser", "high-uid-gid");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
