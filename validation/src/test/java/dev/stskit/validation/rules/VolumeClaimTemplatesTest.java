package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-volume-claim-templates/{valid,invalid}.yaml}. */
class VolumeClaimTemplatesTest {
  private final RuleTester tester = RuleTester.of(VolumeClaimTemplates.class).withDefaulting();

  @Test
  void flagsClaimTemplateWithoutAccessModes() {
    tester.load("invalid.yaml").expectExactly("spec.volumeClaimTemplates[0].spec.accessModes", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
