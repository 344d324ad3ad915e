package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Access mode of a per-pod claim template. */
public enum AccessMode {
  /** {@code ReadWriteOnce} */
  @JsonProperty("ReadWriteOnce")
  READ_WRITE_ONCE("ReadWriteOnce"),
  /** {@code ReadOnlyMany} */
  @JsonProperty("ReadOnlyMany")
  READ_ONLY_MANY("ReadOnlyMany"),
  /** {@code ReadWriteMany} */
  @JsonProperty("ReadWriteMany")
  READ_WRITE_MANY("ReadWriteMany"),
  /** {@code ReadWriteOncePod} */
  @JsonProperty("ReadWriteOncePod")
  READ_WRITE_ONCE_POD("ReadWriteOncePod");

  private final String value;

  AccessMode(String value) {
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
  public static java.util.Optional<AccessMode> fromValue(String value) {
    for (AccessMode c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
