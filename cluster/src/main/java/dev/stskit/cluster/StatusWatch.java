package dev.stskit.cluster;

import dev.stskit.cluster.status.StatusReport;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A running {@link ClusterClient#watch}: re-derives the status on every watch event of the
 * StatefulSet and its pods and every resync period, and tells the listener when it changed. When the
 * API server stops, the watches close and the status becomes Exception; the next resync after it is
 * back opens them again. {@link #close()} stops it.
 */
public final class StatusWatch implements AutoCloseable {
  private final ClusterClient owner;
  private final KubernetesClient client;
  private final String name;
  private final Consumer<StatusReport> listener;
  private final Consumer<ClusterException> onError;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Watch stsWatch;
  private volatile Watch podWatch;
  private volatile boolean watchesOpen;
  private StatusReport last;

  StatusWatch(ClusterClient owner, KubernetesClient client, String name, Duration resync,
      Consumer<StatusReport> listener, Consumer<ClusterException> onError) {
    this.owner = owner;
    this.client = client;
    this.name = Objects.requireNonNull(name, "name");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.onError = Objects.requireNonNull(onError, "onError");
    this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "sts-kit-watch-" + name);
      t.setDaemon(true);
      return t;
    });
    long period = Math.max(50, resync.toMillis());
    executor.scheduleWithFixedDelay(this::refresh, 0, period, TimeUnit.MILLISECONDS);
  }

  /** Schedules a refresh soon, coalescing bursts of watch events into one. */
  private void trigger() {
    if (!closed.get() && pending.compareAndSet(false, true)) {
      try {
        executor.schedule(this::refresh, 50, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closing
      }
    }
  }

  private void refresh() {
    pending.set(false);
    if (closed.get()) {
      return;
    }
    try {
      StatusReport r = owner.status(name);
      if (r.status() == dev.stskit.cluster.status.WorkloadStatus.EXCEPTION && r.pods().isEmpty()) {
        closeWatches();
      } else if (!watchesOpen) {
        openWatches();
      }
      if (!r.equals(last)) {
        last = r;
        listener.accept(r);
      }
    } catch (ClusterException e) {
      onError.accept(e);
    } catch (RuntimeException e) {
      onError.accept(new ClusterException("watch " + name + ": " + e, 0, e));
    }
  }

  private void openWatches() {
    try {
      StatefulSet sts = owner.get(name);
      String ns = sts.getMetadata().getNamespace();
      Watcher<StatefulSet> stsWatcher = new Trigger<>();
      stsWatch = client.apps().statefulSets().inNamespace(ns).withName(name).watch(stsWatcher);
      Map<String, String> match = sts.getSpec().getSelector() == null ? null : sts.getSpec().getSelector().getMatchLabels();
      Watcher<Pod> podWatcher = new Trigger<>();
      podWatch = match == null || match.isEmpty()
          ? client.pods().inNamespace(ns).watch(podWatcher)
          : client.pods().inNamespace(ns).withLabels(match).watch(podWatcher);
      watchesOpen = true;
    } catch (RuntimeException e) {
      // the resync keeps the status current; the watches are opened again on the next one
      closeWatches();
    }
  }

  private void closeWatches() {
    watchesOpen = false;
    Watch s = stsWatch;
    Watch p = podWatch;
    stsWatch = null;
    podWatch = null;
    if (s != null) {
      s.close();
    }
    if (p != null) {
      p.close();
    }
  }

  /** Stops watching; the listener is not called after this returns. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      executor.shutdown();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor.shutdownNow();
      closeWatches();
    }
  }

  private final class Trigger<T> implements Watcher<T> {
    @Override
    public void eventReceived(Action action, T resource) {
      trigger();
    }

    @Override
    public void onClose(WatcherException cause) {
      watchesOpen = false;
      trigger();
    }
  }
}
