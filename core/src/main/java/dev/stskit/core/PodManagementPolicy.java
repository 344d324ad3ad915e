package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Pod management policy (the form's "container management policy" tab). */
public enum PodManagementPolicy {
  /** {@code OrderedReady} */
  @JsonProperty("OrderedReady")
  ORDERED_READY("OrderedReady"),
  /** {@code Parallel} */
  @JsonProperty("Parallel")
  PARALLEL("Parallel");

  private final String value;

  PodManagementPolicy(String value) {
    this.value = value;
  }

  /** {@return the value as Kubernetes spells it} */
  public String value() {
    return value;
  }

    /**
   * The constant Kubernetes spells {@code value}, if any.
   *
   * @param value the value as Kubernetes spells it
   * @return the constant, or empty for a value Kubernetes does not define
   */
  public static java.util.Optional<PodManagementPolicy> fromValue(String value) {
    for (PodManagementPolicy c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
