package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-security-context/{valid,invalid}.yaml}. */
class SecurityContextsTest {
  private final RuleTester tester = RuleTester.of(SecurityContexts.class).withDefaulting();

  @Test
  void flagsNegativeUserId() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.securityContext.runAsUser", ErrorType.INVALID);
  }

  /** validateWindowsHostProcessPod: found by the conformance suite (the apiserver rejected it, we did not). */
  @Test
  void aHostProcessContainerNeedsTheHostNetworkAndEveryContainerHostProcess() {
    io.fabric8.kubernetes.api.model.apps.StatefulSet sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder()
        .withNewMetadata().withName("web").withNamespace("default").endMetadata()
        .withNewSpec().withServiceName("web").withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec()
        .addNewContainer().withName("a").withImage("img").withNewSecurityContext().withNewWindowsOptions()
        .withHostProcess(true).endWindowsOptions().endSecurityContext().endContainer()
        .addNewContainer().withName("b").withImage("img").endContainer()
        .endSpec().endTemplate().endSpec().build();
    tester.check(sts).expectExactly("spec.template.spec", ErrorType.INVALID,
        "spec.template.spec.hostNetwork", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
