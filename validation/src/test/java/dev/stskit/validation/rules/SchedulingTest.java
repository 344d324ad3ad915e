package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-scheduling/{valid,invalid}.yaml}. */
class SchedulingTest {
  private final RuleTester tester = RuleTester.of(Scheduling.class).withDefaulting();

  @Test
  void flagsTolerationSecondsWithoutNoExecute() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.tolerations[0].effect", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
