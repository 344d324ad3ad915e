package dev.stskit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-inventory-fit/{valid,invalid,inventory}.yaml}. */
class GpuInventoryFitTest {
  private final RuleTester tester = RuleTester.of(new GpuInventoryFit(inventory("gpu-inventory-fit"))).withDefaulting();

  static GpuInventory inventory(String ruleId) {
    try (InputStream in = Thread.currentThread().getContextClassLoader()
        .getResourceAsStream("rules/" + ruleId + "/inventory.yaml")) {
      return GpuInventory.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void flagsRequestNoNodeCanHost() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.limits[nvidia.com/vgpu]", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void checksAgainstTheInventoryItWasGiven() {
    RuleTester empty = RuleTester.of(new GpuInventoryFit(GpuInventory.of(java.util.List.of()))).withDefaulting();
    assertThat(empty.load("valid.yaml").report().errors()).hasSize(1);
  }
}
