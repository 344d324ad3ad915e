package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-service-name/{valid,invalid}.yaml}; the form's 4–63 characters. */
class PlatformServiceNameTest {
  private final RuleTester tester = RuleTester.of(PlatformServiceName.class);

  @Test
  void flagsAThreeCharacterName() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixtureAndTheBounds() {
    tester.load("valid.yaml").expectNoFindings();
    tester.check(new ServiceBuilder().withNewMetadata().withName("abcd").endMetadata().build()).expectNoFindings();
    tester.check(new ServiceBuilder().withNewMetadata().withName("a".repeat(63)).endMetadata().build())
        .expectNoFindings();
    tester.check(new ServiceBuilder().withNewMetadata().withName("a".repeat(64)).endMetadata().build())
        .expectExactly("metadata.name", ErrorType.INVALID);
  }
}
