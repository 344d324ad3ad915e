package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-claim-template/{valid,invalid}.yaml}. */
class BpClaimTemplateTest {
  private final RuleTester tester = RuleTester.of(BpClaimTemplate.class);

  @Test
  void notesMissingClaimTemplates() {
    tester.load("invalid.yaml").expectExactly("spec.volumeClaimTemplates", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
