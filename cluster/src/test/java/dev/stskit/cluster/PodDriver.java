package dev.stskit.cluster;

import dev.stskit.testsupport.ControlPlane;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Plays the kubelet on a control plane without one: writes pod states through the pods' {@code
 * status} subresource (Running and Ready, a waiting container, Unschedulable, phase Unknown), and
 * can keep every pod of a StatefulSet Ready in the background.
 */
public final class PodDriver implements AutoCloseable {
  private final KubernetesClient k;
  private final String ns;
  private volatile Thread keeper;

  public PodDriver(ControlPlane cp, String namespace) {
    this.k = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null, cp.kubeconfig().toFile())).build();
    this.ns = namespace;
  }

  /** The fabric8 client the driver uses, for tests that need a raw one (another field manager). */
  public KubernetesClient client() {
    return k;
  }

  /** The StatefulSet's pods (by name prefix and owner kind), sorted by name. */
  public List<Pod> pods(String sts) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : k.pods().inNamespace(ns).list().getItems()) {
      String n = p.getMetadata().getName();
      boolean owned = p.getMetadata().getOwnerReferences() != null && p.getMetadata().getOwnerReferences().stream()
          .anyMatch(o -> "StatefulSet".equals(o.getKind()) && sts.equals(o.getName()));
      if (owned && n.matches(java.util.regex.Pattern.quote(sts) + "-[0-9]+")) {
        out.add(p);
      }
    }
    out.sort(Comparator.comparing(p -> p.getMetadata().getName()));
    return out;
  }

  /** Waits until the pod exists (the StatefulSet controller creates it) and returns it. */
  public Pod await(String pod) {
    return eventually("pod " + pod + " exists", () -> k.pods().inNamespace(ns).withName(pod).get(),
        p -> p != null && p.getMetadata().getDeletionTimestamp() == null, Duration.ofSeconds(60));
  }

  /** The pod Running with every container ready, as a kubelet would report it. */
  public void ready(String pod) {
    edit(pod, "Running", true, c -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
        .withImageID("").withReady(true).withStarted(true).withRestartCount(0)
        .withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState().build(),
        List.of(cond("PodScheduled", "True", null, null)));
  }

  /** Every container of the pod waiting with {@code reason} (e.g. CrashLoopBackOff). */
  public void waiting(String pod, String reason, String message) {
    edit(pod, "Pending", false, c -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
        .withImageID("").withReady(false).withStarted(false).withRestartCount(3)
        .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState().build(),
        List.of(cond("PodScheduled", "True", null, null)));
  }

  /** The scheduler's verdict: PodScheduled=False, Unschedulable, {@code message}. */
  public void unschedulable(String pod, String message) {
    k.pods().inNamespace(ns).withName(pod).editStatus(p -> new PodBuilder(p).editOrNewStatus().withPhase("Pending")
        .withConditions(cond("PodScheduled", "False", "Unschedulable", message)).withContainerStatuses()
        .endStatus().build());
  }

  /** Phase Unknown, as the node controller marks pods of a lost node. */
  public void unknown(String pod) {
    k.pods().inNamespace(ns).withName(pod).editStatus(p -> new PodBuilder(p).editOrNewStatus().withPhase("Unknown")
        .withReason("NodeLost").endStatus().build());
  }

  private void edit(String pod, String phase, boolean ready,
      java.util.function.Function<Container, ContainerStatus> status, List<PodCondition> extra) {
    k.pods().inNamespace(ns).withName(pod).editStatus(p -> {
      List<ContainerStatus> statuses = p.getSpec().getContainers().stream().map(status).toList();
      List<PodCondition> conditions = new ArrayList<>(extra);
      String s = ready ? "True" : "False";
      conditions.add(cond("Initialized", "True", null, null));
      conditions.add(cond("ContainersReady", s, null, null));
      conditions.add(cond("Ready", s, null, null));
      List<ContainerStatus> init = p.getSpec().getInitContainers() == null ? List.of() : p.getSpec().getInitContainers()
          .stream().map(c -> new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage()).withImageID("")
              .withReady(true).withRestartCount(0).withNewState().withNewTerminated().withExitCode(0)
              .withReason("Completed").endTerminated().endState().build()).toList();
      return new PodBuilder(p).editOrNewStatus().withPhase(phase).withConditions(conditions)
          .withContainerStatuses(statuses).withInitContainerStatuses(init).withStartTime(Instant.now().toString())
          .endStatus().build();
    });
  }

  private static PodCondition cond(String type, String status, String reason, String message) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(Instant.now().toString()).build();
  }

  /** Makes every pod of {@code sts} Ready as soon as it appears, until {@link #close()}. */
  public PodDriver keepReady(String sts) {
    Thread t = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          for (Pod p : pods(sts)) {
            boolean isReady = p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus()
                .getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
            if (!isReady && p.getMetadata().getDeletionTimestamp() == null) {
              ready(p.getMetadata().getName());
            }
          }
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          // a pod deleted meanwhile, the API server restarting: try again
          try {
            Thread.sleep(200);
          } catch (InterruptedException ie) {
            return;
          }
        }
      }
    }, "pod-driver-" + sts);
    t.setDaemon(true);
    t.start();
    keeper = t;
    return this;
  }

  @Override
  public void close() {
    Thread t = keeper;
    if (t != null) {
      t.interrupt();
      try {
        t.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    k.close();
  }

  /** Polls {@code read} until {@code done} holds, failing after {@code timeout} with the last value. */
  public static <T> T eventually(String what, Supplier<T> read, Predicate<T> done, Duration timeout) {
    Instant end = Instant.now().plus(timeout);
    T last = null;
    RuntimeException lastError = null;
    while (Instant.now().isBefore(end)) {
      try {
        last = read.get();
        lastError = null;
        if (done.test(last)) {
          return last;
        }
      } catch (RuntimeException e) {
        lastError = e;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("timed out after " + timeout.toSeconds() + "s waiting until " + what + "; last: "
        + Optional.ofNullable((Object) last).orElse(lastError), lastError);
  }
}
