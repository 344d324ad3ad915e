package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** DNS policy of the pods (docs/form.md §10). */
public enum DnsPolicy {
  /** {@code ClusterFirst} */
  @JsonProperty("ClusterFirst")
  CLUSTER_FIRST("ClusterFirst"),
  /** {@code ClusterFirstWithHostNet} */
  @JsonProperty("ClusterFirstWithHostNet")
  CLUSTER_FIRST_WITH_HOST_NET("ClusterFirstWithHostNet"),
  /** {@code Default} */
  @JsonProperty("Default")
  DEFAULT("Default"),
  /** {@code None} */
  @JsonProperty("None")
  NONE("None");

  private final String value;

  DnsPolicy(String value) {
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
  public static java.util.Optional<DnsPolicy> fromValue(String value) {
    for (DnsPolicy c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
