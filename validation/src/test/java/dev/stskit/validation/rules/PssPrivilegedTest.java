package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-privileged/{valid,invalid}.yaml}. */
class PssPrivilegedTest {
  private final RuleTester tester = RuleTester.of(PssPrivileged.class).withDefaulting();

  @Test
  void flagsPrivilegedContainer() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.privileged", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
