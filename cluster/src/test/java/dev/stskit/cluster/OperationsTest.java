package dev.stskit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.UpdateStrategy;
import dev.stskit.core.lifecycle.Lifecycle;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Scale, restart, update, history and rollback against kube-apiserver with kube-controller-manager
 * (the StatefulSet controller makes the pods and ControllerRevisions; {@link PodDriver} plays the
 * kubelet).
 */
@ControlPlaneTest(controllers = true)
class OperationsTest {
  static final Duration WAIT = Duration.ofSeconds(90);

  static StatefulSetSpec web(int replicas) {
    return StatefulSetSpec.builder().name("web").replicas(replicas)
        .podManagementPolicy(dev.stskit.core.PodManagementPolicy.PARALLEL)
        .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build()).build();
  }

  @Test
  void scale_up_and_down_and_a_stale_resource_version_fails_cleanly(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "scale");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, web(1)), ApplyOptions.defaults());
      pods.keepReady("web");
      assertThat(k8s.scale("web", 3, Optional.empty(), false).getSpec().getReplicas()).isEqualTo(3);
      PodDriver.eventually("3 pods", () -> pods.pods("web").size(), n -> n == 3, WAIT);
      // the controller writes the status (and so the resourceVersion) until the pods are ready
      k8s.waitFor("web", dev.stskit.cluster.status.WorkloadStatus.RUNNING, WAIT, r -> { });
      String rv = k8s.get("web").getMetadata().getResourceVersion();
      assertThat(k8s.scale("web", 2, Optional.of(rv), true).getSpec().getReplicas()).isEqualTo(2);
      assertThat(k8s.get("web").getSpec().getReplicas()).as("dry run").isEqualTo(3);
      assertThat(k8s.scale("web", 1, Optional.of(rv), false).getSpec().getReplicas()).isEqualTo(1);
      PodDriver.eventually("1 pod", () -> pods.pods("web").size(), n -> n == 1, WAIT);

      assertThatThrownBy(() -> k8s.scale("web", 4, Optional.of(rv), false))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(409))
          .hasMessageStartingWith("scale StatefulSet " + ns + "/web: ")
          .hasMessageContaining("the object has been modified");
      assertThat(k8s.get("web").getSpec().getReplicas()).isEqualTo(1);
      assertThatThrownBy(() -> k8s.scale("missing", 1, Optional.empty(), false))
          .isInstanceOfSatisfying(ClusterException.class, e -> assertThat(e.code()).isEqualTo(404));
    }
  }

  @Test
  void restart_under_rolling_update_stamps_the_template(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "restart");
    Instant at = Instant.parse("2026-12-03T12:00:00Z");
    try (ClusterClient k8s = ClusterClient.connect(Clusters.connection(cp, ns), Clock.fixed(at, ZoneOffset.UTC));
        PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, web(2)), ApplyOptions.defaults());
      pods.keepReady("web");
      String first = PodDriver.eventually("first revision", () -> k8s.get("web").getStatus().getUpdateRevision(),
          r -> r != null, WAIT);
      PodOperation r = k8s.restart("web", false);
      assertThat(r.podsToDelete()).isEmpty();
      assertThat(r.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations())
          .containsEntry(Lifecycle.RESTARTED_AT, "2026-12-03T12:00:00Z");
      PodDriver.eventually("a new revision", () -> k8s.get("web").getStatus().getUpdateRevision(),
          rev -> rev != null && !rev.equals(first), WAIT);
    }
  }

  @Test
  void restart_under_on_delete_recreates_the_pods_highest_ordinal_first(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "recreate");
    StatefulSetSpec spec = StatefulSetSpec.builder().from(web(3)).updateStrategy(UpdateStrategy.recreate()).build();
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, spec), ApplyOptions.defaults());
      PodDriver.eventually("3 pods", () -> pods.pods("web").size(), n -> n == 3, WAIT);
      List<String> uids = pods.pods("web").stream().map(p -> p.getMetadata().getUid()).toList();
      PodOperation r = k8s.restart("web", true);
      assertThat(r.podsToDelete()).containsExactly("web-0", "web-1", "web-2");
      assertThat(r.deletedPods()).containsExactly("web-2", "web-1", "web-0");
      List<Pod> again = PodDriver.eventually("3 new pods", () -> pods.pods("web"),
          l -> l.size() == 3 && l.stream().noneMatch(p -> uids.contains(p.getMetadata().getUid())), WAIT);
      assertThat(again).allSatisfy(p -> assertThat(p.getMetadata().getLabels())
          .containsEntry("controller-revision-hash", k8s.get("web").getStatus().getUpdateRevision()));
    }
  }

  @Test
  void two_template_updates_then_rollback_to_the_first_restores_its_template(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "rollback");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      pods.keepReady("web");
      StatefulSetSpec v1 = web(1);
      k8s.apply(Clusters.in(ns, v1), ApplyOptions.defaults());
      PodTemplateSpec template1 = k8s.get("web").getSpec().getTemplate();
      PodDriver.eventually("revision 1", () -> k8s.history("web"), h -> h.size() == 1, WAIT);
      int expected = 1;
      for (String image : List.of("nginx:1.28", "nginx:1.29")) {
        StatefulSetSpec next = StatefulSetSpec.builder().from(v1).containers(List.of(
            ContainerSpec.builder().name("app").image(image).build())).build();
        k8s.update(Clusters.in(ns, next).statefulSet(), ApplyOptions.defaults());
        int want = ++expected;
        PodDriver.eventually("revision " + want, () -> k8s.history("web"), h -> h.size() == want, WAIT);
      }
      List<Revision> history = PodDriver.eventually("three revisions, the last current", () -> k8s.history("web"),
          h -> h.size() == 3 && h.get(2).current(), WAIT);
      assertThat(history).extracting(Revision::number).containsExactly(1L, 2L, 3L);
      assertThat(history.get(2).current()).isTrue();

      PodOperation r = k8s.rollback("web", 1, false);
      assertThat(r.statefulSet().getSpec().getTemplate()).isEqualTo(template1);
      StatefulSet live = k8s.get("web");
      assertThat(live.getSpec().getTemplate()).isEqualTo(template1);
      assertThat(live.getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27");
      PodDriver.eventually("revision 1 became revision 4", () -> k8s.history("web"),
          h -> h.get(h.size() - 1).number() == 4 && h.get(h.size() - 1).current(), WAIT);

      PodOperation previous = k8s.rollback("web", 0, false);
      assertThat(previous.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .isEqualTo("nginx:1.29");
      assertThatThrownBy(() -> k8s.rollback("web", 42, false)).isInstanceOf(ClusterException.class)
          .hasMessage("rollback StatefulSet " + ns + "/web: revision: unable to find revision 42 in the history");
    }
  }
}
