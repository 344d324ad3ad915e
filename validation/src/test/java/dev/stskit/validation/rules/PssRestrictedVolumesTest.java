package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-restricted-volumes/{valid,invalid}.yaml}. */
class PssRestrictedVolumesTest {
  private final RuleTester tester = RuleTester.of(PssRestrictedVolumes.class).withDefaulting();

  @Test
  void flagsNfsVolume() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.volumes[0]", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
