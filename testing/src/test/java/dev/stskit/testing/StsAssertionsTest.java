package dev.stskit.testing;

import static dev.stskit.testing.StsAssertions.assertThat;
import static dev.stskit.testing.StsAssertions.assertThatThrownBy;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Manifests;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.render.YamlRenderer;
import dev.stskit.testing.gpu.GpuArbitraries;
import dev.stskit.testing.spec.SpecArbitraries;
import dev.stskit.validation.RuleSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StsAssertionsTest {
  private static final GpuRequest VGPU = GpuRequest.vgpu(1).cores(30).memoryMiB(4096).build();

  private static StatefulSetSpec spec(GpuRequest gpu) {
    return StatefulSetSpec.builder().name("llm").namespace("ai").replicas(2)
        .addContainer(ContainerSpec.builder().name("server").image("vllm/vllm-openai:v0.6.3").gpu(gpu).build())
        .build();
  }

  @Test
  void statefulSetNameReplicasAndContainer() {
    Manifests m = spec(VGPU).compile();
    assertThat(m).statefulSet().hasName("llm").hasReplicas(2).container("server").isNotNull();
    assertThatThrownBy(() -> assertThat(m).statefulSet().hasReplicas(3))
        .isInstanceOf(AssertionError.class).hasMessageContaining("<3> replicas but had <2>");
    assertThatThrownBy(() -> assertThat(m).statefulSet().container("sidecar"))
        .hasMessageContaining("has no container sidecar; it has [server]");
  }

  @Test
  void hasGpuReadsTheRequestBackFromTheObject() {
    Manifests m = spec(VGPU).compile();
    assertThat(m).hasGpu(VGPU);
    assertThat(m).statefulSet().hasGpu("server", VGPU);
    GpuRequest other = GpuRequest.vgpu(1).cores(50).memoryMiB(4096).build();
    assertThatThrownBy(() -> assertThat(m).hasGpu(other)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("to request GPU").hasMessageContaining("server=");
    assertThatThrownBy(() -> assertThat(spec(GpuRequest.wholeCard(1)).compile()).hasGpu(VGPU))
        .hasMessageContaining("server=");
    StatefulSetSpec noGpu = StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.builder().name("web").image("nginx:1.27").build()).build();
    assertThatThrownBy(() -> assertThat(noGpu.compile()).hasGpu(VGPU)).hasMessageContaining("no GPU");
  }

  @Test
  void passesListsTheFindingsOnFailure() {
    Manifests m = spec(VGPU).compile();
    assertThat(m).passes(RuleSet.kubernetes());
    StatefulSet broken = new StatefulSetBuilder(m.statefulSet()).editSpec().withReplicas(-1)
        .editTemplate().editSpec().editContainer(0).withImage("").endContainer().endSpec().endTemplate()
        .endSpec().build();
    assertThatThrownBy(() -> assertThat(broken).passes(RuleSet.kubernetes()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("StatefulSet/llm: ERROR")
        .hasMessageContaining("spec.replicas")
        .hasMessageContaining("spec.template.spec.containers[0].image");
    assertThatThrownBy(() -> assertThat(m).passes()).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rendersAsComparesAndTheFlagRewrites(@TempDir Path dir) throws IOException {
    String before = System.getProperty(GoldenFiles.UPDATE_PROPERTY);
    try {
      Manifests m = spec(VGPU).compile();
      Path golden = dir.resolve("golden/llm.yaml");
      System.setProperty(GoldenFiles.UPDATE_PROPERTY, "false");
      assertThatThrownBy(() -> assertThat(m).rendersAs(golden)).hasMessageContaining("-Dgolden.update=true");
      System.setProperty(GoldenFiles.UPDATE_PROPERTY, "true");
      assertThat(m).rendersAs(golden);
      System.setProperty(GoldenFiles.UPDATE_PROPERTY, "false");
      assertThat(Files.readString(golden)).isEqualTo(YamlRenderer.applyReady().render(m.all()));
      assertThat(m).rendersAs(golden);
      Files.writeString(golden, Files.readString(golden).replace("replicas: 2", "replicas: 3"));
      assertThatThrownBy(() -> assertThat(m).rendersAs(golden)).isInstanceOf(AssertionError.class)
          .hasMessageContaining("golden file");
      assertThatThrownBy(() -> assertThat(m.statefulSet()).rendersAs(golden)).isInstanceOf(AssertionError.class);
    } finally {
      if (before == null) {
        System.clearProperty(GoldenFiles.UPDATE_PROPERTY);
      } else {
        System.setProperty(GoldenFiles.UPDATE_PROPERTY, before);
      }
    }
  }

  @Provide
  Arbitrary<StatefulSetSpec> specs() {
    return SpecArbitraries.specs();
  }

  @Provide
  Arbitrary<GpuRequest> gpus() {
    return GpuArbitraries.requests();
  }

  @Property(tries = 30)
  void everyDrawnSpecCompilesAndItsGpusReadBack(@ForAll("specs") StatefulSetSpec spec) {
    Manifests m = spec.compile();
    assertThat(m).statefulSet().hasName(spec.name());
    // a product pin is node affinity, which is per pod: with two GPU containers lift cannot tell
    // which one asked for it, so the GPU is read back exactly only when one container has one
    var withGpu = spec.containers().stream().filter(c -> c.gpu().isPresent()).toList();
    if (withGpu.size() == 1 && spec.initContainers().stream().noneMatch(c -> c.gpu().isPresent())) {
      assertThat(m).statefulSet().hasGpu(withGpu.get(0).name(), withGpu.get(0).gpu().orElseThrow());
    }
  }

  @Property(tries = 30)
  void everyDrawnGpuRequestCompilesOnAContainer(@ForAll("gpus") GpuRequest gpu) {
    Manifests m = spec(gpu).compile();
    assertThat(m.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
        .isNotEmpty();
  }
}
