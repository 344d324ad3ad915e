package dev.stskit.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * A CPU amount, written as Kubernetes writes it ({@code 250m}, {@code 1}, {@code 0.5}). Two values
 * are equal when they are written the same, so the compiled YAML is a function of the spec; compare
 * amounts with {@link #millicores()}.
 */
public final class Cpu extends QuantityText {
  private Cpu(String text) {
    super(text, "cpu");
  }

  /**
   * A plain YAML/JSON number, as Kubernetes accepts one for a quantity ({@code cpu: 2},
   * {@code memory: 1024}): the same as its decimal text.
   *
   * @param number the amount, a whole number
   * @return the quantity
   */
  @JsonCreator
  public static Cpu of(long number) {
    return of(Long.toString(number));
  }

  /**
   * A plain decimal number ({@code cpu: 1.5}): the same as its decimal text.
   *
   * @param number the amount, a decimal number
   * @return the quantity
   */
  @JsonCreator
  public static Cpu of(double number) {
    return of(plain(number));
  }

  /**
   * Parses a quantity such as {@code 100m}, {@code 1} or {@code 0.5}.
   *
   * @param text a Kubernetes quantity, e.g. {@code 100m}
   * @return the quantity
   */
  @JsonCreator
  public static Cpu of(String text) {
    return new Cpu(text);
  }

  /**
   * {@code n} thousandths of a core, written {@code <n>m}.
   *
   * @param n thousandths of a core
   * @return the quantity
   */
  public static Cpu millis(long n) {
    return new Cpu(n + "m");
  }

  /**
   * {@code n} whole cores, written {@code <n>}.
   *
   * @param n whole cores
   * @return the quantity
   */
  public static Cpu cores(long n) {
    return new Cpu(Long.toString(n));
  }

  /** {@return the amount in millicores, rounded up as the kubelet does} */
  public long millicores() {
    return new Quantity(text).getNumericalAmount().movePointRight(3)
        .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
  }
}
