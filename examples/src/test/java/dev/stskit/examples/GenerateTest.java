package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.render.ManifestReader;
import dev.stskit.render.ManifestStream;
import dev.stskit.render.ReadDocument;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 100,000-workload generator of the README, at a size CI affords, in the README's 64 MB heap. */
class GenerateTest {

  /**
   * 2,000 workloads in a forked JVM with {@code -Xmx64m}: it must finish (a JVM holding every
   * workload's objects would run out of memory) with every workload valid and rendered. The bound
   * of ten minutes only catches a hang.
   */
  @Test
  void twoThousandWorkloadsGoThroughA64MegabyteHeap(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out.yaml");
    Path err = tmp.resolve("err.txt");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"), Generate.class.getName(), "2000")
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    String stderr = Files.readString(err);
    assertThat(p.exitValue()).as(stderr).isZero();
    assertThat(stderr).contains("sts-kit: 2000 workloads (5000 objects, ", "0 error findings; max heap 64 MB");
    // the stream reads back, strictly, one document at a time: 2,000 distinct StatefulSets
    Set<String> names = new HashSet<>();
    int problems = 0;
    try (InputStream in = Files.newInputStream(out);
        ManifestStream docs = ManifestReader.strict().stream(in, out.toString())) {
      for (ReadDocument d : docs) {
        problems += d.problems().size();
        if (d.object() instanceof StatefulSet sts) {
          names.add(sts.getMetadata().getNamespace() + "/" + sts.getMetadata().getName());
        }
      }
    }
    assertThat(problems).isZero();
    assertThat(names).hasSize(2000);
  }

  /** The workloads vary: every GPU mode, env vars, volumes, probes, with and without access Services. */
  @Test
  void workloadsVaryAndTheSameIndexGivesTheSameBytes() throws IOException {
    StringWriter a = new StringWriter();
    Generate.Totals t = Generate.run(14, a, null);
    assertThat(t.errorFindings()).isZero();
    assertThat(t.objects()).isEqualTo(14 + 14 + 7);
    String yaml = a.toString();
    assertThat(yaml).contains("nvidia.com/gpu: '2'", "nvidia.com/vgpu: '1'", "nvidia.com/gpucores: '12'",
        "nvidia.com/mig-1g.10gb: '1'", "nvidia.com/mig-3g.40gb: '1'", "huawei.com/Ascend910B3: '1'",
        "nvidia.com/vgpu-mode: mig", "nvidia.com/gpu.product", "startupProbe:", "livenessProbe:",
        "tcpSocket:", "secretKeyRef:", "configMap:", "volumeClaimTemplates:", "name: proxy");
    assertThat(t.characters()).isEqualTo(yaml.length());
    StringWriter b = new StringWriter();
    Generate.run(14, b, null);
    assertThat(b.toString()).isEqualTo(yaml);
  }

  /** With a directory, one file a workload, holding what the stream would have between its separators. */
  @Test
  void aDirectoryGetsOneFileAWorkload(@TempDir Path tmp) throws IOException {
    StringWriter none = new StringWriter();
    Generate.Totals t = Generate.run(3, none, tmp);
    assertThat(none.toString()).isEmpty();
    StringWriter stream = new StringWriter();
    Generate.run(3, stream, null);
    String joined = Files.readString(tmp.resolve("gen-00000.yaml")) + "---\n"
        + Files.readString(tmp.resolve("gen-00001.yaml")) + "---\n" + Files.readString(tmp.resolve("gen-00002.yaml"));
    assertThat(joined).isEqualTo(stream.toString());
    assertThat(t.characters()).isEqualTo(stream.toString().length() - 2 * "---\n".length());
  }

  /** The fabric8 baseline builds comparable objects: the same names, containers and GPU limits. */
  @Test
  void theFabric8BaselineBuildsTheSameWorkloads() {
    for (int i = 0; i < 14; i++) {
      List<HasMetadata> f8 = Fabric8Generate.objects(i);
      List<HasMetadata> kit = Generate.spec(i).compile().all();
      assertThat(f8).hasSameSizeAs(kit);
      StatefulSet a = (StatefulSet) f8.get(f8.size() - 1);
      StatefulSet b = (StatefulSet) kit.get(kit.size() - 1);
      assertThat(a.getMetadata().getName()).isEqualTo(b.getMetadata().getName());
      assertThat(a.getSpec().getTemplate().getSpec().getContainers()).hasSameSizeAs(b.getSpec().getTemplate()
          .getSpec().getContainers());
      assertThat(a.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().keySet())
          .isEqualTo(b.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits().keySet());
      assertThat(a.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
          .hasSameSizeAs(b.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv());
    }
  }
}
