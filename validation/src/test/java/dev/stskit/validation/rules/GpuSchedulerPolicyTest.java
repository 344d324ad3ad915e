package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-scheduler-policy/{valid,invalid}.yaml}. */
class GpuSchedulerPolicyTest {
  private final RuleTester tester = RuleTester.of(GpuSchedulerPolicy.class);

  @Test
  void flagsUnknownCardPolicy() {
    tester.load("invalid.yaml").expectExactly("spec.template.metadata.annotations[hami.io/gpu-scheduler-policy]", ErrorType.NOT_SUPPORTED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void acceptsHamiCardPolicyChainsButNotTopologyAwareNodes() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getMetadata().setAnnotations(java.util.Map.of(
        "hami.io/gpu-scheduler-policy", "binpack, numa", "hami.io/node-scheduler-policy", "topology-aware"));
    tester.check(sts).expectExactly(
        "spec.template.metadata.annotations[hami.io/node-scheduler-policy]", ErrorType.NOT_SUPPORTED);
  }
}
