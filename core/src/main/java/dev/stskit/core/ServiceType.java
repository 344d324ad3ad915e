package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Access type of a Service (the form offers these three). */
public enum ServiceType {
  /** {@code ClusterIP} */
  @JsonProperty("ClusterIP")
  CLUSTER_IP("ClusterIP"),
  /** {@code NodePort} */
  @JsonProperty("NodePort")
  NODE_PORT("NodePort"),
  /** {@code LoadBalancer} */
  @JsonProperty("LoadBalancer")
  LOAD_BALANCER("LoadBalancer");

  private final String value;

  ServiceType(String value) {
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
  public static java.util.Optional<ServiceType> fromValue(String value) {
    for (ServiceType c : values()) {
      if (c.value.equals(value)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
