package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-workload-name/{valid,invalid}.yaml}. */
class PlatformWorkloadNameTest {
  private final RuleTester tester = RuleTester.of(PlatformWorkloadName.class);

  @Test
  void flagsNameThatIsNotADnsLabel() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
