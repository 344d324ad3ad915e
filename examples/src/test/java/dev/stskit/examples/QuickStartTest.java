package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.Probe;
import dev.stskit.core.ServicePort;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import dev.stskit.core.SpecFiles;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Severity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The snippets of the repository's README.md work as written (keep the two in step). */
class QuickStartTest {

  @Test
  void quickStartOfTheReadmeWorks() {
    // --- README quick start, verbatim ---
    StatefulSetSpec spec = StatefulSetSpec.builder()
        .name("llm").namespace("ai").replicas(2)
        .addContainer(ContainerSpec.builder()
            .name("server").image("vllm/vllm-openai:v0.6.3")
            .cpu("2", "4").memory("16Gi", "16Gi")
            .gpu(GpuRequest.vgpu(1).cores(30).memory(GpuMemory.gibibytes(4)).build())
            .addPort(ContainerPort.of("http", 8000))
            .readinessProbe(Probe.of(Action.httpGet("/health", 8000)))
            .build())
        .addService(AccessService.builder().name("llm-api").addPort(ServicePort.of("http", 8000)).build())
        .build();

    Manifests m = spec.compile();                                    // StatefulSet + headless + access Service
    Report report = Validator.defaults().validate(m.statefulSet());  // kube-apiserver's verdicts, offline
    String yaml = YamlRenderer.applyReady().render(m.all());         // apply-ready, same bytes every time

    ReadResult read = ManifestReader.strict().read(yaml, "llm.yaml"); // strict, with line and column
    StatefulSet sts = (StatefulSet) read.objects().get(2);
    Lifted lifted = StatefulSetSpec.lift(sts);                        // back to the form; nothing lost
    // --- end ---

    assertThat(report.valid()).as(report.findings().toString()).isTrue();
    assertThat(read.problems()).isEmpty();
    assertThat(m.all()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("Service/llm", "Service/llm-api", "StatefulSet/llm");
    assertThat(yaml).contains("nvidia.com/vgpu: '1'", "nvidia.com/gpucores: '30'", "nvidia.com/gpumem: '4096'");
    assertThat(lifted.spec().containers().get(0).gpu()).contains(spec.containers().get(0).gpu().orElseThrow());
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(m.statefulSet());
  }

  @Test
  void specFileOfTheReadmeRendersValid() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    StatefulSetSpec spec = SpecFiles.read(readme.substring(start, readme.indexOf("```", start)));

    Manifests m = spec.compile();

    assertThat(Validator.defaults().validate(m.statefulSet()).findings()).isEmpty();
    assertThat(m.accessServices()).singleElement()
        .satisfies(s -> assertThat(s.getMetadata().getAnnotations())
            .containsEntry("metallb.universe.tf/address-pool", "pool-a"));
    assertThat(m.statefulSet().getSpec().getVolumeClaimTemplates().get(0).getSpec().getStorageClassName())
        .isEqualTo("local-path");

    // the README's restricted preset: what pss-restricted flags on the spec file is gone, no extras needed
    Validator restricted = Validator.of(dev.stskit.validation.RuleSet.podSecurityRestricted());
    assertThat(restricted.validate(m.statefulSet()).errors()).isNotEmpty();
    StatefulSetSpec hardened = dev.stskit.core.security.SecurityPreset.restricted().apply(spec);
    assertThat(hardened.extras()).isEqualTo(spec.extras());
    assertThat(restricted.validate(hardened.compile().statefulSet()).findings()).isEmpty();
  }

  @Test
  void validationSnippetOfTheReadmeWorks() {
    StatefulSet statefulSet = new StatefulSetBuilder(MysqlExample.manifests().statefulSet())
        .editSpec().editTemplate().editSpec().editFirstContainer().withImage(null)
        .endContainer().endSpec().endTemplate().endSpec().build();

    Report report = Validator.defaults().validate(statefulSet);
    Validator strictZh = Validator.builder().addRuleSet("kubernetes")
        .severity("k8s-apiserver-warnings", Severity.ERROR).locale(Locale.SIMPLIFIED_CHINESE).build();

    assertThat(report.findings()).extracting(Finding::format)
        .contains("ERROR k8s-containers spec.template.spec.containers[0].image: Required value"
            + " (hint: set the container image, e.g. repository:tag)");
    assertThat(strictZh.validate(statefulSet).findings()).extracting(Finding::message)
        .anyMatch(msg -> msg.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
  }
}
