package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-host-probes/{valid,invalid}.yaml}. */
class PssHostProbesTest {
  private final RuleTester tester = RuleTester.of(PssHostProbes.class).withDefaulting();

  @Test
  void flagsProbeHost() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].readinessProbe.httpGet.host", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
