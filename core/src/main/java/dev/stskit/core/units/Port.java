package dev.stskit.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stskit.core.SpecException;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.Optional;

/**
 * A port as probes, hooks and Services refer to it: a number or the name of a container port
 * (Kubernetes' {@code IntOrString}). In the spec file a number or a string.
 */
public final class Port {
  private final Integer number;
  private final String name;

  private Port(Integer number, String name) {
    this.number = number;
    this.name = name;
  }

  /**
   * Port {@code n}.
   *
   * @param n the port number
   * @return the port
   */
  public static Port number(int n) {
    return new Port(n, null);
  }

  /**
   * The container port named {@code name} (e.g. {@code http}).
   *
   * @param name the container port's name
   * @return the port
   */
  public static Port named(String name) {
    if (name.isEmpty()) {
      throw new SpecException("port", "must not be empty");
    }
    return new Port(null, name);
  }

  /**
   * From a fabric8 {@code IntOrString}.
   *
   * @param value a number or a name
   * @return the port
   */
  public static Port of(IntOrString value) {
    if (value.getIntVal() != null) {
      return number(value.getIntVal());
    }
    return named(value.getStrVal());
  }

  /** {@return the number, when this is a numeric port} */
  public Optional<Integer> asNumber() {
    return Optional.ofNullable(number);
  }

  /** {@return the name, when this is a named port} */
  public Optional<String> asName() {
    return Optional.ofNullable(name);
  }

  /** {@return the fabric8 {@code IntOrString}} */
  public IntOrString toIntOrString() {
    return number != null ? new IntOrString(number) : new IntOrString(name);
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static Port fromJson(Object value) {
    if (value instanceof Integer n) {
      return number(n);
    }
    if (value instanceof String s) {
      return named(s);
    }
    throw new SpecException("port", "must be a number or a port name, got " + value);
  }

  @JsonValue
  Object json() {
    return number != null ? number : name;
  }

  @Override
  public String toString() {
    return number != null ? number.toString() : name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Port p && java.util.Objects.equals(p.number, number)
        && java.util.Objects.equals(p.name, name);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(number, name);
  }
}
