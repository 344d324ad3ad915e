package dev.stskit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-mig-profile/{valid,invalid}.yaml}. */
class GpuMigProfileTest {
  private final RuleTester tester = RuleTester.of(GpuMigProfile.class);

  @Test
  void flagsProfileThePinnedModelLacks() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/mig-1g.6gb]", ErrorType.INVALID);
  }

  /** Issue 10 item 8: the single strategy selects the profile by node label; one its model lacks is found. */
  @Test
  void flagsASingleStrategyProfileTheSelectedModelLacks() {
    String values = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution"
        + ".nodeSelectorTerms[0].matchExpressions[0].values";
    tester.load("invalid-single.yaml").expectExactly(values + "[0]", ErrorType.INVALID);
    StatefulSet sts = tester.read("invalid-single.yaml");
    var req = sts.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0).getMatchExpressions().get(0);
    assertThat(tester.check(sts).report().findings().get(0).message()).contains("A100-80GB").contains("3g.40gb")
        .doesNotContain("+me");
    req.setValues(java.util.List.of("A100-SXM4-80GB-MIG-3g.40gb"));
    tester.check(sts).expectNoFindings();
    // one possible alternative is enough for the pod to schedule
    req.setValues(java.util.List.of("A100-SXM4-80GB-MIG-3g.20gb", "A100-SXM4-40GB-MIG-3g.20gb"));
    tester.check(sts).expectNoFindings();
    // a model the catalog does not know is not judged
    req.setValues(java.util.List.of("Z900-SXM9-88GB-MIG-3g.20gb"));
    tester.check(sts).expectNoFindings();
    // MIG Manager's layout label, in a node selector: a profile no model has
    sts.getSpec().getTemplate().getSpec().setAffinity(null);
    sts.getSpec().getTemplate().getSpec().setNodeSelector(java.util.Map.of("nvidia.com/mig.config", "all-1g.11gb"));
    tester.check(sts).expectExactly("spec.template.spec.nodeSelector[nvidia.com/mig.config]", ErrorType.INVALID);
    sts.getSpec().getTemplate().getSpec().setNodeSelector(java.util.Map.of("nvidia.com/mig.config", "all-1g.10gb"));
    tester.check(sts).expectNoFindings();
    sts.getSpec().getTemplate().getSpec().setNodeSelector(java.util.Map.of("nvidia.com/gpu.product", "NVIDIA-H100-SXM5-80GB-MIG-1g.5gb"));
    tester.check(sts).expectExactly("spec.template.spec.nodeSelector[nvidia.com/gpu.product]", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void withoutAPinnedModelAcceptsAnyCatalogProfileAndFlagsUnknownOnes() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getSpec().getTemplate().getSpec().setNodeSelector(null);
    tester.check(sts).expectNoFindings();
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources()
        .setLimits(java.util.Map.of("nvidia.com/mig-9g.99gb", new Quantity("1")));
    tester.check(sts).expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/mig-9g.99gb]", ErrorType.INVALID);
  }
}
