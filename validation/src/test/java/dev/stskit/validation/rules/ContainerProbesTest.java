package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-container-probes/{valid,invalid}.yaml}. */
class ContainerProbesTest {
  private final RuleTester tester = RuleTester.of(ContainerProbes.class).withDefaulting();

  @Test
  void flagsLivenessProbeWithSuccessThresholdOtherThanOne() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].livenessProbe.successThreshold", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
