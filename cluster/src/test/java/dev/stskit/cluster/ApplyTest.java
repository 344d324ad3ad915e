package dev.stskit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Server-side apply, diff and update against a real kube-apiserver. */
@ControlPlaneTest(controllers = true)
class ApplyTest {
  static final Path SPECS = Path.of("..", "examples", "specs");

  static StatefulSetSpec spec(String file) {
    return SpecFiles.read(SPECS.resolve(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql.yaml", "vgpu-inference.yaml", "mig-training.yaml"})
  void the_examples_are_created_then_unchanged_then_configured(String file, ControlPlane cp) {
    String ns = Clusters.namespace(cp, "apply");
    StatefulSetSpec spec = spec(file);
    Manifests m = Clusters.in(ns, spec);
    try (ClusterClient k8s = Clusters.client(cp, ns)) {
      ApplyResult dry = k8s.apply(m, ApplyOptions.defaults().withDryRun());
      assertThat(dry.objects()).extracting(Applied::outcome).containsOnly(Outcome.CREATED);
      assertThat(k8s.apply(m, ApplyOptions.defaults()).objects()).as("a dry run stores nothing")
          .extracting(Applied::outcome).containsOnly(Outcome.CREATED);
      ApplyResult again = k8s.apply(m, ApplyOptions.defaults());
      assertThat(again.objects()).extracting(Applied::outcome).containsOnly(Outcome.UNCHANGED);
      assertThat(again.objects()).hasSize(m.all().size());
      assertThat(k8s.diff(m).hasChanges()).isFalse();

      Manifests changed = Clusters.in(ns, StatefulSetSpec.builder().from(spec).description("changed by a test").build());
      DiffResult diff = k8s.diff(changed);
      assertThat(diff.text()).contains("--- live/apps.v1.StatefulSet." + ns + "." + spec.name(),
          "+++ merged/apps.v1.StatefulSet." + ns + "." + spec.name(), "+    kpanda.io/describe: changed by a test");
      ApplyResult third = k8s.apply(changed, ApplyOptions.defaults());
      assertThat(third.outcome("StatefulSet", spec.name())).isEqualTo(Outcome.CONFIGURED);
      assertThat(third.find("StatefulSet", spec.name()).orElseThrow().line())
          .isEqualTo("statefulset.apps/" + spec.name() + " configured");
      assertThat(third.outcome("Service", m.governingService().getMetadata().getName())).isEqualTo(Outcome.UNCHANGED);
    }
  }

  @Test
  void a_field_of_another_manager_is_a_conflict_naming_field_and_manager(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "conflict");
    Manifests m = Clusters.in(ns, StatefulSetSpec.builder().name("web").replicas(1)
        .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build()).build());
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver other = new PodDriver(cp, ns)) {
      k8s.apply(m, ApplyOptions.defaults());
      StatefulSet theirs = new StatefulSetBuilder().withNewMetadata().withName("web").withNamespace(ns).endMetadata()
          .withNewSpec().withReplicas(5).endSpec().build();
      other.client().resource(theirs).fieldManager("kubectl-edit").forceConflicts().serverSideApply();

      assertThatThrownBy(() -> k8s.apply(m, ApplyOptions.defaults()))
          .isInstanceOfSatisfying(ApplyConflictException.class, e -> assertThat(e.conflicts())
              .containsExactly(new ApplyConflictException.Conflict(".spec.replicas", "kubectl-edit")))
          .hasMessage("apply StatefulSet " + ns + "/web: conflict: .spec.replicas is owned by field manager "
              + "\"kubectl-edit\" (apply with force to take them over)");
      assertThat(k8s.apply(m, ApplyOptions.defaults().withForce()).outcome("StatefulSet", "web"))
          .isEqualTo(Outcome.CONFIGURED);
      assertThat(k8s.get("web").getSpec().getReplicas()).isEqualTo(1);
    }
  }

  @Test
  void update_refuses_an_immutable_change_before_sending(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "update");
    StatefulSetSpec spec = StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build()).build();
    try (ClusterClient k8s = Clusters.client(cp, ns)) {
      k8s.apply(Clusters.in(ns, spec), ApplyOptions.defaults());
      StatefulSet renamed = Clusters.in(ns, StatefulSetSpec.builder().from(spec).serviceName("other").build())
          .statefulSet();
      // the generation, not the resourceVersion: the StatefulSet controller writes status at any time
      Long before = k8s.get("web").getMetadata().getGeneration();
      assertThatThrownBy(() -> k8s.update(renamed, ApplyOptions.defaults()))
          .isInstanceOf(UpdateRefusedException.class)
          .hasMessageStartingWith("update StatefulSet " + ns + "/web refused: spec.serviceName: ")
          .isInstanceOfSatisfying(UpdateRefusedException.class, e -> assertThat(e.findings())
              .extracting(f -> f.path()).containsExactly("spec.serviceName"));
      assertThat(k8s.get("web").getMetadata().getGeneration()).as("nothing was sent").isEqualTo(before);
      assertThat(k8s.get("web").getSpec().getServiceName()).isNotEqualTo("other");

      StatefulSet scaled = Clusters.in(ns, StatefulSetSpec.builder().from(spec).replicas(3).build()).statefulSet();
      assertThat(k8s.update(scaled, ApplyOptions.defaults()).objects()).extracting(Applied::outcome)
          .containsExactly(Outcome.CONFIGURED);
      assertThat(k8s.get("web").getSpec().getReplicas()).isEqualTo(3);
      assertThat(k8s.get("web").getMetadata().getManagedFields()).extracting(f -> f.getManager())
          .contains(ClusterClient.FIELD_MANAGER);
    }
  }
}
