package dev.stskit.core.units;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.stskit.core.internal.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;

/**
 * What {@link Cpu}, {@link Memory} and {@link Storage} share: a non-negative quantity kept as
 * written, so the compiled YAML is a function of the spec. Values are equal when they are of the
 * same kind and written the same.
 */
abstract class QuantityText {
  final String text;

  QuantityText(String text, String what) {
    this.text = Quantities.checkNonNegative(text, what);
  }

  /** A plain decimal number ({@code 1.5}) as Kubernetes writes it. */
  static String plain(double number) {
    return java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
  }

  /** {@return the fabric8 quantity} */
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
    return o != null && o.getClass() == getClass() && ((QuantityText) o).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
