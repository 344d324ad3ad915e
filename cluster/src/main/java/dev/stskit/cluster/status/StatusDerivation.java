package dev.stskit.cluster.status;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Derives the platform's workload status from recorded objects, without a cluster: a pure function
 * of the StatefulSet, its pods, the events about them and the nodes they run on. The rules, top-down,
 * first match wins (module README, "Workload status"):
 *
 * <ol>
 *   <li><b>Deleting</b>: the StatefulSet has {@code metadata.deletionTimestamp}.
 *   <li><b>Exception</b>: a pod is in phase {@code Unknown}, or its node's {@code Ready} condition is
 *       {@code Unknown} (the node stopped reporting). An unreachable API server is the caller's
 *       Exception ({@link #unreachable}).
 *   <li><b>Not Ready</b>: fewer pods ready than desired and a pod is stuck: not schedulable
 *       ({@code PodScheduled=False}), a container waiting in {@code CrashLoopBackOff},
 *       {@code ImagePullBackOff}, {@code ErrImagePull}, {@code CreateContainerConfigError} and the
 *       like, the pod {@code Failed}, or a failing readiness probe ({@code Unhealthy} warning event
 *       while not ready).
 *   <li><b>Waiting</b>: the controller has not observed the newest generation, a rolling update is
 *       in progress, the pod count differs from the desired count, or pods are still progressing.
 *   <li><b>Running</b>: observed generation current, {@code readyReplicas == availableReplicas ==
 *       status.replicas == spec.replicas} and, under {@code RollingUpdate}, the current revision is
 *       the update revision.
 * </ol>
 */
public final class StatusDerivation {
  /**
   * Container waiting reasons that do not resolve by waiting, as the kubelet names them
   * (k8s.io/kubernetes pkg/kubelet/container/sync_result.go, ErrCrashLoopBackOff and the others;
   * pkg/kubelet/images/types.go, ErrImagePullBackOff; pkg/kubelet/kuberuntime/kuberuntime_container.go,
   * ErrCreateContainerConfig).
   */
  static final Set<String> STUCK_WAITING = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
      "ErrImageNeverPull", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError",
      "RunContainerError", "PreStartHookError", "PostStartHookError");

  private StatusDerivation() {}

  /**
   * The status of {@code sts}.
   *
   * @param sts the StatefulSet as read from the API server
   * @param pods its pods (any order; pods not owned by it are ignored)
   * @param events events in its namespace (any order; those about other objects are ignored)
   * @param nodes the nodes its pods are bound to, where known (may be empty)
   * @return the status, its reason and a line per pod
   */
  public static StatusReport derive(StatefulSet sts, List<Pod> pods, List<Event> events, List<Node> nodes) {
    Objects.requireNonNull(sts, "sts");
    String name = sts.getMetadata() == null || sts.getMetadata().getName() == null ? "" : sts.getMetadata().getName();
    List<Pod> own = new ArrayList<>();
    for (Pod p : pods) {
      if (ownedBy(p, sts, name)) {
        own.add(p);
      }
    }
    own.sort(Comparator.comparingInt((Pod p) -> ordinal(p, name)).thenComparing(StatusDerivation::podName));
    Map<String, Event> warnings = latestWarnings(events);
    Map<String, Node> nodeByName = new HashMap<>();
    for (Node n : nodes) {
      if (n.getMetadata() != null && n.getMetadata().getName() != null) {
        nodeByName.put(n.getMetadata().getName(), n);
      }
    }
    List<PodState> states = new ArrayList<>();
    for (Pod p : own) {
      states.add(podState(p, warnings.get(podName(p))));
    }

    StatefulSetSpec spec = Optional.ofNullable(sts.getSpec()).orElseGet(StatefulSetSpec::new);
    StatefulSetStatus status = Optional.ofNullable(sts.getStatus()).orElseGet(StatefulSetStatus::new);
    int desired = Optional.ofNullable(spec.getReplicas()).orElse(1);
    int ready = n(status.getReadyReplicas());
    String readyText = ready + " of " + desired + " pods ready";

    // 1. Deleting
    if (sts.getMetadata() != null && sts.getMetadata().getDeletionTimestamp() != null) {
      return new StatusReport(name, WorkloadStatus.DELETING, "deletion requested at "
          + sts.getMetadata().getDeletionTimestamp() + "; " + own.size() + (own.size() == 1 ? " pod" : " pods")
          + " left", states);
    }
    // 2. Exception
    for (Pod p : own) {
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      if ("Unknown".equals(phase)) {
        return new StatusReport(name, WorkloadStatus.EXCEPTION, "pod " + podName(p)
            + ": status unknown" + suffix(p.getStatus().getReason(), p.getStatus().getMessage()), states);
      }
      String nodeName = p.getSpec() == null ? null : p.getSpec().getNodeName();
      Node node = nodeName == null ? null : nodeByName.get(nodeName);
      NodeCondition nodeReady = node == null || node.getStatus() == null || node.getStatus().getConditions() == null
          ? null : node.getStatus().getConditions().stream()
              .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
      if (nodeReady != null && "Unknown".equals(nodeReady.getStatus())) {
        return new StatusReport(name, WorkloadStatus.EXCEPTION, "pod " + podName(p) + ": node " + nodeName
            + " is not reporting" + suffix(nodeReady.getReason(), nodeReady.getMessage()), states);
      }
    }
    // 3. Not Ready
    if (ready < desired) {
      for (Pod p : own) {
        Optional<String> stuck = stuck(p, warnings.get(podName(p)));
        if (stuck.isPresent()) {
          return new StatusReport(name, WorkloadStatus.NOT_READY, "pod " + podName(p) + ": " + stuck.get()
              + " (" + readyText + ")", states);
        }
      }
    }
    // 4. Waiting
    long generation = Optional.ofNullable(sts.getMetadata().getGeneration()).orElse(0L);
    long observed = Optional.ofNullable(status.getObservedGeneration()).orElse(0L);
    boolean rolling = spec.getUpdateStrategy() == null || spec.getUpdateStrategy().getType() == null
        || "RollingUpdate".equals(spec.getUpdateStrategy().getType());
    if (observed < generation) {
      return new StatusReport(name, WorkloadStatus.WAITING, "the controller has not yet observed generation "
          + generation + " (observed " + observed + "); " + readyText, states);
    }
    int statusReplicas = n(status.getReplicas());
    if (statusReplicas != desired) {
      return new StatusReport(name, WorkloadStatus.WAITING, "scaling from " + statusReplicas + " to " + desired
          + " pods; " + readyText + progress(states), states);
    }
    if (rolling && (!Objects.equals(status.getCurrentRevision(), status.getUpdateRevision())
        || n(status.getUpdatedReplicas()) < desired)) {
      return new StatusReport(name, WorkloadStatus.WAITING, "rolling update: " + n(status.getUpdatedReplicas())
          + " of " + desired + " pods on revision " + Optional.ofNullable(status.getUpdateRevision()).orElse("?")
          + "; " + readyText + progress(states), states);
    }
    if (ready != desired || n(status.getAvailableReplicas()) != desired) {
      return new StatusReport(name, WorkloadStatus.WAITING, readyText + (ready == desired
          ? ", " + n(status.getAvailableReplicas()) + " available" : "") + progress(states), states);
    }
    // 5. Running
    return new StatusReport(name, WorkloadStatus.RUNNING, desired == 0 ? "scaled to 0 pods" : readyText, states);
  }

  /**
   * The status when the API server cannot be reached: Exception, with {@code error} (what the
   * client said) as the reason.
   *
   * @param name the StatefulSet's name
   * @param error what the client said, e.g. {@code connect timed out}
   * @return the Exception status with that reason and no pods
   */
  public static StatusReport unreachable(String name, String error) {
    return new StatusReport(name, WorkloadStatus.EXCEPTION, error, List.of());
  }

  /** Why the pod cannot become ready by itself, if it cannot. */
  static Optional<String> stuck(Pod p, Event warning) {
    if (p.getMetadata() != null && p.getMetadata().getDeletionTimestamp() != null) {
      return Optional.empty();
    }
    var st = p.getStatus();
    if (st == null) {
      return Optional.empty();
    }
    if ("Failed".equals(st.getPhase())) {
      return Optional.of("Failed" + suffix(st.getReason(), st.getMessage()));
    }
    PodCondition scheduled = condition(p, "PodScheduled");
    if (scheduled != null && "False".equals(scheduled.getStatus())) {
      String reason = Optional.ofNullable(scheduled.getReason()).orElse("Unschedulable");
      String message = scheduled.getMessage();
      if ((message == null || message.isEmpty()) && warning != null) {
        message = warning.getMessage();
      }
      return Optional.of(reason + (message == null || message.isEmpty() ? "" : ": " + message));
    }
    for (ContainerStatus cs : containerStatuses(p)) {
      ContainerStateWaiting w = cs.getState() == null ? null : cs.getState().getWaiting();
      if (w != null && w.getReason() != null && STUCK_WAITING.contains(w.getReason())) {
        return Optional.of("container " + cs.getName() + ": " + w.getReason()
            + (w.getMessage() == null || w.getMessage().isEmpty() ? "" : ": " + w.getMessage()));
      }
    }
    PodCondition readyCond = condition(p, "Ready");
    boolean notReady = readyCond == null || !"True".equals(readyCond.getStatus());
    if (notReady && warning != null && "Unhealthy".equals(warning.getReason()) && warning.getMessage() != null
        && warning.getMessage().startsWith("Readiness probe failed")) {
      return Optional.of(warning.getMessage());
    }
    return Optional.empty();
  }

  static PodState podState(Pod p, Event warning) {
    String phase = p.getStatus() == null || p.getStatus().getPhase() == null ? "Pending" : p.getStatus().getPhase();
    if (p.getMetadata() != null && p.getMetadata().getDeletionTimestamp() != null) {
      phase = "Terminating";
    }
    int containers = p.getSpec() == null || p.getSpec().getContainers() == null ? 0 : p.getSpec().getContainers().size();
    int readyContainers = 0;
    int restarts = 0;
    List<ContainerStatus> regular = p.getStatus() == null || p.getStatus().getContainerStatuses() == null
        ? List.of() : p.getStatus().getContainerStatuses();
    for (ContainerStatus cs : regular) {
      if (Boolean.TRUE.equals(cs.getReady())) {
        readyContainers++;
      }
      restarts += n(cs.getRestartCount());
    }
    PodCondition readyCond = condition(p, "Ready");
    String detail = "";
    if (readyCond == null || !"True".equals(readyCond.getStatus())) {
      detail = stuck(p, warning).orElseGet(() -> progressing(p));
    }
    return new PodState(podName(p), phase, readyContainers, containers, restarts, detail);
  }

  /** What a pod that is not stuck is doing: the waiting reason of a container, or its conditions. */
  private static String progressing(Pod p) {
    for (ContainerStatus cs : containerStatuses(p)) {
      ContainerStateWaiting w = cs.getState() == null ? null : cs.getState().getWaiting();
      if (w != null && w.getReason() != null) {
        return "container " + cs.getName() + ": " + w.getReason();
      }
    }
    PodCondition scheduled = condition(p, "PodScheduled");
    if (scheduled == null) {
      return "not scheduled yet";
    }
    PodCondition readyCond = condition(p, "Ready");
    if (readyCond != null && readyCond.getReason() != null) {
      return readyCond.getReason() + (readyCond.getMessage() == null ? "" : ": " + readyCond.getMessage());
    }
    return "not ready";
  }

  private static String progress(List<PodState> states) {
    for (PodState s : states) {
      if (!s.detail().isEmpty()) {
        return "; pod " + s.name() + ": " + s.detail();
      }
    }
    return "";
  }

  private static List<ContainerStatus> containerStatuses(Pod p) {
    List<ContainerStatus> all = new ArrayList<>();
    if (p.getStatus() != null) {
      if (p.getStatus().getInitContainerStatuses() != null) {
        all.addAll(p.getStatus().getInitContainerStatuses());
      }
      if (p.getStatus().getContainerStatuses() != null) {
        all.addAll(p.getStatus().getContainerStatuses());
      }
    }
    return all;
  }

  private static PodCondition condition(Pod p, String type) {
    if (p.getStatus() == null || p.getStatus().getConditions() == null) {
      return null;
    }
    return p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  /** The newest Warning event per pod name (ties broken by event name, so the result is deterministic). */
  private static Map<String, Event> latestWarnings(List<Event> events) {
    Map<String, Event> out = new HashMap<>();
    for (Event e : events) {
      if (!"Warning".equals(e.getType()) || e.getInvolvedObject() == null
          || !"Pod".equals(e.getInvolvedObject().getKind()) || e.getInvolvedObject().getName() == null) {
        continue;
      }
      out.merge(e.getInvolvedObject().getName(), e, (a, b) -> newer(a, b) ? a : b);
    }
    return out;
  }

  private static boolean newer(Event a, Event b) {
    int c = time(a).compareTo(time(b));
    if (c != 0) {
      return c > 0;
    }
    return eventName(a).compareTo(eventName(b)) > 0;
  }

  /** RFC 3339 times compare as strings when they share a format, which the API server's do. */
  private static String time(Event e) {
    if (e.getLastTimestamp() != null) {
      return e.getLastTimestamp();
    }
    if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
      return e.getEventTime().getTime();
    }
    if (e.getMetadata() != null && e.getMetadata().getCreationTimestamp() != null) {
      return e.getMetadata().getCreationTimestamp();
    }
    return "";
  }

  private static String eventName(Event e) {
    return e.getMetadata() == null || e.getMetadata().getName() == null ? "" : e.getMetadata().getName();
  }

  /** A pod belongs to the StatefulSet when it names it as controller, or (without owner) by its name. */
  private static boolean ownedBy(Pod p, StatefulSet sts, String name) {
    if (p.getMetadata() == null) {
      return false;
    }
    if (p.getMetadata().getOwnerReferences() != null && !p.getMetadata().getOwnerReferences().isEmpty()) {
      String uid = sts.getMetadata() == null ? null : sts.getMetadata().getUid();
      return p.getMetadata().getOwnerReferences().stream().anyMatch(o -> "StatefulSet".equals(o.getKind())
          && (uid == null ? name.equals(o.getName()) : uid.equals(o.getUid())));
    }
    return ordinal(p, name) >= 0;
  }

  /** The ordinal in {@code <name>-<ordinal>}, or -1. */
  static int ordinal(Pod p, String stsName) {
    String n = podName(p);
    if (!n.startsWith(stsName + "-")) {
      return -1;
    }
    String tail = n.substring(stsName.length() + 1);
    if (tail.isEmpty() || tail.length() > 9 || !tail.chars().allMatch(Character::isDigit)) {
      return -1;
    }
    return Integer.parseInt(tail);
  }

  private static String podName(Pod p) {
    return p.getMetadata() == null || p.getMetadata().getName() == null ? "" : p.getMetadata().getName();
  }

  private static String suffix(String reason, String message) {
    StringBuilder b = new StringBuilder();
    if (reason != null && !reason.isEmpty()) {
      b.append(": ").append(reason);
    }
    if (message != null && !message.isEmpty()) {
      b.append(": ").append(message);
    }
    return b.toString();
  }

  private static int n(Integer i) {
    return i == null ? 0 : i;
  }
}
