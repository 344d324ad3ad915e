package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-pod-template-metadata/{valid,invalid}.yaml}. */
class PodTemplateMetadataTest {
  private final RuleTester tester = RuleTester.of(PodTemplateMetadata.class).withDefaulting();

  @Test
  void flagsTemplateLabelValueWithASpace() {
    tester.load("invalid.yaml").expectExactly("spec.template.labels", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
