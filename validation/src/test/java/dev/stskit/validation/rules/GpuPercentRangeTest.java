package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-percent-range/{valid,invalid}.yaml}. */
class GpuPercentRangeTest {
  private final RuleTester tester = RuleTester.of(GpuPercentRange.class);

  @Test
  void flagsCoresOver100() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/gpucores]", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsMemoryPercentageZero() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().setLimits(java.util.Map.of(
        "nvidia.com/vgpu", new Quantity("1"), "nvidia.com/gpumem-percentage", new Quantity("0")));
    tester.check(sts).expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/gpumem-percentage]", ErrorType.INVALID);
  }
}
