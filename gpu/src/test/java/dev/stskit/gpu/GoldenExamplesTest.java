package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * One golden case per mode and option. Each HAMi case compares the placement with a manifest
 * copied from Project-HAMi/HAMi {@code examples/nvidia/} (src/test/resources/gpu-examples, the
 * first line of each file names its source) and detects the request back from it. DCE cases
 * follow the DaoCloud pages named in their comments (gpu/docs/facts.md §1, docs/form.md §2).
 */
class GoldenExamplesTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private final GpuMappers hami = GpuMappers.of(GpuProfile.upstreamHami());
  private final GpuMappers dce = GpuMappers.defaults();

  /** The first container's limits and the pod (template) annotations of an example file. */
  record Example(Map<String, Quantity> limits, Map<String, String> annotations) {}

  static Example load(String file) {
    try (InputStream in = GoldenExamplesTest.class.getResourceAsStream("/gpu-examples/" + file)) {
      JsonNode root = YAML.readTree(in);
      JsonNode pod = root.get("kind").stringValue().equals("Pod") ? root : root.get("spec").get("template");
      Map<String, Quantity> limits = new LinkedHashMap<>();
      pod.get("spec").get("containers").get(0).get("resources").get("limits").properties()
          .forEach(e -> limits.put(e.getKey(), new Quantity(e.getValue().asString())));
      Map<String, String> annotations = new LinkedHashMap<>();
      JsonNode a = pod.get("metadata").get("annotations");
      if (a != null) {
        a.properties().forEach(e -> annotations.put(e.getKey(), e.getValue().stringValue()));
      }
      return new Example(limits, annotations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> strings(Map<String, Quantity> limits) {
    Map<String, String> out = new LinkedHashMap<>();
    limits.forEach((k, v) -> out.put(k, v.toString()));
    return out;
  }

  /** The placement writes exactly the example's GPU limits and annotations, and detect reads the request back. */
  private void assertGolden(GpuMappers mappers, String file, GpuRequest request) {
    Example ex = load(file);
    GpuPlacement p = mappers.place(request);
    assertThat(strings(p.limits())).isEqualTo(strings(ex.limits()));
    assertThat(p.podAnnotations()).isEqualTo(ex.annotations());
    assertThat(p.schedulerName()).isEmpty();
    GpuMappers.Detected d = mappers.detect(ex.limits(), ex.annotations()).orElseThrow();
    assertThat(d.request()).isEqualTo(request);
    assertThat(d.limitKeys()).isEqualTo(ex.limits().keySet());
    assertThat(d.podAnnotationKeys()).isEqualTo(ex.annotations().keySet());
  }

  @Test
  void vgpuMemoryAndCores_hamiDefaultUse() {
    // HAMi examples/nvidia/default_use.yaml: 1 card, 3000 MiB, 30 %
    assertGolden(hami, "01-hami-vgpu-default.yaml",
        GpuRequest.vgpu(1).memoryMiB(3000).cores(30).build());
  }

  @Test
  void vgpuMemoryPercentage_hamiUseMemoryFraction() {
    // HAMi examples/nvidia/use_memory_fraction.yaml: 2 cards, 50 % memory, 30 % compute
    assertGolden(hami, "02-hami-vgpu-memory-percentage.yaml",
        GpuRequest.vgpu(2).memoryPercent(50).cores(30).build());
  }

  @Test
  void vgpuExclusiveCards_hamiUseExclusiveCard() {
    // HAMi examples/nvidia/use_exclusive_card.yaml: 2 cards, 100 % / 100 %
    GpuRequest.Vgpu r = GpuRequest.vgpu(2).memoryPercent(100).cores(100).build();
    assertGolden(hami, "03-hami-vgpu-exclusive-card.yaml", r);
    assertThat(r.exclusiveMemory()).isTrue();
  }

  @Test
  void countOnlyIsWholeCardUnderUpstreamNames_hamiUseAsNormal() {
    // HAMi examples/nvidia/use_as_normal.yaml: count only; HAMi makes the card exclusive
    assertGolden(hami, "04-hami-count-only.yaml", GpuRequest.wholeCard(1));
    GpuRequest.Vgpu bare = GpuRequest.vgpu(1).build();
    assertThat(bare.effectiveCores()).isEqualTo(100);
    assertThat(hami.mappers().stream().anyMatch(m -> m.supports(bare))).isFalse();
  }

  @Test
  void vgpuNodeSpreadCardBinpack_hamiSpecifySchedulingPolicy() {
    // HAMi examples/nvidia/specify_scheduling_policy.yaml
    assertGolden(hami, "05-hami-scheduling-policy.yaml", GpuRequest.vgpu(1)
        .nodePolicy(SchedulingPolicy.SPREAD).cardPolicy(SchedulingPolicy.BINPACK).build());
  }

  @Test
  void vgpuSpecifiedModels_hamiSpecifyCardTypeToUse() {
    // HAMi examples/nvidia/specify_card_type_to_use.yaml: use-gputype "A100,V100"
    assertGolden(hami, "06-hami-specified-gpu-model.yaml",
        GpuRequest.vgpu(2).addModel("A100", "V100").build());
  }

  @Test
  void uuidPinningIsNotModelledAndStaysVerbatim_hamiSpecifyUuidToUse() {
    // HAMi examples/nvidia/specify_uuid_to_use.yaml: use-gpuuuid is not a form field
    Example ex = load("07-hami-specified-gpu-uuid.yaml");
    GpuMappers.Detected d = hami.detect(ex.limits(), ex.annotations()).orElseThrow();
    assertThat(d.request()).isEqualTo(GpuRequest.wholeCard(1));
    assertThat(d.podAnnotationKeys()).doesNotContain("nvidia.com/use-gpuuuid");
  }

  @Test
  void vgpuMemoryInDeploymentTemplate_hamiExample() {
    // HAMi examples/nvidia/example.yaml (gpucores/priority lines commented out in the source)
    assertGolden(hami, "08-hami-deployment-with-priority.yaml", GpuRequest.vgpu(1).memoryMiB(3000).build());
  }

  @Test
  void vgpuPriorityHighIsALimitNotAnAnnotation_hamiExampleComment() {
    // HAMi examples/nvidia/example.yaml comment: "nvidia.com/priority: 0 # ... 0(high) and 1(low)"
    GpuPlacement p = hami.place(GpuRequest.vgpu(1).memoryMiB(3000).cores(10).priority(TaskPriority.HIGH).build());
    assertThat(strings(p.limits())).containsExactly(Map.entry("nvidia.com/gpu", "1"),
        Map.entry("nvidia.com/gpumem", "3000"), Map.entry("nvidia.com/gpucores", "10"),
        Map.entry("nvidia.com/priority", "0"));
    assertThat(p.podAnnotations()).isEmpty();
  }

  @Test
  void dynamicMig_hamiDynamicMigExample() {
    // HAMi examples/nvidia/dynamic_mig_example.yaml: vgpu-mode mig, 2 x 8000 MiB, card binpack
    assertGolden(hami, "09-hami-dynamic-mig.yaml",
        GpuRequest.dynamicMig(2, GpuMemory.mebibytes(8000)).withCardPolicy(SchedulingPolicy.BINPACK));
  }

  @Test
  void migMixed_hamiMigExample() {
    // HAMi examples/nvidia/mig_example.yaml: nvidia.com/mig-3g.20gb: 1
    assertGolden(hami, "10-mig-mixed-hami-example.yaml", GpuRequest.mig("3g.20gb", 1));
    assertGolden(dce, "10-mig-mixed-hami-example.yaml", GpuRequest.mig("3g.20gb", 1));
  }

  @Test
  void wholeCard_dceFullGpuUserguide() {
    // DCE-docs nvidia/full_gpu_userguide.md: limits nvidia.com/gpu: 1
    assertThat(strings(dce.place(GpuRequest.wholeCard(1)).limits())).containsExactly(Map.entry("nvidia.com/gpu", "1"));
  }

  @Test
  void wholeCardPinnedModelUsesGfdProductLabel_gfdReadme() {
    // gpu/docs/facts.md §6: without HAMi a model is pinned per node by nvidia.com/gpu.product
    GpuRequest r = GpuRequest.wholeCard(1, List.of("NVIDIA-A100-SXM4-80GB"));
    GpuPlacement p = dce.place(r);
    assertThat(p.requiredNodeSelectorRequirements()).singleElement().satisfies(q -> {
      assertThat(q.getKey()).isEqualTo("nvidia.com/gpu.product");
      assertThat(q.getValues()).containsExactly("NVIDIA-A100-SXM4-80GB");
    });
    assertThat(dce.detect(p.limits(), Map.of(), p.requiredNodeSelectorRequirements()).orElseThrow().request())
        .isEqualTo(r);
  }

  @Test
  void vgpuCountIsNvidiaComVgpu_dceVgpuUser() {
    // DCE-docs en nvidia/vgpu/vgpu_user.md: nvidia.com/vgpu 1, gpucores 20, gpumem 200
    GpuRequest r = GpuRequest.vgpu(1).cores(20).memoryMiB(200).build();
    GpuPlacement p = dce.place(r);
    assertThat(strings(p.limits())).containsExactly(Map.entry("nvidia.com/vgpu", "1"),
        Map.entry("nvidia.com/gpumem", "200"), Map.entry("nvidia.com/gpucores", "20"));
    assertThat(dce.detect(p.limits(), p.podAnnotations()).orElseThrow().request()).isEqualTo(r);
  }

  @Test
  void vgpuCountOnlyIsItsOwnResourceUnderDce() {
    // DCE addon renames HAMi's count (dce-charts-repackage nvidia-vgpu/values.yaml resourceName)
    GpuPlacement p = dce.place(GpuRequest.vgpu(1).build());
    assertThat(strings(p.limits())).containsExactly(Map.entry("nvidia.com/vgpu", "1"));
    assertThat(dce.detect(p.limits(), Map.of()).orElseThrow().request()).isEqualTo(GpuRequest.vgpu(1).build());
  }

  @Test
  void vgpuWorkloadPolicyBinpackBinpack_dceGpuSchedulerConfig() {
    // DCE-docs gpu_scheduler_config.md: node Binpack, card Binpack on the pod template
    GpuPlacement p = dce.place(GpuRequest.vgpu(1).nodePolicy(SchedulingPolicy.BINPACK)
        .cardPolicy(SchedulingPolicy.BINPACK).build());
    assertThat(p.podAnnotations()).containsExactly(Map.entry("hami.io/node-scheduler-policy", "binpack"),
        Map.entry("hami.io/gpu-scheduler-policy", "binpack"));
  }

  @Test
  void migMixed4g20gb_dceMigUsage() {
    // DCE-docs nvidia/mig/mig_usage.md: nvidia.com/mig-4g.20gb: 1
    assertThat(strings(dce.place(GpuRequest.mig("4g.20gb", 1)).limits()))
        .containsExactly(Map.entry("nvidia.com/mig-4g.20gb", "1"));
  }

  @Test
  void migMixedMediaExtensionWritesPlusAsDot_nvidiaDevicePluginRm() {
    // NVIDIA/k8s-device-plugin internal/rm/rm.go: "+" becomes "." (mig-1g.10gb.me)
    GpuPlacement p = dce.place(GpuRequest.mig("1g.10gb+me", 1));
    assertThat(p.limits()).containsOnlyKeys("nvidia.com/mig-1g.10gb.me");
    assertThat(dce.detect(p.limits(), Map.of()).orElseThrow().request()).isEqualTo(GpuRequest.mig("1g.10gb+me", 1));
  }

  @Test
  void migSingleSelectsProductLabel_dceMigUsageAndGfdReadme() {
    // DCE-docs mig_usage.md: single -> nvidia.com/gpu: 2; GFD README: gpu.product <product>-MIG-<profile>
    GpuRequest r = GpuRequest.migSingle("1g.5gb", 2, "A100-SXM4-40GB");
    GpuPlacement p = dce.place(r);
    NodeSelectorRequirement want = new NodeSelectorRequirementBuilder().withKey("nvidia.com/gpu.product")
        .withOperator("In").withValues("A100-SXM4-40GB-MIG-1g.5gb").build();
    assertThat(strings(p.limits())).containsExactly(Map.entry("nvidia.com/gpu", "2"));
    assertThat(p.requiredNodeSelectorRequirements()).containsExactly(want);
    assertThat(dce.detect(p.limits(), Map.of(), List.of(want)).orElseThrow().request()).isEqualTo(r);
    // without the affinity input the container reads as two whole cards
    assertThat(dce.detect(p.limits(), Map.of()).orElseThrow().request()).isEqualTo(GpuRequest.wholeCard(2));
  }

  @Test
  void migSingleWithoutProductSelectsMigConfig_nvidiaGpuOperatorMig() {
    // NVIDIA GPU Operator MIG page: node label nvidia.com/mig.config=all-1g.10gb
    GpuPlacement p = dce.place(GpuRequest.mig("1g.10gb", 1, MigStrategy.SINGLE));
    assertThat(p.requiredNodeSelectorRequirements().get(0).getKey()).isEqualTo("nvidia.com/mig.config");
    assertThat(p.requiredNodeSelectorRequirements().get(0).getValues()).containsExactly("all-1g.10gb");
  }

  @Test
  void ascendWithCoresAddsHamiCoreMode_hamiAscendDevice() {
    // HAMi pkg/device/ascend/device.go VNPUModeAnnotation; charts/hami/values.yaml Ascend names
    GpuRequest r = GpuRequest.accelerator(AcceleratorVendor.ASCEND, 1).model("Ascend910B3")
        .memory(GpuMemory.gibibytes(4)).cores(20).build();
    GpuPlacement p = dce.place(r);
    assertThat(strings(p.limits())).containsExactly(Map.entry("huawei.com/Ascend910B3", "1"),
        Map.entry("huawei.com/Ascend910B3-memory", "4096"), Map.entry("huawei.com/Ascend910B3-core", "20"));
    assertThat(p.podAnnotations()).containsExactly(Map.entry("huawei.com/vnpu-mode", "hami-core"));
    assertThat(dce.detect(p.limits(), p.podAnnotations()).orElseThrow().request()).isEqualTo(r);
  }

  @Test
  void iluvatarMemoryIn256MiBUnits_hamiIluvatarDevice() {
    // HAMi pkg/device/iluvatar/device.go: 1 vMem = 256 MiB
    GpuRequest r = GpuRequest.accelerator(AcceleratorVendor.ILUVATAR, 1).model("BI-V150")
        .memory(GpuMemory.gibibytes(4)).cores(50).build();
    assertThat(strings(dce.place(r).limits())).containsExactly(Map.entry("iluvatar.ai/BI-V150-vgpu", "1"),
        Map.entry("iluvatar.ai/BI-V150.vMem", "16"), Map.entry("iluvatar.ai/BI-V150.vCore", "50"));
  }

  @Test
  void metaxSharedMemoryInGiB_hamiMetaxConfig() {
    // HAMi pkg/device/metax: vmemory bare integer = GiB
    GpuRequest r = GpuRequest.accelerator(AcceleratorVendor.METAX_SGPU, 1).memory(GpuMemory.gibibytes(8)).cores(60).build();
    assertThat(strings(dce.place(r).limits())).containsExactly(Map.entry("metax-tech.com/sgpu", "1"),
        Map.entry("metax-tech.com/vmemory", "8"), Map.entry("metax-tech.com/vcore", "60"));
  }

  @Test
  void mooreThreadsMemoryIn512MiBUnits_hamiMthreadsDevice() {
    // HAMi pkg/device/mthreads/device.go: MemoryFactor 512, legal 2,4,8,16,32,64,96
    GpuRequest r = GpuRequest.accelerator(AcceleratorVendor.MTHREADS, 1).memory(GpuMemory.gibibytes(4)).cores(8).build();
    assertThat(strings(dce.place(r).limits())).containsExactly(Map.entry("mthreads.com/vgpu", "1"),
        Map.entry("mthreads.com/sgpu-memory", "8"), Map.entry("mthreads.com/sgpu-core", "8"));
  }

  @Test
  void otherVendorsCountNames_acceleratorResourcesJson() {
    // accelerator-resources.json (HAMi charts/hami/values.yaml defaults)
    Map<AcceleratorVendor, String> names = Map.of(AcceleratorVendor.CAMBRICON, "cambricon.com/vmlu",
        AcceleratorVendor.HYGON, "hygon.com/dcunum", AcceleratorVendor.METAX, "metax-tech.com/gpu",
        AcceleratorVendor.ENFLAME, "enflame.com/gcu", AcceleratorVendor.ENFLAME_DRS, "enflame.com/drs-gcu",
        AcceleratorVendor.KUNLUNXIN, "kunlunxin.com/xpu", AcceleratorVendor.KUNLUNXIN_VXPU, "kunlunxin.com/vxpu");
    names.forEach((v, name) -> assertThat(dce.place(GpuRequest.accelerator(v, 2).build()).limits())
        .containsOnlyKeys(name));
  }

  @Test
  void webhookDisabledWritesHamiSchedulerName_hamiValuesAdmissionWebhook() {
    // charts/hami/values.yaml: the webhook sets schedulerName; without it the pod must name it
    GpuMappers noWebhook = GpuMappers.of(GpuProfile.builder().from(GpuProfile.dce()).hamiWebhook(false).build());
    assertThat(noWebhook.place(GpuRequest.vgpu(1).cores(30).build()).schedulerName()).contains("hami-scheduler");
    assertThat(noWebhook.place(GpuRequest.wholeCard(1)).schedulerName()).isEqualTo(Optional.empty());
    assertThat(dce.place(GpuRequest.vgpu(1).cores(30).build()).schedulerName()).isEmpty();
  }
}
