package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-plain-integer/{valid,invalid}.yaml}. */
class GpuPlainIntegerTest {
  private final RuleTester tester = RuleTester.of(GpuPlainInteger.class);

  @Test
  void flagsSuffixedGpuMemory() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/gpumem]", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
