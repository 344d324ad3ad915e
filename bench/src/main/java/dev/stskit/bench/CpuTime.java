package dev.stskit.bench;

import dev.stskit.render.ManifestReader;
import dev.stskit.render.YamlRenderer;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A companion to the JMH run for shared, loaded machines: the same operations timed in this
 * thread's CPU time ({@link ThreadMXBean#getCurrentThreadCpuTime()}) rather than wall-clock time,
 * so time the thread spends descheduled by other processes does not count. Each operation runs
 * in its own JVM (as JMH forks), is warmed up for 5 s, then measured in rounds of about 0.2 s of
 * CPU; the median round is reported.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.stskit.bench.CpuTime [input] [rounds]</pre>
 */
public final class CpuTime {

  private CpuTime() {}

  private static volatile Object sink;

  public static void main(String[] args) throws Exception {
    String input = args.length > 0 ? args[0] : "mysql";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    if (args.length > 2) {
      measure(input, rounds, args[2]);
      return;
    }
    // like JMH, every operation runs in a fresh JVM so profiles and caches are its own
    System.out.printf("input=%s, %d rounds, median CPU time per operation, one JVM per operation%n", input, rounds);
    String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (String op : operations(input).keySet()) {
      Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
          CpuTime.class.getName(), input, Integer.toString(rounds), op)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      p.waitFor();
      System.out.print(out);
    }
  }

  private static Map<String, Supplier<Object>> operations(String input) {
    StatefulSet object = Inputs.object(input);
    String text = Inputs.text(input);
    YamlRenderer applyReady = YamlRenderer.applyReady();
    YamlRenderer verbatim = YamlRenderer.verbatim();
    ManifestReader reader = ManifestReader.strict();
    YAMLMapper yaml = YAMLMapper.builder().build();
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("render.stsKitApplyReady", () -> applyReady.render(object));
    ops.put("render.stsKitVerbatim", () -> verbatim.render(object));
    ops.put("render.fabric8AsYaml", () -> Serialization.asYaml(object));
    ops.put("render.jacksonYamlMapper", () -> yaml.writeValueAsString(object));
    ops.put("read.stsKitStrictRead", () -> reader.read(text));
    ops.put("read.fabric8Unmarshal", () -> Serialization.unmarshal(text, StatefulSet.class));
    ops.put("read.jacksonYamlRead", () -> yaml.readValue(text, StatefulSet.class));
    return ops;
  }

  private static void measure(String input, int rounds, String name) {
    Supplier<Object> op = operations(input).get(name);
    if (op == null) {
      throw new IllegalArgumentException("unknown operation " + name);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long end = System.nanoTime() + 5_000_000_000L; // warm-up: 5 s wall clock
    while (System.nanoTime() < end) {
      sink = op.get();
    }
    long[] samples = new long[rounds];
    for (int r = 0; r < rounds; r++) {
      int n = 0;
      long cpu0 = mx.getCurrentThreadCpuTime();
      long cpu = 0;
      while (cpu < 200_000_000L) { // about 0.2 s of CPU per round
        sink = op.get();
        n++;
        cpu = mx.getCurrentThreadCpuTime() - cpu0;
      }
      samples[r] = cpu / n;
    }
    java.util.Arrays.sort(samples);
    System.out.printf("%-28s %10.1f us%n", name, samples[rounds / 2] / 1000.0);
  }
}
