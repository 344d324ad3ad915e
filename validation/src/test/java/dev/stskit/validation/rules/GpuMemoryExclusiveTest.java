package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-memory-exclusive/{valid,invalid}.yaml}. */
class GpuMemoryExclusiveTest {
  private final RuleTester tester = RuleTester.of(GpuMemoryExclusive.class);

  @Test
  void warnsAboutMemoryGivenTwice() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/gpumem-percentage]", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
