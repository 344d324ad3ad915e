package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-capabilities-baseline/{valid,invalid}.yaml}. */
class PssCapabilitiesBaselineTest {
  private final RuleTester tester = RuleTester.of(PssCapabilitiesBaseline.class).withDefaulting();

  @Test
  void flagsCapabilityOutsideTheBaselineSet() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.capabilities.add[0]", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
