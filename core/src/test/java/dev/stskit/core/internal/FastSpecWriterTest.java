package dev.stskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Extras;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.Volume;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.testing.spec.SpecDomain;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import org.junit.jupiter.api.Test;

/**
 * The fast spec writer against the full (Jackson databind) one: for every spec it writes exactly
 * the full writer's bytes, as YAML and as JSON, and it writes (does not give up on) every spec the
 * generators and the lifted corpus give.
 */
class FastSpecWriterTest {
  private static StatefulSetSpec.Builder base() {
    return StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build());
  }

  /** The fast writer's text is the full writer's, byte for byte; a spec the full writer refuses, it leaves to it. */
  private static void writesAsTheFullWriter(StatefulSetSpec spec, String what) {
    String yaml;
    try {
      yaml = SpecMapper.writeYaml(spec);
    } catch (SpecException refused) {
      // a lone surrogate YAML cannot write, or a file over the limits: refused the same either way
      assertThatThrownBy(() -> SpecFiles.writeYaml(spec)).isInstanceOf(SpecException.class)
          .hasMessage(refused.getMessage());
      yaml = null;
    }
    if (yaml != null) {
      assertThat(FastSpecWriter.yaml(spec)).as("YAML of %s", what).isNotNull().isEqualTo(yaml);
      assertThat(SpecFiles.writeYaml(spec)).isEqualTo(yaml);
    }
    String json = SpecMapper.writeJson(spec);
    assertThat(FastSpecWriter.json(spec)).as("JSON of %s", what).isNotNull().isEqualTo(json);
    assertThat(SpecFiles.writeJson(spec)).isEqualTo(json);
  }

  @Property(tries = 300)
  @Domain(SpecDomain.class)
  void writesEveryGeneratedSpecAsTheFullWriterDoes(@ForAll StatefulSetSpec spec) {
    writesAsTheFullWriter(spec, spec.name());
  }

  /** Every corpus StatefulSet, lifted: extras of every shape, raw volumes and env vars, GPU requests. */
  @Test
  void writesEveryLiftedCorpusStatefulSetAsTheFullWriterDoes() {
    for (String resource : Fixtures.corpus()) {
      writesAsTheFullWriter(StatefulSetSpec.lift(Fixtures.statefulSet(resource)).spec(), resource);
    }
  }

  @Test
  void gpuRequestsOfEveryModeAreWrittenInTheirOwnForm() {
    for (GpuRequest gpu : List.of(GpuRequest.wholeCard(2, List.of("NVIDIA-A100-SXM4-80GB")),
        GpuRequest.vgpu(1).cores(30).memory(GpuMemory.gibibytes(4)).build(),
        GpuRequest.mig("1g.10gb", 2), GpuRequest.dynamicMig(1, GpuMemory.gibibytes(10)))) {
      StatefulSetSpec spec = base().containers(List.of(ContainerSpec.builder().name("t").image("pytorch")
          .gpu(gpu).gpuRequestsEqualLimits(true).privileged(true).build())).build();
      writesAsTheFullWriter(spec, gpu.toString());
      assertThat(FastSpecWriter.yaml(spec)).contains("gpu:\n      mode: " + gpu.mode());
    }
  }

  /** Extras hold plain values of every kind: nulls, empty and nested maps and lists, big and decimal numbers. */
  @Test
  void extrasOfEveryPlainShape() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", null);
    nested.put("a", Map.of());
    nested.put("m", List.of());
    nested.put("b", Arrays.asList(1, null, "x", 2.5, true));
    nested.put("big", new BigInteger("123456789012345678901234567890"));
    nested.put("dec", new BigDecimal("1.50"));
    nested.put("long", 1L << 40);
    nested.put("0755", "0755");
    nested.put("yes", "yes");
    nested.put("multi", "line one\nline two");
    StatefulSetSpec spec = base()
        .description("a database").descriptionAnnotation("example.com/describe")
        .extras(Extras.builder().putSet("spec.template.metadata.annotations[example.com/x]", "0755")
            .putSet("spec.template.spec.securityContext.fsGroup", 999)
            .putSet("metadata.annotations.n", nested)
            .putSet("spec.template.spec.schedulerName", "NULL").addOmit("spec.revisionHistoryLimit").build())
        .build();
    writesAsTheFullWriter(spec, "extras");
  }

  @Test
  void rawVolumesAndEnvVarsAreWrittenAsJacksonWritesFabric8() {
    io.fabric8.kubernetes.api.model.Volume nfs = new VolumeBuilder().withName("nfs")
        .withNewNfs().withServer("10.0.0.1").withPath("/export").withReadOnly(true).endNfs().build();
    io.fabric8.kubernetes.api.model.Volume downward = new VolumeBuilder().withName("info")
        .withNewDownwardAPI().addNewItem().withPath("labels").withNewFieldRef().withFieldPath("metadata.labels")
        .endFieldRef().endItem().withDefaultMode(420).endDownwardAPI().build();
    io.fabric8.kubernetes.api.model.EnvVar cpu = new io.fabric8.kubernetes.api.model.EnvVarBuilder()
        .withName("LIMIT").withNewValueFrom().withNewResourceFieldRef().withResource("limits.cpu")
        .withNewDivisor("1m").endResourceFieldRef().endValueFrom().build();
    // fields fabric8 does not know: additional properties, written after the others, sorted
    io.fabric8.kubernetes.api.model.Volume unknown = new VolumeBuilder().withName("odd")
        .withNewHostPath().withType("Directory").endHostPath().build();
    unknown.getHostPath().setAdditionalProperty("zz", null);
    unknown.getHostPath().setAdditionalProperty("b", Map.of("y", 1, "x", 2.5));
    unknown.getHostPath().setAdditionalProperty("a", "s");
    unknown.setAdditionalProperty("aaa", new BigInteger("123456789012345678901234567890"));
    StatefulSetSpec spec = base().addVolume(Volume.raw(nfs)).addVolume(Volume.raw(downward)).addVolume(Volume.raw(unknown))
        .containers(List.of(ContainerSpec.builder().name("app").image("nginx").addEnv(EnvVar.raw(cpu)).build()))
        .build();
    writesAsTheFullWriter(spec, "raw");
    assertThat(FastSpecWriter.yaml(spec)).contains("  - type: raw\n");
  }

  /** YAML cannot hold a lone high surrogate before another character: the full writer refuses it, naming the field. */
  @Test
  void aLoneSurrogateIsLeftToTheFullWriter() {
    StatefulSetSpec spec = base().putLabel("k", "a\uD800t").build();
    assertThat(FastSpecWriter.yaml(spec)).isNull();
    assertThatThrownBy(() -> SpecFiles.writeYaml(spec)).isInstanceOf(SpecException.class)
        .hasMessageContaining("labels").hasMessageContaining("U+D800");
    assertThat(FastSpecWriter.json(spec)).isEqualTo(SpecMapper.writeJson(spec));
  }
}
