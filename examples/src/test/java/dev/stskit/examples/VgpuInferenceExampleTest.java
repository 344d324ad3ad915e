package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuMappers;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VgpuInferenceExampleTest {
  private static final Path SPEC_FILE = Path.of("specs/vgpu-inference.yaml");

  private static Container vllm(StatefulSet sts) {
    return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  @Test
  void specFileIsTheBuilderSpec() {
    assertThat(SpecFiles.read(SPEC_FILE)).isEqualTo(VgpuInferenceExample.spec());
  }

  @Test
  void containerLimitsAreWhatTheHamiMapperPlaces() {
    GpuPlacement placement = GpuMappers.defaults().place(VgpuInferenceExample.gpu());
    Container c = vllm(VgpuInferenceExample.manifests().statefulSet());

    assertThat(c.getResources().getLimits()).containsAllEntriesOf(placement.limits());
    // the DCE profile's names (gpu/README.md); HAMi reads each with Quantity.AsInt64()
    assertThat(placement.limits()).containsOnlyKeys(
        "nvidia.com/vgpu", "nvidia.com/gpucores", "nvidia.com/gpumem", "nvidia.com/priority");
    assertThat(c.getResources().getLimits()).containsEntry("nvidia.com/gpumem", new Quantity("4096"));
    for (String key : placement.limits().keySet()) {
      Quantity q = c.getResources().getLimits().get(key);
      assertThat(q.getAmount()).as(key).matches("[0-9]+");
      assertThat(q.getFormat()).as(key + " suffix").isNullOrEmpty();
    }
    // extended resources: limits only, no request differing from them
    assertThat(c.getResources().getRequests()).doesNotContainKeys(placement.limits().keySet().toArray(String[]::new));
  }

  @Test
  void policiesAndModelsAreOnThePodTemplateOnly() {
    GpuPlacement placement = GpuMappers.defaults().place(VgpuInferenceExample.gpu());
    StatefulSet sts = VgpuInferenceExample.manifests().statefulSet();
    PodTemplateSpec template = sts.getSpec().getTemplate();

    assertThat(placement.podAnnotations()).containsOnlyKeys("hami.io/node-scheduler-policy",
        "hami.io/gpu-scheduler-policy", "nvidia.com/use-gputype");
    assertThat(template.getMetadata().getAnnotations()).containsAllEntriesOf(placement.podAnnotations());
    assertThat(sts.getMetadata().getAnnotations()).doesNotContainKeys(
        placement.podAnnotations().keySet().toArray(String[]::new));
    // HAMi's webhook is on in the default profile: it sets the scheduler itself
    assertThat(placement.schedulerName()).isEmpty();
    assertThat(template.getSpec().getSchedulerName()).isNull();
  }

  @Test
  void liftRecoversTheSameGpuRequestAndSpec() {
    Manifests m = VgpuInferenceExample.manifests();
    Lifted lifted = StatefulSetSpec.lift(m.statefulSet(), m.governingService(), m.accessServices().get(0));

    assertThat(lifted.spec().containers().get(0).gpu()).contains(VgpuInferenceExample.gpu());
    assertThat(lifted.spec()).isEqualTo(VgpuInferenceExample.spec());
    assertThat(lifted.notRepresented()).isEmpty();
  }

  @Test
  void liftOfTheRenderedYamlRecoversTheSameGpuRequest() {
    String yaml = YamlRenderer.applyReady().render(VgpuInferenceExample.manifests().all());
    ReadResult read = ManifestReader.strict().read(yaml, "vgpu-inference.yaml");

    assertThat(read.problems()).isEmpty();
    assertThat(ReadResults.lift(read).spec().containers().get(0).gpu()).contains(VgpuInferenceExample.gpu());
  }

  @Test
  void compiledObjectsHaveTheServicesAndProbes() {
    Manifests m = VgpuInferenceExample.manifests();
    assertThat(m.governingService().getSpec().getClusterIP()).isEqualTo("None");
    assertThat(m.governingService().getMetadata().getName()).isEqualTo(m.statefulSet().getSpec().getServiceName());
    assertThat(m.accessServices()).singleElement().satisfies(s -> {
      assertThat(s.getMetadata().getName()).isEqualTo(VgpuInferenceExample.NAME);
      assertThat(s.getSpec().getSelector()).isEqualTo(m.statefulSet().getSpec().getSelector().getMatchLabels());
      assertThat(s.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    });
    Container c = vllm(m.statefulSet());
    assertThat(c.getStartupProbe().getHttpGet().getPath()).isEqualTo("/health");
    assertThat(c.getReadinessProbe()).isNotNull();
    assertThat(c.getLivenessProbe()).isNotNull();
  }

  @Test
  void validatesClean() {
    assertThat(Validator.defaults().validate(VgpuInferenceExample.manifests().statefulSet()).findings()).isEmpty();
  }

  @Test
  void mainPrintsTheApplyReadyYaml() {
    assertThat(Mains.stdout(VgpuInferenceExample::main))
        .isEqualTo(YamlRenderer.applyReady().render(VgpuInferenceExample.manifests().all()));
  }
}
