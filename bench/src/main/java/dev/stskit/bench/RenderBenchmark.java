package dev.stskit.bench;

import dev.stskit.render.YamlRenderer;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Rendering a StatefulSet to YAML: sts-kit against fabric8's {@code Serialization.asYaml}, a plain
 * Jackson 3 {@code YAMLMapper} and snakeyaml-engine's {@code Dump} (of the same object already
 * turned into maps and lists, so only the YAML emitter is measured).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {

  @Param({"mysql", "small", "large"})
  public String input;

  private StatefulSet object;
  private Map<?, ?> tree;
  private final YamlRenderer applyReady = YamlRenderer.applyReady();
  private final YamlRenderer verbatim = YamlRenderer.verbatim();
  private final YAMLMapper yamlMapper = YAMLMapper.builder().build();
  private final Dump dump = new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build());

  @Setup
  public void setUp() {
    object = Inputs.object(input);
    tree = yamlMapper.convertValue(object, Map.class);
  }

  /** sts-kit, apply-ready (server fields stripped while walking). */
  @Benchmark
  public String stsKitApplyReady() {
    return applyReady.render(object);
  }

  /** sts-kit writing every field, the same content fabric8 writes. */
  @Benchmark
  public String stsKitVerbatim() {
    return verbatim.render(object);
  }

  @Benchmark
  public String fabric8AsYaml() {
    return Serialization.asYaml(object);
  }

  @Benchmark
  public String jacksonYamlMapper() {
    return yamlMapper.writeValueAsString(object);
  }

  @Benchmark
  public String snakeYamlDump() {
    return dump.dumpToString(tree);
  }
}
