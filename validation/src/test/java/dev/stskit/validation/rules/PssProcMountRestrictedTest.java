package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-proc-mount-restricted/{valid,invalid}.yaml}. */
class PssProcMountRestrictedTest {
  private final RuleTester tester = RuleTester.of(PssProcMountRestricted.class).withDefaulting();

  @Test
  void flagsUnmaskedProcEvenInAUserNamespace() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.procMount", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
