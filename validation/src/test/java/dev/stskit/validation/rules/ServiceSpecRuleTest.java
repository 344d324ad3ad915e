package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-service-spec/{valid,invalid}.yaml}; validateService, validateAffinityTimeout. */
class ServiceSpecRuleTest {
  private final RuleTester tester = RuleTester.of(ServiceSpecRule.class).withDefaulting();

  @Test
  void flagsASessionAffinityTimeoutOverADay() {
    tester.load("invalid.yaml").expectExactly("spec.sessionAffinityConfig.clientIP.timeoutSeconds", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsHeadlessLoadBalancerUnknownTypeBadSelectorAndZeroTimeout() {
    tester.check(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
        .withType("LoadBalancer").withClusterIP("None").addToSelector("app", "a b").endSpec().build())
        .expectExactly("spec.clusterIPs[0]", ErrorType.INVALID, "spec.selector", ErrorType.INVALID);
    tester.check(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
        .withType("Internal").withSessionAffinity("ClientIP").withNewSessionAffinityConfig().withNewClientIP()
        .withTimeoutSeconds(0).endClientIP().endSessionAffinityConfig().endSpec().build())
        .expectExactly("spec.type", ErrorType.NOT_SUPPORTED,
            "spec.sessionAffinityConfig.clientIP.timeoutSeconds", ErrorType.INVALID);
    tester.check(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
        .withType("ExternalName").endSpec().build()).expectExactly("spec.externalName", ErrorType.REQUIRED);
  }

  @Test
  void headlessClusterIpServiceIsValid() {
    tester.check(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
        .withClusterIP("None").addToSelector("app", "web").endSpec().build()).expectNoFindings();
  }
}
