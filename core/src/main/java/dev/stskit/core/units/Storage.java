package dev.stskit.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/**
 * A storage size for claims and {@code emptyDir} limits, written as Kubernetes writes it ({@code 1Gi}, {@code 500Mi}). Two values are equal when they are written the same, so the compiled YAML is a function of
 * the spec; compare amounts with {@link #bytes()}.
 */
public final class Storage extends QuantityText {
  private Storage(String text) {
    super(text, "storage");
  }

  /**
   * A plain YAML/JSON number, as Kubernetes accepts one for a quantity ({@code cpu: 2},
   * {@code memory: 1024}): the same as its decimal text.
   *
   * @param number the amount, a whole number
   * @return the quantity
   */
  @JsonCreator
  public static Storage of(long number) {
    return of(Long.toString(number));
  }

  /**
   * A plain decimal number ({@code cpu: 1.5}): the same as its decimal text.
   *
   * @param number the amount, a decimal number
   * @return the quantity
   */
  @JsonCreator
  public static Storage of(double number) {
    return of(plain(number));
  }

  /**
   * Parses a quantity such as {@code 512Mi}, {@code 1Gi} or {@code 1G}.
   *
   * @param text a Kubernetes quantity, e.g. {@code 10Gi}
   * @return the quantity
   */
  @JsonCreator
  public static Storage of(String text) {
    return new Storage(text);
  }

  /**
   * {@code n} mebibytes, written {@code <n>Mi}.
   *
   * @param n mebibytes
   * @return the quantity
   */
  public static Storage mebibytes(long n) {
    return new Storage(n + "Mi");
  }

  /**
   * {@code n} gibibytes, written {@code <n>Gi}.
   *
   * @param n gibibytes
   * @return the quantity
   */
  public static Storage gibibytes(long n) {
    return new Storage(n + "Gi");
  }

  /** {@return the amount in bytes} */
  public BigDecimal bytes() {
    return Quantity.getAmountInBytes(new Quantity(text));
  }
}
