package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.ServerFields;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.gpu.GpuMappers;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.testing.spec.SpecArbitraries;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The whole path of the data, end to end, across gpu, core, render and the spec file: for generated
 * specs (core's generators), for GPU requests of every mode, and for 34 real StatefulSets (the
 * corpus, imported first; {@code corpus/multidoc} holds six of them with their Services),
 * {@code spec → compile → render → read (strict) → lift → compile} gives the first compile again,
 * the rendered YAML reads back as the compiled objects, and the spec file changes nothing.
 */
class EndToEndProperties {
  private static final YamlRenderer RENDERER = YamlRenderer.applyReady();
  private static final ManifestReader READER = ManifestReader.strict();

  @Provide
  Arbitrary<StatefulSetSpec> specs() {
    return SpecArbitraries.specs();
  }

  /** The corpus files, {@code corpus/*.yaml} and {@code corpus/multidoc/*.yaml}. */
  @Provide
  Arbitrary<String> corpus() {
    return Arbitraries.of(Fixtures.allCorpus());
  }

  @Property
  void compileRenderReadLiftCompileGivesTheFirstCompile(@ForAll("specs") StatefulSetSpec spec) {
    Manifests first = spec.compile();
    Manifests again = throughYaml(first);
    assertThat(again).isEqualTo(first);
    Statistics.label("access services").collect(first.accessServices().size());
  }

  @Property
  void renderedYamlReadsBackAsTheCompiledObjects(@ForAll("specs") StatefulSetSpec spec) {
    Manifests m = spec.compile();
    ReadResult read = READER.read(RENDERER.render(m.all()), spec.name() + ".yaml");
    assertThat(read.problems()).isEmpty();
    assertThat(read.objects()).isEqualTo(m.all());
  }

  @Property
  void renderingIsDeterministic(@ForAll("specs") StatefulSetSpec spec) {
    assertThat(RENDERER.render(spec.compile().all())).isEqualTo(RENDERER.render(spec.compile().all()));
  }

  @Property
  void specFileRoundTripKeepsTheSpecAndItsObjects(@ForAll("specs") StatefulSetSpec spec) {
    String file = SpecFiles.writeYaml(spec);
    StatefulSetSpec read = SpecFiles.read(file);
    assertThat(read).isEqualTo(spec);
    assertThat(RENDERER.render(read.compile().all())).isEqualTo(RENDERER.render(spec.compile().all()));
  }

  @Property
  void liftedSpecFileRendersWhatTheImportRenders(@ForAll("specs") StatefulSetSpec spec) {
    // what `sts-kit import --spec` then `sts-kit render` does, against `sts-kit import`
    Manifests m = spec.compile();
    Lifted lifted = ReadResults.lift(READER.read(RENDERER.render(m.all()), "in.yaml"));
    StatefulSetSpec viaFile = SpecFiles.read(SpecFiles.writeYaml(lifted.spec()));
    assertThat(RENDERER.render(viaFile.compile().all())).isEqualTo(RENDERER.render(lifted.spec().compile().all()));
  }

  @Property
  void gpuRequestsOfEveryModeSurviveTheWholePath(
      @ForAll("specs") StatefulSetSpec generated, @ForAll("gpus") GpuRequest gpu) {
    Manifests first = withGpu(generated, gpu).compile();
    GpuPlacement placement = GpuMappers.defaults().place(gpu);
    StatefulSet sts = first.statefulSet();
    Map<String, Quantity> limits = sts.getSpec().getTemplate().getSpec().getContainers().get(0)
        .getResources().getLimits();
    placement.limits().keySet().forEach(k -> assertThat(limits.get(k).toString()).as(k).matches("[0-9]+"));
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsAllEntriesOf(placement.podAnnotations());
    assertThat(sts.getMetadata().getAnnotations())
        .doesNotContainKeys(placement.podAnnotations().keySet().toArray(String[]::new));
    ReadResult read = READER.read(RENDERER.render(first.all()), "gpu.yaml");
    Lifted lifted = ReadResults.lift(read);
    assertThat(lifted.spec().containers().get(0).gpu()).contains(gpu);
    assertThat(lifted.spec().compile()).isEqualTo(first);
    Statistics.label("mode").collect(gpu.mode());
  }

  @Provide
  Arbitrary<GpuRequest> gpus() {
    return GpuRequests.any();
  }

  /**
   * The spec with {@code gpu} on its first container and no GPU elsewhere: HAMi's policies and
   * models are pod-template annotations, shared by every container of the pod, so requests on
   * two containers could conflict or be read into each other.
   */
  private static StatefulSetSpec withGpu(StatefulSetSpec spec, GpuRequest gpu) {
    List<ContainerSpec> containers = new ArrayList<>();
    for (ContainerSpec c : spec.containers()) {
      containers.add(ContainerSpec.builder().from(c).gpu(containers.isEmpty() ? Optional.of(gpu) : Optional.empty())
          .build());
    }
    List<ContainerSpec> init = spec.initContainers().stream()
        .map(c -> ContainerSpec.builder().from(c).gpu(Optional.empty()).build()).toList();
    return StatefulSetSpec.builder().from(spec).containers(containers).initContainers(init).build();
  }

  @Property(generation = GenerationMode.EXHAUSTIVE, tries = 100)
  void realStatefulSetsSurviveTheWholePath(@ForAll("corpus") String file) {
    ReadResult source = READER.read(Fixtures.text(file), file);
    Lifted imported = ReadResults.lift(source);
    Manifests first = imported.spec().compile();

    assertThat(first.statefulSet()).as(file).isEqualTo(ServerFields.strip(ReadResults.statefulSet(source)));
    Manifests again = throughYaml(first);
    assertThat(again).as(file).isEqualTo(first);
    assertThat(RENDERER.render(again.all())).as(file).isEqualTo(RENDERER.render(first.all()));
    ReadResult read = READER.read(RENDERER.render(first.all()), file);
    assertThat(read.objects()).as(file).isEqualTo(first.all());
    StatefulSetSpec viaFile = SpecFiles.read(SpecFiles.writeYaml(imported.spec()));
    assertThat(viaFile.compile()).as(file).isEqualTo(first);
  }

  /** Render, read back strictly (it must read clean), lift with the Services read, compile. */
  private static Manifests throughYaml(Manifests first) {
    ReadResult read = READER.read(RENDERER.render(first.all()), "rendered.yaml");
    assertThat(read.problems()).isEmpty();
    List<HasMetadata> objects = read.objects();
    StatefulSet sts = objects.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
        .findFirst().orElseThrow();
    Service[] services = objects.stream().filter(Service.class::isInstance).map(Service.class::cast)
        .toArray(Service[]::new);
    return StatefulSetSpec.lift(sts, services).spec().compile();
  }
}
