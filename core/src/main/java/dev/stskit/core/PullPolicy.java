package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Image pull policy: the form's "always pull" checkbox gives {@link #ALWAYS}, unchecked {@link #IF_NOT_PRESENT}. */
public enum PullPolicy {
  /** {@code Always} */
  @JsonProperty("Always")
  ALWAYS("Always"),
  /** {@code IfNotPresent} */
  @JsonProperty("IfNotPresent")
  IF_NOT_PRESENT("IfNotPresent"),
  /** {@code Never} */
  @JsonProperty("Never")
  NEVER("Never");

  private final String value;

  PullPolicy(String value) {
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
  public static java.util.Optional<PullPolicy> fromValue(String value) {
    for (PullPolicy c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
