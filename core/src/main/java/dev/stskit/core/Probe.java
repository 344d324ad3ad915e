package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A liveness, readiness or startup probe (docs/form.md §4). Unset timings are left to Kubernetes'
 * defaults (delay 0, timeout 1, period 10, success 1, failure 3) and are not written.
 */
@JsonPropertyOrder({"action", "initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"})
@Value.Immutable
@JsonSerialize(as = ImmutableProbe.class)
@JsonDeserialize(as = ImmutableProbe.class)
public interface Probe {
  /** {@return what the probe checks} */
  Action action();

  /** {@return the probe's {@code initialDelaySeconds}, if set} */
  Optional<Integer> initialDelaySeconds();

  /** {@return the probe's {@code timeoutSeconds}, if set} */
  Optional<Integer> timeoutSeconds();

  /** {@return the probe's {@code periodSeconds}, if set} */
  Optional<Integer> periodSeconds();

  /**
   * {@code successThreshold} (must be 1 for liveness and startup).
   *
   * @return the probe's {@code successThreshold}, if set
   */
  Optional<Integer> successThreshold();

  /** {@return the probe's {@code failureThreshold}, if set} */
  Optional<Integer> failureThreshold();

  /**
   * A probe with Kubernetes' default timings.
   *
   * @param action what the probe checks
   * @return the probe
   */
  static Probe of(Action action) {
    return builder().action(action).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Probe}. */
  final class Builder extends ImmutableProbe.Builder {}
}
