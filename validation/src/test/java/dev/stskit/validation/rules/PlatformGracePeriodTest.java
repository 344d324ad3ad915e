package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-grace-period/{valid,invalid,negative}.yaml}. */
class PlatformGracePeriodTest {
  private final RuleTester tester = RuleTester.of(PlatformGracePeriod.class);

  @Test
  void flagsWindowOver9999Seconds() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.terminationGracePeriodSeconds", ErrorType.INVALID);
  }

  @Test
  void flagsANegativeWindowTheFormCannotEnter() {
    tester.load("negative.yaml").expectExactly("spec.template.spec.terminationGracePeriodSeconds", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
