package dev.stskit.core;

import dev.stskit.gpu.GpuMappers;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.function.UnaryOperator;
import org.immutables.value.Value;

/**
 * How to compile: the GPU mappers and the customizers, applied last to the StatefulSet for what
 * the form lacks (cdk8s-plus's escape hatch). Customizers get a private copy and return the object
 * to use.
 *
 * <pre>{@code
 * CompileOptions.builder()
 *     .customize(sts -> new StatefulSetBuilder(sts).editSpec().withMinReadySeconds(10).endSpec().build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public interface CompileOptions {
  /** {@return GPU mappers} Default {@link GpuMappers#defaults()}. */
  @Value.Default
  default GpuMappers gpuMappers() {
    return GpuMappers.defaults();
  }

  /**
   * Customizers of the StatefulSet, applied in order after everything else.
   *
   * @return the customizers, in order
   */
  List<UnaryOperator<StatefulSet>> customizers();

  /** {@return default GPU mappers, no customizer} */
  static CompileOptions defaults() {
    return builder().build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link CompileOptions}. */
  final class Builder extends ImmutableCompileOptions.Builder {
    /**
     * Adds a customizer; same as {@code addCustomizer}.
     *
     * @param customizer a function from the compiled StatefulSet to the one to write
     * @return this builder
     */
    public final Builder customize(UnaryOperator<StatefulSet> customizer) {
      return addCustomizer(customizer);
    }
  }
}
