package dev.stskit.bench;

import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reading YAML into a fabric8 StatefulSet: sts-kit's strict reader (positions, unknown-field,
 * duplicate-key and type checks) against fabric8's {@code Serialization.unmarshal} and a plain
 * Jackson 3 {@code YAMLMapper}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadBenchmark {

  @Param({"mysql", "small", "large"})
  public String input;

  private String text;
  private final ManifestReader strict = ManifestReader.strict();
  private final YAMLMapper yamlMapper = YAMLMapper.builder().build();

  @Setup
  public void setUp() {
    text = Inputs.text(input);
  }

  @Benchmark
  public ReadResult stsKitStrictRead() {
    return strict.read(text);
  }

  @Benchmark
  public StatefulSet fabric8Unmarshal() {
    return Serialization.unmarshal(text, StatefulSet.class);
  }

  @Benchmark
  public StatefulSet jacksonYamlRead() {
    return yamlMapper.readValue(text, StatefulSet.class);
  }
}
