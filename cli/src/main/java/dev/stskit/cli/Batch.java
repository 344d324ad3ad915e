package dev.stskit.cli;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Units of batch work (a document, a file) done on {@code jobs} threads, their results handed on
 * in the order the units were given, on the calling thread — so the output is the same bytes for
 * any number of jobs. At most {@code 4 × jobs} units are in flight: memory stays bounded whatever
 * the length of the input. With one job every unit runs on the calling thread.
 *
 * <p>A unit that throws stops the batch: the exception is rethrown (unwrapped) when that unit's
 * turn comes, after the results of the units before it were handed on; the others are cancelled.
 */
final class Batch implements AutoCloseable {
  private final int jobs;
  private final ExecutorService pool;
  private final ArrayDeque<Pending<?>> inFlight = new ArrayDeque<>();

  private record Pending<T>(Future<T> future, Consumer<T> then) {
    void handOn() {
      T value;
      try {
        value = future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UsageException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
          throw r;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
      then.accept(value);
    }
  }

  Batch(int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    this.jobs = jobs;
    if (jobs == 1) {
      this.pool = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.pool = new ThreadPoolExecutor(jobs, jobs, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "sts-kit-job-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
    }
  }

  /** Does {@code work} (perhaps on another thread) and later hands its result to {@code then}, in order. */
  <T> void submit(Callable<T> work, Consumer<T> then) {
    if (pool == null) {
      T value;
      try {
        value = work.call();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      then.accept(value);
      return;
    }
    inFlight.add(new Pending<>(pool.submit(work), then));
    while (inFlight.size() > 4 * jobs) {
      inFlight.poll().handOn();
    }
  }

  /** Hands {@code step} its turn after every unit given before it (a file's header, say). */
  void then(Runnable step) {
    submit(() -> Boolean.TRUE, x -> step.run());
  }

  /** Waits for every unit and hands on the results. */
  void finish() {
    while (!inFlight.isEmpty()) {
      inFlight.poll().handOn();
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** The number of jobs {@code --jobs} asks for: a positive integer, by default the processors. */
  static int jobs(String command, Args a) {
    if (!a.has("jobs")) {
      return Runtime.getRuntime().availableProcessors();
    }
    String v = a.option("jobs", "");
    try {
      int n = Integer.parseInt(v);
      if (n >= 1 && n <= 1024) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(command + ": --jobs must be a whole number from 1 to 1024, got '" + v + "'");
  }
}
