package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.Extras;
import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuMappers;
import dev.stskit.gpu.MigCatalog;
import dev.stskit.gpu.MigModel;
import dev.stskit.gpu.MigProfile;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigTrainingExampleTest {
  private static final Path SPEC_FILE = Path.of("specs/mig-training.yaml");
  private static final String CARD = "NVIDIA-A100-SXM4-80GB";

  private static List<Container> containers(StatefulSet sts) {
    return sts.getSpec().getTemplate().getSpec().getContainers();
  }

  @Test
  void specFileIsTheBuilderSpec() {
    assertThat(SpecFiles.read(SPEC_FILE)).isEqualTo(MigTrainingExample.spec());
  }

  @Test
  void eachContainerCarriesItsMixedStrategyResource() {
    List<Container> cs = containers(MigTrainingExample.manifests().statefulSet());
    GpuMappers gpus = GpuMappers.defaults();

    assertThat(cs.get(0).getResources().getLimits())
        .containsAllEntriesOf(gpus.place(MigTrainingExample.trainerGpu()).limits())
        .containsKey(MigCatalog.standard().profile(CARD, "3g.40gb").mixedStrategyResource());
    assertThat(cs.get(1).getResources().getLimits())
        .containsAllEntriesOf(gpus.place(MigTrainingExample.evaluatorGpu()).limits())
        .containsKey(MigCatalog.standard().profile(CARD, "1g.10gb").mixedStrategyResource());
    // mixed strategy needs no node selection: the profile is in the resource name
    assertThat(MigTrainingExample.manifests().statefulSet().getSpec().getTemplate().getSpec().getAffinity())
        .isNull();
  }

  @Test
  void bothInstancesFitOneA100Of80Gb() {
    MigModel a100 = MigCatalog.standard().model(CARD);
    MigProfile trainer = a100.profile(MigTrainingExample.trainerGpu().profile());
    MigProfile evaluator = a100.profile(MigTrainingExample.evaluatorGpu().profile());

    assertThat(trainer.computeSlices() + evaluator.computeSlices()).isLessThanOrEqualTo(a100.totalComputeSlices());
    assertThat(trainer.memoryGB() + evaluator.memoryGB()).isLessThanOrEqualTo(a100.memoryGiB());
  }

  @Test
  void liftRecoversTheMigRequestsAndTheExtras() {
    Manifests m = MigTrainingExample.manifests();
    Lifted lifted = StatefulSetSpec.lift(m.statefulSet(), m.governingService());

    assertThat(lifted.spec().containers()).extracting(c -> c.gpu().orElseThrow())
        .containsExactly(MigTrainingExample.trainerGpu(), MigTrainingExample.evaluatorGpu());
    assertThat(lifted.spec().compile()).isEqualTo(m);
    assertThat(lifted.spec().governingServiceExtras()).isEqualTo(MigTrainingExample.spec().governingServiceExtras());
    // the GPU toleration is a modelled custom toleration: lift needs no extras for it
    assertThat(lifted.spec().extras()).isEqualTo(Extras.none());
    assertThat(lifted.spec()).isEqualTo(MigTrainingExample.spec());
  }

  @Test
  void liftOfTheRenderedYamlRecoversTheMigRequests() {
    String yaml = YamlRenderer.applyReady().render(MigTrainingExample.manifests().all());
    ReadResult read = ManifestReader.strict().read(yaml, "mig-training.yaml");

    assertThat(read.problems()).isEmpty();
    assertThat(ReadResults.lift(read).spec().containers()).extracting(c -> c.gpu().orElseThrow())
        .containsExactly(MigTrainingExample.trainerGpu(), MigTrainingExample.evaluatorGpu());
  }

  @Test
  void ranksStartTogetherAndFindRankZero() {
    Manifests m = MigTrainingExample.manifests();
    StatefulSet sts = m.statefulSet();

    assertThat(sts.getSpec().getReplicas()).isEqualTo(MigTrainingExample.RANKS);
    assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    assertThat(m.governingService().getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(containers(sts).get(0).getArgs())
        .contains("--master-addr=" + MigTrainingExample.NAME + "-0." + sts.getSpec().getServiceName());
    assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getMetadata().getName())
        .containsExactly("checkpoints");
    assertThat(sts.getSpec().getTemplate().getSpec().getTolerations()).extracting(Toleration::getKey)
        .containsExactly("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable", "nvidia.com/gpu");
  }

  @Test
  void validatesClean() {
    assertThat(Validator.defaults().validate(MigTrainingExample.manifests().statefulSet()).findings()).isEmpty();
  }

  @Test
  void mainPrintsTheApplyReadyYaml() {
    assertThat(Mains.stdout(MigTrainingExample::main))
        .isEqualTo(YamlRenderer.applyReady().render(MigTrainingExample.manifests().all()));
  }
}
