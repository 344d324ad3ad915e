package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class GpuRequestJsonTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static GpuRequest yaml(String text) {
    return YAML.readValue(text, GpuRequest.class);
  }

  @Test
  void readsTheIssueExampleForVgpu() {
    GpuRequest r = yaml("{mode: vgpu, cards: 1, cores: 30, memory: 4Gi, nodePolicy: binpack,"
        + " cardPolicy: spread, priority: high, models: [A100]}");
    assertThat(r).isEqualTo(GpuRequest.vgpu(1).cores(30).memory(GpuMemory.gibibytes(4))
        .nodePolicy(SchedulingPolicy.BINPACK).cardPolicy(SchedulingPolicy.SPREAD)
        .priority(TaskPriority.HIGH).addModel("A100").build());
  }

  @Test
  void readsEachMode() {
    assertThat(yaml("{mode: whole, count: 2}")).isEqualTo(GpuRequest.wholeCard(2));
    assertThat(yaml("{mode: mig, profile: 1g.10gb, count: 1, strategy: mixed}")).isEqualTo(GpuRequest.mig("1g.10gb", 1));
    assertThat(yaml("{mode: mig, profile: 1g.10gb, count: 1}")).isEqualTo(GpuRequest.mig("1g.10gb", 1));
    assertThat(yaml("{mode: mig, strategy: single, profile: 1g.5gb, count: 2, product: A100-SXM4-40GB}"))
        .isEqualTo(GpuRequest.migSingle("1g.5gb", 2, "A100-SXM4-40GB"));
    assertThat(yaml("{mode: mig, strategy: dynamic, count: 2, memory: 8000Mi}"))
        .isEqualTo(GpuRequest.dynamicMig(2, GpuMemory.mebibytes(8000)));
    assertThat(yaml("{mode: accelerator, vendor: ascend, model: Ascend910B3, count: 1, memory: 4Gi, cores: 20}"))
        .isEqualTo(GpuRequest.accelerator(AcceleratorVendor.ASCEND, 1).model("Ascend910B3")
            .memory(GpuMemory.gibibytes(4)).cores(20).build());
  }

  @Test
  void bareMemoryNumberIsMebibytes() {
    assertThat(yaml("{mode: vgpu, cards: 1, memory: 3000}")).isEqualTo(GpuRequest.vgpu(1).memoryMiB(3000).build());
  }

  @Test
  void writesAReadableFormInAFixedOrder() {
    GpuRequest r = GpuRequest.vgpu(2).memoryMiB(3000).cores(30).priority(TaskPriority.NORMAL).build();
    assertThat(JSON.writeValueAsString(r))
        .isEqualTo("{\"mode\":\"vgpu\",\"cards\":2,\"cores\":30,\"memory\":\"3000Mi\",\"priority\":\"normal\"}");
    assertThat(JSON.writeValueAsString(GpuRequest.mig("1g.5gb+me", 1)))
        .isEqualTo("{\"mode\":\"mig\",\"strategy\":\"mixed\",\"profile\":\"1g.5gb+me\",\"count\":1}");
  }

  @Test
  void unknownFieldIsNamed() {
    assertThatThrownBy(() -> yaml("{mode: vgpu, cards: 1, gpucores: 30}"))
        .isInstanceOf(JacksonException.class).hasMessageContaining("gpu.gpucores");
    assertThatThrownBy(() -> yaml("{mode: whole, count: 1, memory: 4Gi}"))
        .isInstanceOf(JacksonException.class).hasMessageContaining("gpu.memory");
  }

  /** How core embeds the request in a container spec. */
  record Container(String name, java.util.Optional<GpuRequest> gpu) {}

  @Test
  void insideAContainerSpecTheErrorCarriesTheJacksonPath() {
    assertThat(YAML.readValue("name: app\ngpu: {mode: mig, profile: 1g.10gb, count: 1}\n", Container.class).gpu())
        .contains(GpuRequest.mig("1g.10gb", 1));
    assertThat(YAML.readValue("name: app\n", Container.class).gpu()).isEmpty();
    assertThatThrownBy(() -> YAML.readValue("name: app\ngpu: {mode: vgpu, cards: 1, cores: 30%}\n", Container.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("gpu.cores")
        .satisfies(e -> assertThat(((JacksonException) e).getPath()).isNotEmpty());
  }

  @Test
  void wrongTypesAndValuesAreNamed() {
    assertThatThrownBy(() -> yaml("{mode: vgpu, cards: '1'}")).hasMessageContaining("gpu.cards");
    assertThatThrownBy(() -> yaml("{mode: vgpu, cards: 1, cores: 130}")).hasMessageContaining("gpu.cores");
    assertThatThrownBy(() -> yaml("{mode: vgpu, cards: 1, memory: 3000M}"))
        .hasMessageContaining("gpu.memory").hasMessageContaining("3000M");
    assertThatThrownBy(() -> yaml("{mode: vgpu, cards: 1, memory: 4Gi, memoryPercent: 50}"))
        .hasMessageContaining("gpu.memory").hasMessageContaining("gpu.memoryPercent");
    assertThatThrownBy(() -> yaml("{mode: vgpu, cards: 1, nodePolicy: packed}")).hasMessageContaining("gpu.nodePolicy");
    assertThatThrownBy(() -> yaml("{mode: fractional, count: 1}")).hasMessageContaining("gpu.mode");
    assertThatThrownBy(() -> yaml("{count: 1}")).hasMessageContaining("gpu.mode");
    assertThatThrownBy(() -> yaml("{mode: mig, profile: 1g.10gb, count: 1, strategy: auto}"))
        .hasMessageContaining("gpu.strategy");
    assertThatThrownBy(() -> yaml("{mode: accelerator, vendor: nvidia, count: 1}")).hasMessageContaining("gpu.vendor");
    assertThatThrownBy(() -> yaml("{mode: accelerator, vendor: ascend, count: 1}")).hasMessageContaining("gpu.model");
  }
}
