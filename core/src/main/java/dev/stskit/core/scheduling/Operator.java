package dev.stskit.core.scheduling;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * Operator of a label rule. Node rules take all six; workload (pod) affinity rules take {@code In,
 * NotIn, Exists, DoesNotExist}. {@code Gt} and {@code Lt} compare one integer value.
 */
public enum Operator {
  /** {@code In}. */
  @JsonProperty("In")
  IN("In"),
  /** {@code NotIn}. */
  @JsonProperty("NotIn")
  NOT_IN("NotIn"),
  /** {@code Exists}. */
  @JsonProperty("Exists")
  EXISTS("Exists"),
  /** {@code DoesNotExist}. */
  @JsonProperty("DoesNotExist")
  DOES_NOT_EXIST("DoesNotExist"),
  /** {@code Gt}. */
  @JsonProperty("Gt")
  GT("Gt"),
  /** {@code Lt}. */
  @JsonProperty("Lt")
  LT("Lt");

  private final String value;

  Operator(String value) {
    this.value = value;
  }

  /**
   * As Kubernetes spells it.
   *
   * @return the operator as Kubernetes spells it, e.g. {@code In}
   */
  public String value() {
    return value;
  }

  /**
   * The operator Kubernetes spells {@code value}, if any.
   *
   * @param value the operator as Kubernetes spells it
   * @return the operator, or empty
   */
  public static Optional<Operator> fromValue(String value) {
    for (Operator o : values()) {
      if (o.value.equals(value)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
