package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-service-name/{valid,invalid}.yaml}. */
class ServiceNameTest {
  private final RuleTester tester = RuleTester.of(ServiceName.class).withDefaulting();

  @Test
  void flagsServiceNameThatIsNotADnsLabel() {
    tester.load("invalid.yaml").expectExactly("spec.serviceName", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
