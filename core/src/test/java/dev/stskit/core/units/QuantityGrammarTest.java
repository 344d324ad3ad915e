package dev.stskit.core.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.SpecException;
import org.junit.jupiter.api.Test;

/**
 * Core's units take every quantity Kubernetes takes (resource.ParseQuantity: micro, nano, exa) and
 * refuse what it refuses, through the grammar shared with validation and the reader. Before, core had
 * its own grammar and refused {@code 250u} and {@code 100n}.
 */
class QuantityGrammarTest {
  @Test
  void acceptsMicroNanoAndExa() {
    assertThat(Cpu.of("250u").toQuantity().getFormat()).isEqualTo("u");
    assertThat(Cpu.of("100n").toString()).isEqualTo("100n");
    assertThat(Memory.of("1E").bytes()).isEqualByComparingTo("1e18");
    assertThat(Storage.of("9Ei").bytes()).isPositive();
    assertThat(Cpu.of("1e3").millicores()).isEqualTo(1_000_000L);
  }

  @Test
  void refusesWhatKubernetesRefusesOrFabric8CannotCompare() {
    for (String bad : new String[] {"..", "1.2.3", "1..", ".5.", "1e", "1K", " 1", "m"}) {
      assertThatThrownBy(() -> Cpu.of(bad)).as(bad).isInstanceOf(SpecException.class)
          .hasMessageContaining("not a Kubernetes quantity");
    }
  }
}
