package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuInventoryTest {
  private static final GpuInventory INVENTORY = load();

  private static GpuInventory load() {
    try (InputStream in = GpuInventoryTest.class.getResourceAsStream("/inventory.yaml")) {
      return GpuInventory.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void readsTheDocumentedFile() {
    assertThat(INVENTORY.nodes()).extracting(GpuNode::name)
        .containsExactly("whole-1", "vgpu-1", "vgpu-2", "mig-mixed-1", "mig-single-1", "mig-dyn-1");
    GpuNode t4 = INVENTORY.nodes().get(2);
    assertThat(t4.splitCount()).isEqualTo(4);
    assertThat(t4.memoryPerCard()).isEqualTo(GpuMemory.mebibytes(15360));
    assertThat(INVENTORY.nodes().get(0).splitCount()).isEqualTo(GpuNode.DEFAULT_SPLIT_COUNT);
  }

  @Test
  void wholeCardsFitOnlyOnWholeNodes() {
    Feasibility f = INVENTORY.check(GpuRequest.wholeCard(4), 3, Packing.BINPACK);
    assertThat(f.oneReplicaFits()).isTrue();
    assertThat(f.capacity()).isEqualTo(2);
    assertThat(f.allReplicasFit()).isFalse();
    assertThat(f.reason()).hasValueSatisfying(r -> assertThat(r).contains("2 replica(s)"));
    assertThat(INVENTORY.check(GpuRequest.wholeCard(16), 1, Packing.BINPACK).reason())
        .hasValueSatisfying(r -> assertThat(r).contains("needs 16 cards, node has 8"));
  }

  @Test
  void vgpuSpreadNeedsOneNodePerReplicaBinpackSharesCards() {
    GpuRequest r = GpuRequest.vgpu(1).memory(GpuMemory.gibibytes(10)).cores(20).build();
    // vgpu-1: 4 cards x min(10 split, 8 by memory, 5 by cores) = 20; vgpu-2 (15 GiB T4): 2 x 1 = 2
    Feasibility binpack = INVENTORY.check(r, 22, Packing.BINPACK);
    assertThat(binpack.capacity()).isEqualTo(22);
    assertThat(binpack.allReplicasFit()).isTrue();
    Feasibility spread = INVENTORY.check(r, 3, Packing.SPREAD);
    assertThat(spread.capacity()).isEqualTo(2);
    assertThat(spread.allReplicasFit()).isFalse();
    assertThat(spread.reason()).hasValueSatisfying(s -> assertThat(s).contains("only 2 node(s)"));
  }

  @Test
  void vgpuModelsAndExclusiveCards() {
    GpuRequest a100 = GpuRequest.vgpu(2).memoryMiB(1000).addModel("A100").build();
    assertThat(INVENTORY.check(a100, 1, Packing.BINPACK).nodes()).filteredOn(n -> n.node().equals("vgpu-2"))
        .singleElement().satisfies(n -> assertThat(n.reason()).hasValueSatisfying(s -> assertThat(s).contains("A100")));
    // count only: HAMi makes each card exclusive -> 4 + 2 cards
    assertThat(INVENTORY.check(GpuRequest.vgpu(1).build(), 1, Packing.BINPACK).capacity()).isEqualTo(6);
    GpuRequest tooBig = GpuRequest.vgpu(1).memory(GpuMemory.gibibytes(96)).build();
    Feasibility f = INVENTORY.check(tooBig, 1, Packing.BINPACK);
    assertThat(f.oneReplicaFits()).isFalse();
    assertThat(f.reason()).hasValueSatisfying(s -> assertThat(s).contains("96Gi per card"));
  }

  @Test
  void migMixedSingleAndDynamic() {
    assertThat(INVENTORY.check(GpuRequest.mig("1g.10gb", 2), 2, Packing.BINPACK).capacity()).isEqualTo(2);
    Feasibility missing = INVENTORY.check(GpuRequest.mig("1g.20gb", 1), 1, Packing.BINPACK);
    assertThat(missing.oneReplicaFits()).isFalse();
    assertThat(missing.reason()).hasValueSatisfying(s -> assertThat(s).contains("has no 1g.20gb"));
    assertThat(INVENTORY.check(GpuRequest.mig("1g.5gb", 7, MigStrategy.SINGLE), 4, Packing.BINPACK).allReplicasFit())
        .isTrue();
    assertThat(INVENTORY.check(GpuRequest.migSingle("1g.10gb", 1, "A100-SXM4-80GB"), 1, Packing.BINPACK)
        .oneReplicaFits()).isFalse();
    // 8000 MiB -> 2g.10gb (3 per A100-40GB card) on 2 cards: 6 instances
    assertThat(INVENTORY.check(GpuRequest.dynamicMig(1, GpuMemory.mebibytes(8000)), 1, Packing.BINPACK).capacity())
        .isEqualTo(6);
  }

  @Test
  void nodeSelectorAndAcceleratorsAndEmptyInventory() {
    GpuRequest r = GpuRequest.vgpu(1).cores(50).build();
    Feasibility zoneB = INVENTORY.check(r, 1, Packing.BINPACK, GpuProfile.dce(), Map.of("zone", "b"));
    assertThat(zoneB.nodes()).filteredOn(n -> n.replicas() > 0).extracting(Feasibility.NodeFit::node)
        .containsExactly("vgpu-2");
    Feasibility acc = INVENTORY.check(GpuRequest.accelerator(AcceleratorVendor.HYGON, 1).build(), 1, Packing.BINPACK);
    assertThat(acc.checked()).isFalse();
    Feasibility none = GpuInventory.of(java.util.List.of()).check(GpuRequest.wholeCard(1), 1, Packing.SPREAD);
    assertThat(none.reason()).hasValueSatisfying(s -> assertThat(s).contains("no nodes"));
  }

  @Test
  void badFilesNameTheField() {
    assertThatThrownBy(() -> GpuInventory.parse("nodes:\n  - {name: a, model: T4, cards: x, memoryPerCard: 16Gi, mode: whole}"))
        .hasMessageContaining("nodes[0].cards");
    assertThatThrownBy(() -> GpuInventory.parse("nodes:\n  - {name: a, model: T4, cards: 1, memoryPerCard: 16Gi, mode: whole, gpus: 2}"))
        .hasMessageContaining("nodes[0].gpus");
    assertThatThrownBy(() -> GpuInventory.parse("nodes:\n  - {name: a, model: T4, cards: 1, memoryPerCard: 16G, mode: whole}"))
        .hasMessageContaining("nodes[0].memoryPerCard");
    assertThatThrownBy(() -> GpuInventory.parse("nodes:\n  - {name: a, model: A30, cards: 1, memoryPerCard: 24Gi,"
        + " mode: mig-mixed, migLayout: {1g.10gb: 1}}"))
        .hasMessageContaining("nodes[0]").hasMessageContaining("valid profiles: 1g.6gb");
    assertThatThrownBy(() -> GpuInventory.parse("nodes:\n  - {name: a, model: A30, cards: 1, memoryPerCard: 24Gi,"
        + " mode: mig-mixed, migLayout: {2g.12gb: 2, 1g.6gb: 1}}"))
        .hasMessageContaining("compute slices");
    assertThatThrownBy(() -> GpuInventory.parse("nodes: [{name: a, model: T4, cards: 1, memoryPerCard: 16Gi, mode: whole},"
        + " {name: a, model: T4, cards: 1, memoryPerCard: 16Gi, mode: whole}]"))
        .hasMessageContaining("twice");
    assertThatThrownBy(() -> GpuInventory.parse("nodes: [{name: a, model: T4, cards: 1, memoryPerCard: 16Gi, mode: mixed}]"))
        .hasMessageContaining("nodes[0].mode");
  }
}
