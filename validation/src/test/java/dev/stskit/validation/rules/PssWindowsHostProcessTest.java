package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-windows-host-process/{valid,invalid}.yaml}. */
class PssWindowsHostProcessTest {
  private final RuleTester tester = RuleTester.of(PssWindowsHostProcess.class).withDefaulting();

  @Test
  void flagsHostProcessContainer() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.windowsOptions.hostProcess", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
