package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-resources/{valid,invalid}.yaml}. */
class BpResourcesTest {
  private final RuleTester tester = RuleTester.of(BpResources.class);

  @Test
  void warnsAboutMissingMemoryLimit() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[memory]", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void countsALimitAsARequestAndFlagsMissingOnes() {
    StatefulSet sts = tester.read("valid.yaml");
    var resources = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    resources.setRequests(java.util.Map.of());
    tester.check(sts).expectNoFindings(); // the limits count as requests
    resources.setLimits(new java.util.HashMap<>(java.util.Map.of("memory", resources.getLimits().get("memory"))));
    tester.check(sts).expectExactly("spec.template.spec.containers[0].resources.requests[cpu]", ErrorType.REQUIRED,
        "spec.template.spec.containers[0].resources.limits[cpu]", ErrorType.REQUIRED);
  }
}
