package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-gpu-count/{valid,invalid}.yaml}. */
class PlatformGpuCountTest {
  private final RuleTester tester = RuleTester.of(PlatformGpuCount.class);

  @Test
  void flagsZeroGpus() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsSuffixedVgpuAndMigCountsButNotMemory() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().setLimits(java.util.Map.of(
        "nvidia.com/vgpu", new Quantity("1k"), "nvidia.com/mig-1g.10gb", new Quantity("0"),
        "nvidia.com/gpumem", new Quantity("4096")));
    tester.check(sts).expectExactly(
        "spec.template.spec.containers[0].resources.limits[nvidia.com/vgpu]", ErrorType.INVALID,
        "spec.template.spec.containers[0].resources.limits[nvidia.com/mig-1g.10gb]", ErrorType.INVALID);
  }
}
