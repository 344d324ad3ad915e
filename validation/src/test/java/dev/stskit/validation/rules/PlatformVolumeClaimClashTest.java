package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-volume-claim-clash/{valid,invalid}.yaml}. */
class PlatformVolumeClaimClashTest {
  private final RuleTester tester = RuleTester.of(PlatformVolumeClaimClash.class);

  @Test
  void warnsAboutVolumeShadowedByClaimTemplate() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.volumes[0].name", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
