package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-pod-dns/{valid,invalid}.yaml}. */
class PodDnsTest {
  private final RuleTester tester = RuleTester.of(PodDns.class).withDefaulting();

  @Test
  void flagsDnsPolicyNoneWithoutConfig() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.dnsConfig", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
