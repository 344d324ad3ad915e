package dev.stskit.examples;

import dev.stskit.cluster.ApplyOptions;
import dev.stskit.cluster.ClusterClient;
import dev.stskit.cluster.Connection;
import dev.stskit.cluster.DeleteOptions;
import dev.stskit.cluster.status.WorkloadStatus;
import dev.stskit.core.StatefulSetSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The platform's row menu on a real cluster, on the page's MySQL StatefulSet (in the connection's
 * namespace): apply, scale,
 * restart, roll back, watch until Running, delete with its claims and Services. Run it with a
 * kubeconfig: {@code java -cp ... dev.stskit.examples.ClusterExample ~/.kube/config [context]}.
 */
public final class ClusterExample {
  private ClusterExample() {}

  /** Runs every step against {@code connection}, telling {@code log} what happened. */
  public static void run(Connection connection, Duration timeout, Consumer<String> log) {
    try (ClusterClient k8s = ClusterClient.connect(connection)) {
      StatefulSetSpec spec = StatefulSetSpec.builder().from(MysqlExample.spec()).namespace(k8s.namespace()).build();
      String name = spec.name();
      k8s.apply(spec.compile(MysqlExample.options()), ApplyOptions.defaults()).objects()
          .forEach(a -> log.accept(a.line()));
      k8s.scale(name, 2, Optional.empty(), false);
      log.accept("scaled to 2");
      k8s.restart(name, false);
      log.accept("restarted");
      // the StatefulSet controller records the restarted template as a ControllerRevision on its
      // own time; roll back once the history shows it, as a user does from the platform's history
      awaitRevisions(k8s, name, 2, timeout);
      k8s.rollback(name, 0, false);
      log.accept("rolled back to the previous revision");
      k8s.waitFor(name, WorkloadStatus.RUNNING, timeout, s -> log.accept(s.line()));
      k8s.delete(name, DeleteOptions.defaults().withDeleteClaims(true)).forEach(d -> log.accept(d + " deleted"));
    }
  }

  private static void awaitRevisions(ClusterClient k8s, String name, int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (k8s.history(name).size() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException("StatefulSet " + name + ": fewer than " + count
            + " revisions after " + timeout.toSeconds() + " s; the StatefulSet controller has not recorded the restart");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the revisions of " + name, e);
      }
    }
  }

  /**
   * Runs the example against a kubeconfig.
   *
   * @param args the kubeconfig file, then optionally the context to use
   */
  public static void main(String[] args) {
    Connection c = Connection.kubeconfig(Path.of(args[0]), Optional.ofNullable(args.length > 1 ? args[1] : null));
    run(c, Duration.ofMinutes(5), System.out::println);
  }
}
