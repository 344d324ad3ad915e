package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GpuRequestTest {

  @Test
  void memoryParsesBinaryAmountsAndRefusesWhatHamiMisreads() {
    assertThat(GpuMemory.parse("4Gi")).isEqualTo(GpuMemory.mebibytes(4096));
    assertThat(GpuMemory.parse("3000Mi")).isEqualTo(GpuMemory.mebibytes(3000));
    assertThat(GpuMemory.parse("3000")).isEqualTo(GpuMemory.mebibytes(3000));
    assertThat(GpuMemory.parse("2048Ki")).isEqualTo(GpuMemory.mebibytes(2));
    assertThat(GpuMemory.parse("1Ti").toString()).isEqualTo("1Ti");
    assertThat(GpuMemory.mebibytes(3000).toString()).isEqualTo("3000Mi");
    for (String bad : new String[] {"3000M", "4G", "200MB", "1.5Gi", "-1", "1000Ki", "0"}) {
      assertThatThrownBy(() -> GpuMemory.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** Issue 10 item 3: null is the documented IllegalArgumentException, not a bare NPE; long text is clipped. */
  @Test
  void memoryParseOfNullOrHugeTextSaysWhatIsWrong() {
    assertThatThrownBy(() -> GpuMemory.parse(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GPU memory is required");
    assertThatThrownBy(() -> GpuMemory.parse("x".repeat(100_000))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("(100000 characters)").message().hasSizeLessThan(600);
  }

  @Test
  void countsArePositive() {
    assertThatThrownBy(() -> GpuRequest.wholeCard(0)).hasMessageContaining("gpu.count");
    assertThatThrownBy(() -> GpuRequest.vgpu(0).build()).hasMessageContaining("gpu.cards");
    assertThatThrownBy(() -> GpuRequest.mig("1g.10gb", 0)).hasMessageContaining("gpu.count");
    assertThatThrownBy(() -> GpuRequest.dynamicMig(0, GpuMemory.gibibytes(8))).hasMessageContaining("gpu.count");
  }

  @Test
  void vgpuRefusesConflictsAndRanges() {
    assertThatThrownBy(() -> GpuRequest.vgpu(1).memoryMiB(100).memoryPercent(50).build())
        .hasMessageContaining("never both");
    assertThatThrownBy(() -> GpuRequest.vgpu(1).memoryPercent(0).build()).hasMessageContaining("gpu.memoryPercent");
    assertThatThrownBy(() -> GpuRequest.vgpu(1).cores(101).build()).hasMessageContaining("gpu.cores");
    assertThatThrownBy(() -> GpuRequest.vgpu(1).addModel("A100").addAvoidModel("A100").build())
        .hasMessageContaining("A100");
    assertThatThrownBy(() -> GpuRequest.vgpu(1).addModel("A100,V100").build()).hasMessageContaining("gpu.models");
    assertThatThrownBy(() -> GpuRequest.vgpu(1).memoryMiB(3_000_000_000L).build()).hasMessageContaining("int32");
  }

  @Test
  void nullsAreRefusedWithTheFieldNotANullPointerException() {
    assertThatThrownBy(() -> new GpuRequest.Vgpu(1, null, java.util.Optional.empty(), java.util.OptionalInt.empty(),
        java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), java.util.List.of(),
        java.util.List.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpu.cores");
    assertThatThrownBy(() -> GpuRequest.vgpu(1).addModel("A100", null).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gpu.models[1]");
    assertThatThrownBy(() -> GpuRequest.mig(null, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu.profile");
    assertThatThrownBy(() -> GpuRequest.dynamicMig(1, null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu.memory");
    assertThatThrownBy(() -> GpuRequest.accelerator(null, 1).build()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gpu.vendor");
  }

  @Test
  void vgpuStatesWhatTheWebhookAdds() {
    assertThat(GpuRequest.vgpu(1).build().effectiveCores()).isEqualTo(100);
    assertThat(GpuRequest.vgpu(1).memoryPercent(100).build().effectiveCores()).isEqualTo(100);
    assertThat(GpuRequest.vgpu(1).memoryMiB(3000).build().effectiveCores()).isZero();
    assertThat(GpuRequest.vgpu(1).memoryMiB(3000).cores(30).build().effectiveCores()).isEqualTo(30);
  }

  @Test
  void migRefusesBadProfilesAndStrategyMixups() {
    assertThatThrownBy(() -> GpuRequest.mig("1g10gb", 1)).hasMessageContaining("gpu.profile");
    assertThatThrownBy(() -> GpuRequest.migSingle("1g.5gb+me", 1, "A100-SXM4-40GB")).hasMessageContaining("'+'");
    assertThatThrownBy(() -> new GpuRequest.Mig("1g.5gb", 1, MigStrategy.MIXED, java.util.Optional.of("A100")))
        .hasMessageContaining("gpu.product");
  }

  /** Issue 10 item 8: what the packaged MIG catalog knows no GPU has is refused when built. */
  @Test
  void migProfilesTheCatalogKnowsAreImpossibleAreRefusedAtBuild() {
    assertThatThrownBy(() -> GpuRequest.migSingle("3g.20gb", 1, "A100-SXM4-80GB"))
        .isInstanceOf(UnknownMigProfileException.class)
        .hasMessageStartingWith("gpu.profile: MIG profile '3g.20gb' does not exist on A100-80GB")
        .hasMessageContaining("valid profiles: 1g.10gb, 1g.20gb, 2g.20gb, 3g.40gb, 4g.40gb, 7g.80gb")
        .satisfies(e -> assertThat(((UnknownMigProfileException) e).validProfiles()).doesNotContain("1g.10gb+me"));
    assertThatThrownBy(() -> GpuRequest.mig("1g.11gb", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("gpu.profile: MIG profile '1g.11gb' exists on no GPU model of the MIG catalog")
        .hasMessageContaining("valid 1g profiles: 1g.5gb, 1g.6gb, 1g.10gb, 1g.12gb, 1g.18gb, 1g.20gb, ");
    assertThatThrownBy(() -> GpuRequest.mig("5g.20gb", 1))
        .hasMessageContaining("valid profiles start with 1g., 2g., 3g., 4g., 7g.");
    assertThatThrownBy(() -> GpuRequest.mig("1g.11gb", 1, MigStrategy.SINGLE)).hasMessageContaining("no GPU model");
    // the same profile on a model that has it, under either strategy, and a product newer than the catalog
    assertThat(GpuRequest.migSingle("3g.20gb", 1, "A100-SXM4-40GB").profile()).isEqualTo("3g.20gb");
    assertThat(GpuRequest.migSingle("3g.40gb", 1, "NVIDIA-A100-SXM4-80GB").profile()).isEqualTo("3g.40gb");
    assertThat(GpuRequest.mig("3g.20gb", 1).profile()).isEqualTo("3g.20gb");
    assertThat(GpuRequest.migSingle("1g.11gb", 1, "Z900-SXM9-88GB").product()).contains("Z900-SXM9-88GB");
    assertThat(MigCatalog.standard().profileNames()).contains("1g.5gb", "7g.186gb").doesNotHaveDuplicates();
  }

  @Test
  void acceleratorUnitsAreChecked() {
    assertThatThrownBy(() -> GpuRequest.accelerator(AcceleratorVendor.ILUVATAR, 1).model("BI-V150")
        .memory(GpuMemory.mebibytes(1000)).build()).hasMessageContaining("256Mi");
    assertThatThrownBy(() -> GpuRequest.accelerator(AcceleratorVendor.MTHREADS, 1)
        .memory(GpuMemory.mebibytes(512 * 3)).build()).hasMessageContaining("[2, 4, 8, 16, 32, 64, 96]");
    assertThatThrownBy(() -> GpuRequest.accelerator(AcceleratorVendor.MTHREADS, 1).cores(17).build())
        .hasMessageContaining("1..16");
    assertThatThrownBy(() -> GpuRequest.accelerator(AcceleratorVendor.KUNLUNXIN, 1).cores(10).build())
        .hasMessageContaining("no core resource");
    assertThatThrownBy(() -> GpuRequest.accelerator(AcceleratorVendor.ASCEND, 1).model("Kunlun").build())
        .hasMessageContaining("Ascend");
  }

  @Test
  void noMapperErrorNamesRequestAndMappersTried() {
    GpuMappers onlyWhole = GpuMappers.of(GpuProfile.dce(),
        java.util.List.of(new dev.stskit.gpu.nvidia.NvidiaDevicePluginMapper(GpuProfile.dce())));
    assertThatThrownBy(() -> onlyWhole.place(GpuRequest.mig("1g.10gb", 1)))
        .isInstanceOf(NoGpuMapperException.class)
        .hasMessageContaining("{mode: mig, strategy: mixed, profile: 1g.10gb, count: 1}").hasMessageContaining("nvidia-device-plugin")
        .satisfies(e -> assertThat(((NoGpuMapperException) e).triedMapperIds()).containsExactly("nvidia-device-plugin"));
  }

  @Test
  void detectLeavesWhatItCannotReadExactlyToTheCaller() {
    GpuMappers dce = GpuMappers.defaults();
    // 3000M is 3e9 to HAMi: never claimed as memory
    GpuMappers.Detected d = dce.detect(Map.of("nvidia.com/vgpu", new io.fabric8.kubernetes.api.model.Quantity("1"),
        "nvidia.com/gpumem", new io.fabric8.kubernetes.api.model.Quantity("3000M")),
        Map.of("hami.io/gpu-scheduler-policy", "binpack,numa", "team", "a")).orElseThrow();
    assertThat(d.request()).isEqualTo(GpuRequest.vgpu(1).build());
    assertThat(d.limitKeys()).containsExactly("nvidia.com/vgpu");
    assertThat(d.podAnnotationKeys()).isEmpty();
    assertThat(dce.detect(Map.of("cpu", new io.fabric8.kubernetes.api.model.Quantity("1")), Map.of())).isEmpty();
    // count missing: the webhook would add 1, the mapper would write it, so nothing is claimed
    assertThat(dce.detect(Map.of("nvidia.com/gpumem", new io.fabric8.kubernetes.api.model.Quantity("3000")), Map.of()))
        .isEmpty();
  }

  @Test
  void hamiCoreModeAnnotationIsKeptVerbatimBesideTheVgpuRequest() {
    GpuMappers dce = GpuMappers.defaults();
    GpuMappers.Detected d = dce.detect(Map.of("nvidia.com/vgpu", new io.fabric8.kubernetes.api.model.Quantity("1"),
        "nvidia.com/gpucores", new io.fabric8.kubernetes.api.model.Quantity("30")),
        Map.of("nvidia.com/vgpu-mode", "hami-core")).orElseThrow();
    assertThat(d.request()).isEqualTo(GpuRequest.vgpu(1).cores(30).build());
    assertThat(d.podAnnotationKeys()).isEmpty();
  }

  @Test
  void customProfileRenamesResources() {
    GpuProfile ours = GpuProfile.builder().from(GpuProfile.dce()).id("ours").vgpuCountResource("example.com/vgpu")
        .putResourceRename("huawei.com/Ascend910B3", "example.com/npu").build();
    GpuMappers m = GpuMappers.of(ours);
    assertThat(m.place(GpuRequest.vgpu(1).cores(10).build()).limits()).containsKey("example.com/vgpu");
    GpuRequest npu = GpuRequest.accelerator(AcceleratorVendor.ASCEND, 2).model("Ascend910B3").build();
    GpuPlacement p = m.place(npu);
    assertThat(p.limits()).containsOnlyKeys("example.com/npu");
    assertThat(m.detect(p.limits(), p.podAnnotations()).orElseThrow().request()).isEqualTo(npu);
    assertThatThrownBy(() -> GpuProfile.builder().id("bad").vgpuCountResource("nvidia.com/gpumem").build())
        .hasMessageContaining("nvidia.com/gpumem");
  }
}
