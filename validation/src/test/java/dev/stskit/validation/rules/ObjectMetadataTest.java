package dev.stskit.validation.rules;

import dev.stskit.validation.ErrorType;
import dev.stskit.validation.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-object-metadata/{valid,invalid}.yaml}. */
class ObjectMetadataTest {
  private final RuleTester tester = RuleTester.of(ObjectMetadata.class).withDefaulting();

  @Test
  void flagsNameThatIsNotADnsLabel() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
