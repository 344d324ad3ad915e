package dev.stskit.cluster.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The five statuses of the platform's list, decided from recorded objects without a cluster (module
 * README, "Workload status").
 */
class StatusDerivationTest {
  static final String UID = "0f4c2a8e-1111-2222-3333-444455556666";

  /** A StatefulSet of {@code desired} replicas whose controller reported {@code ready} of them ready. */
  static StatefulSetBuilder sts(int desired, int ready) {
    return new StatefulSetBuilder()
        .withNewMetadata().withName("web").withNamespace("shop").withUid(UID).withGeneration(2L).endMetadata()
        .withNewSpec().withReplicas(desired).withServiceName("web").withNewUpdateStrategy().withType("RollingUpdate")
        .endUpdateStrategy().endSpec()
        .withNewStatus().withObservedGeneration(2L).withReplicas(desired).withReadyReplicas(ready)
        .withAvailableReplicas(ready).withUpdatedReplicas(desired).withCurrentReplicas(desired)
        .withCurrentRevision("web-abc").withUpdateRevision("web-abc").endStatus();
  }

  static PodBuilder pod(int ordinal, boolean ready) {
    return new PodBuilder()
        .withNewMetadata().withName("web-" + ordinal).withNamespace("shop")
        .addNewOwnerReference().withKind("StatefulSet").withName("web").withUid(UID).withController(true)
        .endOwnerReference().endMetadata()
        .withNewSpec().addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec()
        .withNewStatus().withPhase(ready ? "Running" : "Pending")
        .addToConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("True").build())
        .addToConditions(new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False").build())
        .addToContainerStatuses(new ContainerStatusBuilder().withName("app").withReady(ready).withRestartCount(0)
            .build())
        .endStatus();
  }

  static StatusReport derive(StatefulSet sts, List<Pod> pods) {
    return StatusDerivation.derive(sts, pods, List.of(), List.of());
  }

  @Test
  void running_when_every_counter_equals_the_desired_count() {
    StatusReport r = derive(sts(2, 2).build(), List.of(pod(0, true).build(), pod(1, true).build()));
    assertThat(r.status()).isEqualTo(WorkloadStatus.RUNNING);
    assertThat(r.reason()).isEqualTo("2 of 2 pods ready");
    assertThat(r.line()).isEqualTo("web: Running (2 of 2 pods ready)");
    assertThat(r.pods()).extracting(PodState::line)
        .containsExactly("web-0  Running  1/1  restarts 0", "web-1  Running  1/1  restarts 0");
  }

  @Test
  void zero_replicas_scaled_to_zero_is_running() {
    StatusReport r = derive(sts(0, 0).build(), List.of());
    assertThat(r.status()).isEqualTo(WorkloadStatus.RUNNING);
    assertThat(r.reason()).isEqualTo("scaled to 0 pods");
  }

  @Test
  void waiting_while_the_controller_has_not_observed_the_generation() {
    StatefulSet s = sts(2, 2).editMetadata().withGeneration(3L).endMetadata().build();
    StatusReport r = derive(s, List.of(pod(0, true).build(), pod(1, true).build()));
    assertThat(r.status()).isEqualTo(WorkloadStatus.WAITING);
    assertThat(r.reason()).startsWith("the controller has not yet observed generation 3 (observed 2)");
  }

  @Test
  void waiting_during_a_rolling_update() {
    StatefulSet s = sts(2, 2).editStatus().withUpdateRevision("web-def").withUpdatedReplicas(1).endStatus().build();
    StatusReport r = derive(s, List.of(pod(0, true).build(), pod(1, true).build()));
    assertThat(r.status()).isEqualTo(WorkloadStatus.WAITING);
    assertThat(r.reason()).startsWith("rolling update: 1 of 2 pods on revision web-def");
  }

  @Test
  void a_revision_mismatch_under_on_delete_is_not_waiting() {
    StatefulSet s = sts(1, 1).editSpec().editUpdateStrategy().withType("OnDelete").endUpdateStrategy().endSpec()
        .editStatus().withUpdateRevision("web-def").endStatus().build();
    assertThat(derive(s, List.of(pod(0, true).build())).status()).isEqualTo(WorkloadStatus.RUNNING);
  }

