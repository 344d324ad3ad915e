package dev.stskit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.cluster.status.StatusReport;
import dev.stskit.cluster.status.WorkloadStatus;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.PodManagementPolicy;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Each of the five statuses reached on a real control plane. There are no kubelets: pod states are
 * written through the pods' status subresource ({@link PodDriver}), as a kubelet would write them.
 */
@ControlPlaneTest(controllers = true)
class StatusTest {
  static final Duration WAIT = Duration.ofSeconds(90);

  static StatefulSetSpec web(int replicas) {
    return StatefulSetSpec.builder().name("web").replicas(replicas).podManagementPolicy(PodManagementPolicy.PARALLEL)
        .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build()).build();
  }

  static StatusReport until(ClusterClient k8s, WorkloadStatus s) {
    return PodDriver.eventually("status " + s.label(), () -> k8s.status("web"), r -> r.status() == s, WAIT);
  }

  @Test
  void waiting_then_running_then_not_ready_then_exception(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "status");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, web(2)), ApplyOptions.defaults());
      StatusReport waiting = until(k8s, WorkloadStatus.WAITING);
      assertThat(waiting.reason()).contains("of 2 pods ready");
      pods.await("web-0");
      pods.await("web-1");
      pods.ready("web-0");
      pods.ready("web-1");
      List<StatusReport> seen = new CopyOnWriteArrayList<>();
      StatusReport running = k8s.waitFor("web", WorkloadStatus.RUNNING, WAIT, seen::add);
      assertThat(running.reason()).isEqualTo("2 of 2 pods ready");
      assertThat(running.pods()).extracting(p -> p.line())
          .containsExactly("web-0  Running  1/1  restarts 0", "web-1  Running  1/1  restarts 0");
      assertThat(seen).isNotEmpty().last().isEqualTo(running);

      pods.waiting("web-1", "CrashLoopBackOff", "back-off 40s restarting failed container=app");
      StatusReport crash = until(k8s, WorkloadStatus.NOT_READY);
      assertThat(crash.reason()).isEqualTo("pod web-1: container app: CrashLoopBackOff: back-off 40s restarting "
          + "failed container=app (1 of 2 pods ready)");

      pods.waiting("web-1", "ImagePullBackOff", "Back-off pulling image \"nginx:1.27\"");
      assertThat(PodDriver.eventually("ImagePullBackOff", () -> k8s.status("web"),
          r -> r.reason().contains("ImagePullBackOff"), WAIT).status()).isEqualTo(WorkloadStatus.NOT_READY);

      pods.unschedulable("web-1", "0/1 nodes are available: 1 Insufficient nvidia.com/gpu.");
      assertThat(PodDriver.eventually("Unschedulable", () -> k8s.status("web"),
          r -> r.reason().contains("Unschedulable"), WAIT).reason())
          .isEqualTo("pod web-1: Unschedulable: 0/1 nodes are available: 1 Insufficient nvidia.com/gpu. "
              + "(1 of 2 pods ready)");

      pods.ready("web-1");
      until(k8s, WorkloadStatus.RUNNING);
      pods.unknown("web-0");
      StatusReport unknown = until(k8s, WorkloadStatus.EXCEPTION);
      assertThat(unknown.reason()).isEqualTo("pod web-0: status unknown: NodeLost");
    }
  }

  @Test
  void deleting_while_a_finalizer_holds_the_statefulset(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "deleting");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, web(1)), ApplyOptions.defaults());
      editRetrying(() -> pods.client().apps().statefulSets().inNamespace(ns).withName("web")
          .edit(s -> new StatefulSetBuilder(s).editMetadata().addToFinalizers("stskit.dev/test-hold").endMetadata()
              .build()));
      assertThat(k8s.delete("web", DeleteOptions.defaults().withPropagation(DeleteOptions.Propagation.FOREGROUND)))
          .contains("StatefulSet/web");
      StatusReport deleting = until(k8s, WorkloadStatus.DELETING);
      assertThat(deleting.reason()).startsWith("deletion requested at ");
      editRetrying(() -> pods.client().apps().statefulSets().inNamespace(ns).withName("web")
          .edit(s -> new StatefulSetBuilder(s).editMetadata().withFinalizers(s.getMetadata().getFinalizers().stream()
              .filter(f -> !f.equals("stskit.dev/test-hold")).toList()).endMetadata().build()));
      PodDriver.eventually("the StatefulSet gone", () -> pods.client().apps().statefulSets().inNamespace(ns)
          .withName("web").get(), s -> s == null, WAIT);
    }
  }

  /**
   * An edit is a read, then a write guarded by the resourceVersion read; the StatefulSet controller writes
   * status in between at any time (409 Conflict), so a test's edit reads again and retries, as
   * client-go's RetryOnConflict does.
   */
  private static void editRetrying(Runnable edit) {
    for (int attempt = 1; ; attempt++) {
      try {
        edit.run();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 10) {
          throw e;
        }
      }
    }
  }

  @Test
  void the_api_server_stopped_is_exception_and_a_watch_resumes_after_a_restart(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "restart");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, web(1)), ApplyOptions.defaults());
      pods.await("web-0");
      List<StatusReport> seen = new CopyOnWriteArrayList<>();
      StatusWatch w = k8s.watch("web", Duration.ofMillis(500), seen::add, e -> { });
      try {
        PodDriver.eventually("a first status", () -> seen, l -> !l.isEmpty(), WAIT);
        cp.stopApiServer();
        try {
          StatusReport down = PodDriver.eventually("Exception", () -> seen.get(seen.size() - 1),
              r -> r.status() == WorkloadStatus.EXCEPTION, WAIT);
          assertThat(down.reason()).startsWith("cannot reach the API server " + k8s.connection().server());
          assertThat(k8s.status("web").status()).isEqualTo(WorkloadStatus.EXCEPTION);
        } finally {
          cp.startApiServer();
        }
        pods.ready("web-0");
        StatusReport back = PodDriver.eventually("Running after the restart", () -> seen.get(seen.size() - 1),
            r -> r.status() == WorkloadStatus.RUNNING, WAIT);
        assertThat(back.reason()).isEqualTo("1 of 1 pods ready");
      } finally {
        w.close();
      }
      assertThat(seen).extracting(StatusReport::status).contains(WorkloadStatus.EXCEPTION)
          .last().isEqualTo(WorkloadStatus.RUNNING);
    }
  }
}
