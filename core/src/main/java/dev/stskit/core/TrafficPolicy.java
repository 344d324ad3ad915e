package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** External traffic policy of a NodePort or LoadBalancer Service. */
public enum TrafficPolicy {
  /** {@code Cluster} */
  @JsonProperty("Cluster")
  CLUSTER("Cluster"),
  /** {@code Local} */
  @JsonProperty("Local")
  LOCAL("Local");

  private final String value;

  TrafficPolicy(String value) {
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
  public static java.util.Optional<TrafficPolicy> fromValue(String value) {
    for (TrafficPolicy c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
