package dev.stskit.validation.internal;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Resource quantities as the rules read them: the text of a fabric8 quantity and its value under
 * apimachinery's {@code resource.ParseQuantity} grammar, which lives in the {@code apimachinery} module
 * so that core, validation and the reader agree.
 */
public final class Quantities {
  private Quantities() {}

  /** The text of a fabric8 quantity as written ({@code amount} followed by {@code format}). */
  public static String text(Quantity q) {
    if (q == null) {
      return "";
    }
    String amount = q.getAmount() == null ? "" : q.getAmount();
    String format = q.getFormat() == null ? "" : q.getFormat();
    return amount + format;
  }

  /** The value of a quantity, or empty when the text is not a quantity. */
  public static Optional<BigDecimal> parse(Quantity q) {
    return parse(text(q));
  }

  /**
   * The value of a quantity string, or empty when it is not a quantity: the grammar shared by every
   * module ({@link dev.stskit.apimachinery.Quantities}).
   */
  public static Optional<BigDecimal> parse(String text) {
    return dev.stskit.apimachinery.Quantities.parse(text);
  }

  /**
   * Whether {@code value} is a whole number. Cheap for any value, including {@code 1e2000000000},
   * where arithmetic on the unscaled value would build a number of two billion digits.
   */
  public static boolean isWhole(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
  }

  /** Whether {@code value} is a whole number of thousandths (milli-units). */
  public static boolean isWholeMillis(BigDecimal value) {
    return value.signum() == 0 || value.stripTrailingZeros().scale() <= 3;
  }

  /**
   * {@code value.MilliValue() % 1000 != 0}: the value rounded up to thousandths, as apimachinery's
   * {@code MilliValue} rounds, is not whole. Linear in the text of the value for any exponent.
   */
  public static boolean milliValueNotWhole(BigDecimal value) {
    if (isWhole(value)) {
      return false;
    }
    if (isWholeMillis(value)) {
      return true;
    }
    // finer than thousandths: the scale is positive, so the number is no longer than its text
    return value.movePointRight(3).setScale(0, java.math.RoundingMode.CEILING)
        .remainder(BigDecimal.valueOf(1000)).signum() != 0;
  }

  /** Whether {@code value} fits an int64, as apimachinery's {@code Value()} needs for exact arithmetic. */
  public static boolean fitsInt64(BigDecimal value) {
    return value.signum() == 0 || value.precision() - value.scale() <= 18;
  }
}
