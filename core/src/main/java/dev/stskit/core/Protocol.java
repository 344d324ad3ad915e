package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Transport protocol of a port. */
public enum Protocol {
  /** {@code TCP} */
  @JsonProperty("TCP")
  TCP("TCP"),
  /** {@code UDP} */
  @JsonProperty("UDP")
  UDP("UDP"),
  /** {@code SCTP} */
  @JsonProperty("SCTP")
  SCTP("SCTP");

  private final String value;

  Protocol(String value) {
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
  public static java.util.Optional<Protocol> fromValue(String value) {
    for (Protocol c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
