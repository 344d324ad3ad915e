package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Volume mode of a claim template. */
public enum VolumeMode {
  /** {@code Filesystem} */
  @JsonProperty("Filesystem")
  FILESYSTEM("Filesystem"),
  /** {@code Block} */
  @JsonProperty("Block")
  BLOCK("Block");

  private final String value;

  VolumeMode(String value) {
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
  public static java.util.Optional<VolumeMode> fromValue(String value) {
    for (VolumeMode c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
