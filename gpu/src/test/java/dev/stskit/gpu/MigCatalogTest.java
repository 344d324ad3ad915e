package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The packaged catalog against NVIDIA's "Supported MIG Profiles" tables (mig-profiles.json). */
class MigCatalogTest {
  private final MigCatalog catalog = MigCatalog.standard();

  @Test
  void a100With80GbHasSevenOneGTenGbInstances_nvidiaMigTable() {
    MigProfile p = catalog.profile("A100-80GB", "1g.10gb");
    assertThat(p.maxInstances()).isEqualTo(7);
    assertThat(p.computeSlices()).isEqualTo(1);
    assertThat(p.mixedStrategyResource()).isEqualTo("nvidia.com/mig-1g.10gb");
    assertThat(catalog.model("A100-80GB").maxInstancesPerGpu()).isEqualTo(7);
  }

  @Test
  void findsModelsByGfdProductAndHamiNames() {
    assertThat(catalog.model("NVIDIA-A100-SXM4-80GB").name()).isEqualTo("A100-80GB");
    assertThat(catalog.model("A100-PCIE-40GB").name()).isEqualTo("A100-SXM4-40GB");
    assertThat(catalog.model("NVIDIA H20").name()).isEqualTo("H20-96GB");
    assertThat(catalog.find("Tesla-T4")).isEmpty();
  }

  @Test
  void unknownProfileListsTheValidOnes() {
    assertThatThrownBy(() -> catalog.profile("A30-24GB", "1g.10gb"))
        .isInstanceOf(UnknownMigProfileException.class)
        .hasMessageContaining("1g.6gb, 1g.6gb+me, 2g.12gb, 2g.12gb+me, 4g.24gb")
        .satisfies(e -> assertThat(((UnknownMigProfileException) e).validProfiles()).hasSize(5));
    assertThatThrownBy(() -> catalog.model("Tesla-T4")).hasMessageContaining("A100-80GB");
  }

  @Test
  void mixedResourceNamesAgreeWithTheMapper() {
    GpuMappers m = GpuMappers.defaults();
    for (MigModel model : catalog.models()) {
      for (MigProfile p : model.profiles()) {
        assertThat(m.place(GpuRequest.mig(p.name(), 1)).limits()).as(model.name() + " " + p.name())
            .containsOnlyKeys(p.mixedStrategyResource());
      }
    }
  }

  @Test
  void dynamicMigPicksTheSmallestFittingProfile_hamiDynamicMigExampleComment() {
    // examples/nvidia/dynamic_mig_example.yaml: 8000 MiB -> 2g.10gb on A100-40GB, 1g.10gb on A100-80GB
    assertThat(catalog.model("A100-PCIE-40GB").smallestFitting(GpuMemory.mebibytes(8000)).orElseThrow().name())
        .isEqualTo("2g.10gb");
    assertThat(catalog.model("A100-SXM4-80GB").smallestFitting(GpuMemory.mebibytes(8000)).orElseThrow().name())
        .isEqualTo("1g.10gb");
    assertThat(catalog.model("A30").smallestFitting(GpuMemory.gibibytes(30))).isEmpty();
  }
}
