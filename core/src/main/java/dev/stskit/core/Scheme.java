package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Scheme of an HTTP probe or hook. */
public enum Scheme {
  /** {@code HTTP} */
  @JsonProperty("HTTP")
  HTTP("HTTP"),
  /** {@code HTTPS} */
  @JsonProperty("HTTPS")
  HTTPS("HTTPS");

  private final String value;

  Scheme(String value) {
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
  public static java.util.Optional<Scheme> fromValue(String value) {
    for (Scheme c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