  @Test
  void waiting_while_scaling_up_with_pods_progressing() {
    StatefulSet s = sts(3, 1).editStatus().withReplicas(2).endStatus().build();
    Pod starting = pod(1, false).editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("app")
        .withReady(false).withNewState().withNewWaiting().withReason("ContainerCreating").endWaiting().endState()
        .build()).endStatus().build();
    StatusReport r = derive(s, List.of(pod(0, true).build(), starting));
    assertThat(r.status()).isEqualTo(WorkloadStatus.WAITING);
    assertThat(r.reason()).isEqualTo("scaling from 2 to 3 pods; 1 of 3 pods ready; pod web-1: container app: ContainerCreating");
  }

  @Test
  void not_ready_on_crash_loop_back_off_with_the_containers_message() {
    Pod crashing = pod(1, false).editStatus().withPhase("Running").withContainerStatuses(new ContainerStatusBuilder()
        .withName("app").withReady(false).withRestartCount(4).withNewState().withNewWaiting()
        .withReason("CrashLoopBackOff").withMessage("back-off 1m20s restarting failed container=app")
        .endWaiting().endState().build()).endStatus().build();
    StatusReport r = derive(sts(2, 1).build(), List.of(pod(0, true).build(), crashing));
    assertThat(r.status()).isEqualTo(WorkloadStatus.NOT_READY);
    assertThat(r.reason()).isEqualTo("pod web-1: container app: CrashLoopBackOff: back-off 1m20s restarting "
        + "failed container=app (1 of 2 pods ready)");
    assertThat(r.pods().get(1).line()).isEqualTo("web-1  Running  0/1  restarts 4  container app: CrashLoopBackOff: "
        + "back-off 1m20s restarting failed container=app");
  }

  @Test
  void not_ready_on_image_pull_back_off_even_during_a_rolling_update() {
    Pod pulling = pod(0, false).editStatus().withContainerStatuses(new ContainerStatusBuilder().withName("app")
        .withReady(false).withNewState().withNewWaiting().withReason("ImagePullBackOff")
        .withMessage("Back-off pulling image \"nginx:nope\"").endWaiting().endState().build()).endStatus().build();
    StatefulSet s = sts(1, 0).editStatus().withUpdateRevision("web-def").withUpdatedReplicas(0).endStatus().build();
    StatusReport r = derive(s, List.of(pulling));
    assertThat(r.status()).isEqualTo(WorkloadStatus.NOT_READY);
    assertThat(r.reason()).contains("ImagePullBackOff: Back-off pulling image \"nginx:nope\"");
  }

  @Test
  void not_ready_on_unschedulable_with_the_schedulers_message() {
    Pod unschedulable = pod(0, false).editStatus().withConditions(new PodConditionBuilder().withType("PodScheduled")
        .withStatus("False").withReason("Unschedulable")
        .withMessage("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.").build())
        .withContainerStatuses().endStatus().build();
    StatusReport r = derive(sts(1, 0).build(), List.of(unschedulable));
    assertThat(r.status()).isEqualTo(WorkloadStatus.NOT_READY);
    assertThat(r.reason()).isEqualTo("pod web-0: Unschedulable: 0/3 nodes are available: 3 Insufficient "
        + "nvidia.com/gpu. (0 of 1 pods ready)");
  }

  @Test
  void an_unschedulable_condition_without_message_takes_the_newest_warning_event() {
    Pod unschedulable = pod(0, false).editStatus().withConditions(new PodConditionBuilder().withType("PodScheduled")
        .withStatus("False").withReason("Unschedulable").build()).endStatus().build();
    List<Event> events = List.of(warning("e1", "FailedScheduling", "old message", "2026-12-03T10:00:00Z"),
        warning("e2", "FailedScheduling", "0/1 nodes are available: 1 node(s) had untolerated taint.",
            "2026-12-03T10:05:00Z"));
    StatusReport r = StatusDerivation.derive(sts(1, 0).build(), List.of(unschedulable), events, List.of());
    assertThat(r.reason()).isEqualTo("pod web-0: Unschedulable: 0/1 nodes are available: 1 node(s) had "
        + "untolerated taint. (0 of 1 pods ready)");
  }

  @Test
  void not_ready_on_a_failing_readiness_probe() {
    Pod running = pod(0, false).editStatus().withPhase("Running").endStatus().build();
    List<Event> events = List.of(warning("e1", "Unhealthy", "Readiness probe failed: HTTP probe failed with statuscode: 503",
        "2026-12-03T10:00:00Z"));
    StatusReport r = StatusDerivation.derive(sts(1, 0).build(), List.of(running), events, List.of());
    assertThat(r.status()).isEqualTo(WorkloadStatus.NOT_READY);
    assertThat(r.reason()).startsWith("pod web-0: Readiness probe failed: HTTP probe failed with statuscode: 503");
  }

  @Test
  void a_pending_pod_without_a_stuck_reason_is_waiting() {
    StatusReport r = derive(sts(1, 0).build(), List.of(pod(0, false).build()));
    assertThat(r.status()).isEqualTo(WorkloadStatus.WAITING);
    assertThat(r.reason()).isEqualTo("0 of 1 pods ready; pod web-0: not ready");
  }

  @Test
  void exception_when_a_pod_is_in_phase_unknown() {
    Pod lost = pod(0, true).editStatus().withPhase("Unknown").withReason("NodeLost").endStatus().build();
    StatusReport r = derive(sts(1, 1).build(), List.of(lost));
    assertThat(r.status()).isEqualTo(WorkloadStatus.EXCEPTION);
    assertThat(r.reason()).isEqualTo("pod web-0: status unknown: NodeLost");
  }

  @Test
  void exception_when_a_pods_node_stopped_reporting() {
    Pod p = pod(0, true).editSpec().withNodeName("gpu-1").endSpec().build();
    Node node = new NodeBuilder().withNewMetadata().withName("gpu-1").endMetadata().withNewStatus()
        .addNewCondition().withType("Ready").withStatus("Unknown").withReason("NodeStatusUnknown")
        .withMessage("Kubelet stopped posting node status.").endCondition().endStatus().build();
    StatusReport r = StatusDerivation.derive(sts(1, 1).build(), List.of(p), List.of(), List.of(node));
    assertThat(r.status()).isEqualTo(WorkloadStatus.EXCEPTION);
    assertThat(r.reason()).isEqualTo("pod web-0: node gpu-1 is not reporting: NodeStatusUnknown: Kubelet stopped "
        + "posting node status.");
  }

  @Test
  void deleting_comes_first() {
    StatefulSet s = sts(1, 1).editMetadata().withDeletionTimestamp("2026-12-03T10:00:00Z").endMetadata().build();
    Pod lost = pod(0, true).editStatus().withPhase("Unknown").endStatus().build();
    StatusReport r = derive(s, List.of(lost));
    assertThat(r.status()).isEqualTo(WorkloadStatus.DELETING);
    assertThat(r.reason()).isEqualTo("deletion requested at 2026-12-03T10:00:00Z; 1 pod left");
  }

  @Test
  void a_terminating_pod_shows_terminating_and_is_not_stuck() {
    Pod leaving = pod(0, false).editMetadata().withDeletionTimestamp("2026-12-03T10:00:00Z").endMetadata().build();
    StatusReport r = derive(sts(1, 0).build(), List.of(leaving));
    assertThat(r.status()).isEqualTo(WorkloadStatus.WAITING);
    assertThat(r.pods().get(0).phase()).isEqualTo("Terminating");
  }

  @Test
  void pods_of_another_owner_are_ignored_and_pods_sort_by_ordinal() {
    Pod foreign = pod(5, false).editMetadata().editFirstOwnerReference().withUid("other").endOwnerReference()
        .endMetadata().editStatus().withPhase("Unknown").endStatus().build();
    StatusReport r = derive(sts(11, 11).build(), List.of(pod(10, true).build(), foreign, pod(2, true).build()));
    assertThat(r.status()).isEqualTo(WorkloadStatus.RUNNING);
    assertThat(r.pods()).extracting(PodState::name).containsExactly("web-2", "web-10");
  }

  @Test
  void unreachable_is_exception_with_the_error() {
    StatusReport r = StatusDerivation.unreachable("web", "cannot reach the API server https://127.0.0.1:1: connection refused");
    assertThat(r.status()).isEqualTo(WorkloadStatus.EXCEPTION);
    assertThat(r.line()).isEqualTo("web: Exception (cannot reach the API server https://127.0.0.1:1: connection refused)");
  }

  @Test
  void the_same_objects_give_the_same_report() {
    List<Pod> pods = List.of(pod(0, true).build(), pod(1, false).build());
    assertThat(derive(sts(2, 1).build(), pods)).isEqualTo(derive(sts(2, 1).build(), List.of(pods.get(1), pods.get(0))));
  }

  @Test
  void statuses_parse_from_names_and_labels() {
    assertThat(WorkloadStatus.parse("not-ready")).isEqualTo(WorkloadStatus.NOT_READY);
    assertThat(WorkloadStatus.parse("Not Ready")).isEqualTo(WorkloadStatus.NOT_READY);
    assertThat(WorkloadStatus.parse("运行中")).isEqualTo(WorkloadStatus.RUNNING);
    assertThat(WorkloadStatus.NOT_READY.labelZh()).isEqualTo("未就绪");
    assertThatThrownBy(() -> WorkloadStatus.parse("Ready")).hasMessageContaining("unknown status 'Ready'");
  }

  static Event warning(String name, String reason, String message, String at) {
    return new EventBuilder().withNewMetadata().withName(name).withNamespace("shop").endMetadata()
        .withType("Warning").withReason(reason).withMessage(message).withLastTimestamp(at)
        .withNewInvolvedObject().withKind("Pod").withName("web-0").withNamespace("shop").endInvolvedObject().build();
  }
}
