package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-run-as-user/{valid,invalid}.yaml}. */
class PssRunAsUserTest {
  private final RuleTester tester = RuleTester.of(PssRunAsUser.class).withDefaulting();

  @Test
  void flagsRunAsUserZero() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.securityContext.runAsUser", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
