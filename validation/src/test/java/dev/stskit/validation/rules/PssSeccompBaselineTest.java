package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-seccomp-baseline/{valid,invalid}.yaml}. */
class PssSeccompBaselineTest {
  private final RuleTester tester = RuleTester.of(PssSeccompBaseline.class).withDefaulting();

  @Test
  void flagsUnconfinedSeccomp() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.securityContext.seccompProfile.type", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
