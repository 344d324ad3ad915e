package dev.stskit.core.units;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stskit.core.internal.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;

/**
 * A memory amount, written as Kubernetes writes it ({@code 512Mi}, {@code 1Gi}, {@code 128974848}). Two values are equal when they are written the same, so the compiled YAML is a function of
 * the spec; compare amounts with {@link #bytes()}.
 */
public final class Memory {
  private final String text;

  private Memory(String text) {
    this.text = Quantities.checkNonNegative(text, "memory");
  }

  /** Parses a quantity such as {@code 512Mi}, {@code 1Gi} or {@code 1G}. */
  /**
   * A plain YAML/JSON number, as Kubernetes accepts one for a quantity ({@code cpu: 2},
   * {@code memory: 1024}): the same as its decimal text.
   */
  @JsonCreator
  public static Memory of(long number) {
    return of(Long.toString(number));
  }

  /** A plain decimal number ({@code cpu: 1.5}): the same as its decimal text. */
  @JsonCreator
  public static Memory of(double number) {
    return of(java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
  }

  @JsonCreator
  public static Memory of(String text) {
    return new Memory(text);
  }

  /** {@code n} mebibytes, written {@code <n>Mi}. */
  public static Memory mebibytes(long n) {
    return new Memory(n + "Mi");
  }

  /** {@code n} gibibytes, written {@code <n>Gi}. */
  public static Memory gibibytes(long n) {
    return new Memory(n + "Gi");
  }

  /** The amount in bytes. */
  public BigDecimal bytes() {
    return Quantity.getAmountInBytes(new Quantity(text));
  }

  /** The fabric8 quantity. */
  public Quantity toQuantity() {
    return new Quantity(text);
  }

  @JsonValue
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Memory m && m.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
