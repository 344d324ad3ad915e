package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-security-context/{valid,invalid}.yaml}. */
class SecurityContextsTest {
  private final RuleTester tester = RuleTester.of(SecurityContexts.class).withDefaulting();

  @Test
  void flagsNegativeUserId() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.securityContext.runAsUser", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
