package dev.stskit.bench;

import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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
 * Validating a StatefulSet with one rule set at a time ({@code kubernetes} is kube-apiserver's
 * defaulting and {@code ValidateStatefulSet}); the report is built every time, findings and all.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidateBenchmark {

  @Param({"mysql", "small", "large"})
  public String input;

  @Param({"kubernetes", "platform", "gpu", "pss-baseline", "pss-restricted", "best-practice"})
  public String rules;

  private StatefulSet object;
  private Validator validator;

  @Setup
  public void setUp() {
    object = Inputs.object(input);
    validator = Validator.builder().addRuleSet(rules).build();
  }

  @Benchmark
  public Report validate() {
    return validator.validate(object);
  }
}
