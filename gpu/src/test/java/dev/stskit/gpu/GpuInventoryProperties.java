package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.gpu.GpuDomain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** Consistency of the feasibility answers for every generated request on the test inventory. */
@Domain(GpuDomain.class)
@Domain(DomainContext.Global.class)
class GpuInventoryProperties {
  private static final GpuInventory INVENTORY = load();

  private static GpuInventory load() {
    try (InputStream in = GpuInventoryProperties.class.getResourceAsStream("/inventory.yaml")) {
      return GpuInventory.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property
  void answersAreConsistent(@ForAll GpuRequest r, @ForAll @IntRange(min = 1, max = 40) int replicas) {
    Feasibility spread = INVENTORY.check(r, replicas, Packing.SPREAD);
    Feasibility binpack = INVENTORY.check(r, replicas, Packing.BINPACK);
    if (!spread.checked()) {
      assertThat(r).isInstanceOf(GpuRequest.Accelerator.class);
      assertThat(spread.reason()).isPresent();
      return;
    }
    assertThat(spread.capacity()).isLessThanOrEqualTo(binpack.capacity());
    assertThat(spread.oneReplicaFits()).isEqualTo(binpack.oneReplicaFits())
        .isEqualTo(binpack.nodes().stream().anyMatch(n -> n.replicas() > 0));
    if (spread.allReplicasFit()) {
      assertThat(binpack.allReplicasFit()).isTrue();
    }
    assertThat(binpack.allReplicasFit()).isEqualTo(binpack.capacity() >= replicas);
    assertThat(binpack.reason().isPresent()).isEqualTo(!binpack.allReplicasFit());
    binpack.nodes().forEach(n -> assertThat(n.reason().isPresent()).isEqualTo(n.replicas() == 0));
    if (replicas > 1) {
      Feasibility fewer = INVENTORY.check(r, replicas - 1, Packing.BINPACK);
      if (binpack.allReplicasFit()) {
        assertThat(fewer.allReplicasFit()).isTrue();
      }
    }
  }
}
