package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-host-ports/{valid,invalid}.yaml}. */
class PssHostPortsTest {
  private final RuleTester tester = RuleTester.of(PssHostPorts.class).withDefaulting();

  @Test
  void flagsHostPort() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].ports[0].hostPort", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
