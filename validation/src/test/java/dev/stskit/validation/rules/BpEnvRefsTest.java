package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-env-refs/{valid,invalid}.yaml}. */
class BpEnvRefsTest {
  private final RuleTester tester = RuleTester.of(BpEnvRefs.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.containers[0].env[0].valueFrom.secretKeyRef.name", "secret-in-env");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
