package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-pod-spec/{valid,invalid}.yaml}. */
class PodSpecFieldsTest {
  private final RuleTester tester = RuleTester.of(PodSpecFields.class).withDefaulting();

  @Test
  void flagsServiceAccountNameThatIsNotADnsSubdomain() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.serviceAccountName", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
