package dev.stskit.core.scheduling;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A custom toleration ({@code spec.template.spec.tolerations[]}), written after the form's two
 * not-ready/unreachable tolerations. Every field is optional, as in Kubernetes.
 *
 * <pre>{@code
 * TolerationRule.builder().key("nvidia.com/gpu").operator("Exists").effect("NoSchedule").build()
 * }</pre>
 */
@JsonPropertyOrder({"key", "operator", "value", "effect", "tolerationSeconds"})
@Value.Immutable
@JsonSerialize(as = ImmutableTolerationRule.class)
@JsonDeserialize(as = ImmutableTolerationRule.class)
public interface TolerationRule {
  /**
   * Taint key (none with {@code Exists}: every taint).
   *
   * @return the taint key, or empty for every taint
   */
  Optional<String> key();

  /**
   * {@code Exists} or {@code Equal} (Kubernetes' default).
   *
   * @return the operator, or empty for {@code Equal}
   */
  Optional<String> operator();

  /**
   * Taint value, with {@code Equal}.
   *
   * @return the taint value, or empty
   */
  Optional<String> value();

  /**
   * {@code NoSchedule}, {@code PreferNoSchedule}, {@code NoExecute}; none: every effect.
   *
   * @return the effect, or empty for every effect
   */
  Optional<String> effect();

  /**
   * With {@code NoExecute}: how long the pod stays bound after the taint appears.
   *
   * @return the seconds, or empty for ever
   */
  Optional<Long> tolerationSeconds();

  /**
   * Tolerates a taint key whatever its value, for one effect.
   *
   * @param key the taint key
   * @param effect the taint effect, e.g. {@code NoSchedule}
   * @return the rule
   */
  static TolerationRule exists(String key, String effect) {
    return builder().key(key).operator("Exists").effect(effect).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TolerationRule}. */
  final class Builder extends ImmutableTolerationRule.Builder {}
}
