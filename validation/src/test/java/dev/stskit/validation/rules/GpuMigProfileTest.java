package dev.stskit.validation.rules;

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
