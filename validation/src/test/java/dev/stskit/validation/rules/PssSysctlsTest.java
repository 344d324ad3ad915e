package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-sysctls/{valid,invalid}.yaml}. */
class PssSysctlsTest {
  private final RuleTester tester = RuleTester.of(PssSysctls.class).withDefaulting();

  @Test
  void flagsUnsafeSysctl() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.securityContext.sysctls[0].name", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
