package dev.stskit.validation.rules;

import dev.stskit.validation.ErrorType;
import dev.stskit.validation.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-volumes/{valid,invalid}.yaml}. */
class VolumesTest {
  private final RuleTester tester = RuleTester.of(Volumes.class).withDefaulting();

  @Test
  void flagsVolumeWithTwoSources() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.volumes[0].hostPath", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
