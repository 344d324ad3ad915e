package dev.stskit.gpu;

import java.util.Locale;

/**
 * HAMi's Binpack/Spread choice, at node level ({@code hami.io/node-scheduler-policy}) or card
 * level ({@code hami.io/gpu-scheduler-policy}); HAMi {@code pkg/util/types.go}. Leaving it unset
 * inherits the cluster default (node binpack, card spread: {@code charts/hami/values.yaml}
 * {@code scheduler.defaultSchedulerPolicy}).
 */
public enum SchedulingPolicy {
  /** Fill a node (card) before using the next: {@code binpack}. */
  BINPACK,
  /** Prefer the emptiest node (card): {@code spread}. */
  SPREAD;

  /** {@return the annotation value, {@code binpack} or {@code spread}} */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The policy for an annotation value, exactly {@code binpack} or {@code spread}.
   *
   * @param value {@code binpack} or {@code spread}
   * @return the policy
   */
  public static SchedulingPolicy fromValue(String value) {
    for (SchedulingPolicy p : values()) {
      if (p.value().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "scheduling policy must be binpack or spread, got '" + value + "'");
  }
}
