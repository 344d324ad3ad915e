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
 * so time the thread spends descheduled by other processes does not count. Each operation is
 * warmed up, then measured in rounds, interleaved, and the median round is reported.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.stskit.bench.CpuTime [input] [rounds]</pre>
 */
public final class CpuTime {

  private CpuTime() {}

  private static volatile Object sink;

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "mysql";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    StatefulSet object = Inputs.object(input);
    String text = Inputs.text(input);
    YamlRenderer renderer = YamlRenderer.applyReady();
    ManifestReader reader = ManifestReader.strict();
    YAMLMapper yaml = YAMLMapper.builder().build();
    Map<String, Supplier<Object>> ops = new LinkedHashMap<>();
    ops.put("render  sts-kit applyReady", () -> renderer.render(object));
    ops.put("render  fabric8 asYaml", () -> Serialization.asYaml(object));
    ops.put("render  Jackson YAMLMapper", () -> yaml.writeValueAsString(object));
    ops.put("read    sts-kit strict", () -> reader.read(text));
    ops.put("read    fabric8 unmarshal", () -> Serialization.unmarshal(text, StatefulSet.class));
    ops.put("read    Jackson YAMLMapper", () -> yaml.readValue(text, StatefulSet.class));

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    Map<String, long[]> samples = new LinkedHashMap<>();
    for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
      long end = System.nanoTime() + 4_000_000_000L; // warm-up: 4 s wall clock each
      while (System.nanoTime() < end) {
        sink = op.getValue().get();
      }
      samples.put(op.getKey(), new long[rounds]);
    }
    for (int r = 0; r < rounds; r++) {
      for (Map.Entry<String, Supplier<Object>> op : ops.entrySet()) {
        int n = 0;
        long cpu0 = mx.getCurrentThreadCpuTime();
        long cpu = 0;
        while (cpu < 200_000_000L) { // about 0.2 s of CPU per round
          sink = op.getValue().get();
          n++;
          cpu = mx.getCurrentThreadCpuTime() - cpu0;
        }
        samples.get(op.getKey())[r] = cpu / n;
      }
    }
    System.out.printf("input=%s, %d rounds, median CPU time per operation%n", input, rounds);
    for (Map.Entry<String, long[]> e : samples.entrySet()) {
      long[] s = e.getValue().clone();
      java.util.Arrays.sort(s);
      System.out.printf("%-30s %10.1f us%n", e.getKey(), s[s.length / 2] / 1000.0);
    }
  }
}
