package dev.stskit.bench;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.internal.SpecMapper;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The form's side: building a spec, compiling it to fabric8 objects, lifting a StatefulSet back
 * into a spec, and the spec file read and written. The spec of each input is the lift of its
 * StatefulSet ({@link Inputs#object}); fabric8's own builder copying the StatefulSet is the
 * baseline of {@code build}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SpecBenchmark {

  @Param({"mysql", "small", "large"})
  public String input;

  private StatefulSet object;
  private StatefulSetSpec spec;
  private String specFile;

  @Setup
  public void setUp() {
    object = Inputs.object(input);
    spec = StatefulSetSpec.lift(object).spec();
    specFile = SpecFiles.writeYaml(spec);
  }

  /** The immutable builder over every field of the spec (its checks included). */
  @Benchmark
  public StatefulSetSpec build() {
    return StatefulSetSpec.builder().from(spec).build();
  }

  /** Baseline of build: fabric8's builder copying the StatefulSet. */
  @Benchmark
  public StatefulSet fabric8Builder() {
    return new StatefulSetBuilder(object).build();
  }

  /** The spec to the StatefulSet, its governing Service and its access Services. */
  @Benchmark
  public Manifests compile() {
    return spec.compile();
  }

  /** A StatefulSet back into the form (what the form has no field for kept verbatim). */
  @Benchmark
  public Object lift() {
    return StatefulSetSpec.lift(object);
  }

  /** The spec file read (strict, with line numbers on errors): the fast reader, as for a clean file. */
  @Benchmark
  public StatefulSetSpec readSpecFile() {
    return SpecFiles.read(specFile);
  }

  /** Baseline of readSpecFile: the full reader, Jackson databind, which a file with errors takes. */
  @Benchmark
  public StatefulSetSpec readSpecFileJackson() {
    return SpecMapper.read(specFile, "<bench>");
  }

  /** The spec file written: the fast writer. */
  @Benchmark
  public String writeSpecFile() {
    return SpecFiles.writeYaml(spec);
  }

  /** Baseline of writeSpecFile: the full writer, Jackson databind (the same bytes). */
  @Benchmark
  public String writeSpecFileJackson() {
    return SpecMapper.writeYaml(spec);
  }
}
