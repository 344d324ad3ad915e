package dev.stskit.validation;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** How a user tests a rule: one fixture pair under {@code rules/example-no-latest-tag/}. */
class ExampleNoLatestTagTest {
  private final RuleTester tester = RuleTester.of(ExampleNoLatestTag.class);

  @Test
  void flagsImageWithoutTag() {
    tester.load("invalid.yaml").expectFinding("spec.template.spec.containers[0].image", ErrorType.INVALID);
  }

  @Test
  void acceptsPinnedImage() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
