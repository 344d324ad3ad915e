package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-host-path-volumes/{valid,invalid}.yaml}. */
class PssHostPathVolumesTest {
  private final RuleTester tester = RuleTester.of(PssHostPathVolumes.class).withDefaulting();

  @Test
  void flagsHostPathVolume() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.volumes[0].hostPath", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
