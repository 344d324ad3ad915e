package dev.stskit.examples.fuzz;

import dev.stskit.examples.fuzz.Pipeline.Failure;
import dev.stskit.examples.fuzz.Pipeline.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The mutation fuzzer: input {@code i} of seed {@code s} is a mutation (by {@link Mutator}) of one
 * of the {@link Seeds}, drawn from a {@link Random} of its own ({@code s} and {@code i}), so any
 * input can be reproduced alone; each goes through the {@link Pipeline} on a worker thread with a
 * time limit (over it: a hang). Failures are grouped by class; the first input of each class is
 * shrunk (lines removed while the class stays the same) and printed with its index and the seed.
 *
 * <p>Settings (system properties): {@code fuzz.seed} (20261203), {@code fuzz.inputs} (how many),
 * {@code fuzz.from} (the first input's index, 0), {@code fuzz.seconds} (a wall-clock cap),
 * {@code fuzz.timeout} (seconds an input may take, 10), {@code fuzz.shrink} (true).
 */
final class MutationFuzzer {

  /** The result of a run. */
  record Result(long seed, int from, int ran, boolean capped, Map<String, Integer> counts,
      Map<String, String> reproductions) {

    int failures() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    String summary() {
      StringBuilder sb = new StringBuilder();
      sb.append(ran).append(" inputs from ").append(from).append(" (seed ").append(seed).append(')')
          .append(capped ? ", stopped by the time cap" : "").append(": ").append(failures())
          .append(" failing, ").append(counts.size()).append(" failure class(es)");
      counts.forEach((k, n) -> sb.append("\n  ").append(n).append(" × ").append(k));
      return sb.toString();
    }

    String report() {
      StringBuilder sb = new StringBuilder(summary());
      reproductions.forEach((k, r) -> sb.append("\n\n=== ").append(k).append('\n').append(r));
      return sb.toString();
    }
  }

  private final long seed;
  private final int timeoutSeconds;
  private final boolean shrink;
  private final Seeds seeds;
  private ExecutorService executor = newExecutor();

  MutationFuzzer(Seeds seeds, long seed, int timeoutSeconds, boolean shrink) {
    this.seeds = seeds;
    this.seed = seed;
    this.timeoutSeconds = timeoutSeconds;
    this.shrink = shrink;
  }

  /** The fuzzer the system properties describe, seeded from the repository at {@code root}. */
  static MutationFuzzer fromProperties(Path root) {
    return new MutationFuzzer(Seeds.load(root), Long.getLong("fuzz.seed", 20261203L),
        Integer.getInteger("fuzz.timeout", 10), Boolean.parseBoolean(System.getProperty("fuzz.shrink", "true")));
  }

  /** An input: which path it takes and its text. */
  record Input(Kind kind, String text) {}

  /** Input {@code index} of this seed: the same text on every machine and run. */
  Input input(int index) {
    Random random = new Random(seed * 1_000_003L + index);
    boolean spec = random.nextInt(3) == 0;
    List<String> from = spec ? seeds.specs() : seeds.manifests();
    String text = Mutator.mutate(from.get(random.nextInt(from.size())), random);
    return new Input(spec ? Kind.SPEC : Kind.MANIFEST, text);
  }

  /** Runs inputs {@code from} to {@code from + count - 1}, stopping early after {@code seconds}. */
  Result run(int from, int count, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    Map<String, Integer> counts = new TreeMap<>();
    Map<String, Integer> firstIndex = new TreeMap<>();
    Map<String, Failure> firstFailure = new TreeMap<>();
    int ran = 0;
    boolean capped = false;
    try {
      for (int i = from; i < from + count; i++) {
        if (System.nanoTime() > deadline) {
          capped = true;
          break;
        }
        Input input = input(i);
        Failure f = runOne(input, new Pipeline(i % 2 == 1));
        ran++;
        if (f != null) {
          counts.merge(f.key(), 1, Integer::sum);
          firstIndex.putIfAbsent(f.key(), i);
          firstFailure.putIfAbsent(f.key(), f);
        }
        if (ran % 1000 == 0) {
          System.err.printf("fuzz: %d inputs, %d failing, %d class(es)%n", ran,
              counts.values().stream().mapToInt(Integer::intValue).sum(), counts.size());
        }
      }
      Map<String, String> reproductions = new TreeMap<>();
      for (Map.Entry<String, Integer> e : firstIndex.entrySet()) {
        int i = e.getValue();
        Input input = input(i);
        Failure f = firstFailure.get(e.getKey());
        String text = shrink && !f.kind().equals("hang") ? shrink(input, f.key(), new Pipeline(i % 2 == 1)) : input.text();
        reproductions.put(e.getKey(), "input " + i + " of seed " + seed + " (" + input.kind()
            + (i % 2 == 1 ? ", findings in Chinese" : "") + "; alone: -Dfuzz.seed=" + seed + " -Dfuzz.from=" + i
            + " -Dfuzz.inputs=1)" + (f.detail().isEmpty() ? "" : "\n" + Pipeline.clip(f.detail(), 600))
            + "\n--- " + (text.equals(input.text()) ? "input" : "shrunk input") + " ---\n"
            + Pipeline.clip(text, 4000));
      }
      return new Result(seed, from, ran, capped, counts, reproductions);
    } finally {
      executor.shutdownNow();
    }
  }

  /** Runs one input on the worker thread; over the time limit it is a hang (and a new worker). */
  private Failure runOne(Input input, Pipeline pipeline) {
    return runOne(input, pipeline, timeoutSeconds);
  }

  private Failure runOne(Input input, Pipeline pipeline, int timeoutSeconds) {
    Future<Failure> future = executor.submit(() -> pipeline.run(input.kind(), input.text()));
    try {
      return future.get(timeoutSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      executor.shutdownNow();
      executor = newExecutor();
      return new Failure("hang", "over " + timeoutSeconds + " s", "");
    } catch (ExecutionException e) {
      return new Failure("unexpected exception", "escaped the pipeline: " + e.getCause(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Removes chunks of lines while the input still fails the same way (at most 300 tries). */
  private String shrink(Input input, String key, Pipeline pipeline) {
    List<String> lines = new ArrayList<>(input.text().lines().toList());
    int tries = 0;
    for (int chunk = Math.max(1, lines.size() / 2); chunk >= 1 && tries < 300; chunk = chunk == 1 ? 0 : chunk / 2) {
      for (int at = 0; at < lines.size() && tries < 300; ) {
        List<String> candidate = new ArrayList<>(lines);
        candidate.subList(at, Math.min(lines.size(), at + chunk)).clear();
        tries++;
        // a candidate slower than 3 s is not kept (it would not be the same failure)
        Failure f = runOne(new Input(input.kind(), String.join("\n", candidate) + "\n"), pipeline,
            Math.min(3, timeoutSeconds));
        if (f != null && f.key().equals(key)) {
          lines = candidate;
        } else {
          at += chunk;
        }
      }
    }
    return String.join("\n", lines) + "\n";
  }

  private static ExecutorService newExecutor() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
  }

  /** Runs the fuzzer from the command line: {@code java -Dfuzz.inputs=20000 ... MutationFuzzer [REPO_ROOT]}. */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : ".");
    MutationFuzzer fuzzer = fromProperties(root);
    Result r = fuzzer.run(Integer.getInteger("fuzz.from", 0), Integer.getInteger("fuzz.inputs", 1000),
        Long.getLong("fuzz.seconds", Long.MAX_VALUE / 4_000_000_000L));
    System.out.println(r.report());
    System.exit(r.failures() == 0 ? 0 : 1);
  }
}
