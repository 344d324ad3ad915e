package dev.stskit.gpu;

import java.util.Locale;

/**
 * HAMi's task priority, the limit {@code nvidia.com/priority} (a resource, not an annotation):
 * {@code 0} = high, {@code 1} = normal/low, HAMi-core's default when absent (HAMi
 * {@code examples/nvidia/example.yaml}; the webhook turns it into env {@code CUDA_TASK_PRIORITY},
 * {@code pkg/device/nvidia/device.go MutateAdmission}). It is a runtime mechanism on one card, not
 * a scheduling queue priority.
 */
public enum TaskPriority {
  /** Limit value {@code 0}: gets compute first; normal tasks on the same card are throttled. */
  HIGH(0),
  /** Limit value {@code 1}: HAMi-core's default. */
  NORMAL(1);

  private final int limitValue;

  TaskPriority(int limitValue) {
    this.limitValue = limitValue;
  }

  /** {@return the integer written to {@code nvidia.com/priority}} */
  public int limitValue() {
    return limitValue;
  }

  /** {@return {@code high} or {@code normal}, the spec-file form} */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The priority for a limit value, 0 or 1.
   *
   * @param v the value of {@code nvidia.com/priority}
   * @return the priority
   */
  public static TaskPriority fromLimitValue(long v) {
    for (TaskPriority p : values()) {
      if (p.limitValue == v) {
        return p;
      }
    }
    throw new IllegalArgumentException("nvidia.com/priority must be 0 (high) or 1 (normal), got " + v);
  }

  /**
   * The priority for {@code high} or {@code normal}.
   *
   * @param value {@code high} or {@code normal}
   * @return the priority
   */
  public static TaskPriority fromValue(String value) {
    for (TaskPriority p : values()) {
      if (p.value().equals(value)) {
        return p;
      }
    }
    throw new IllegalArgumentException("priority must be high or normal, got '" + value + "'");
  }
}
