package dev.stskit.core.internal;

import dev.stskit.core.SpecException;

/**
 * The checks core puts on quantities, on the grammar every module shares
 * ({@link dev.stskit.apimachinery.Quantities}, apimachinery's {@code resource.ParseQuantity}).
 */
public final class Quantities {
  private Quantities() {}

  /**
   * Whether {@code text} is a quantity Kubernetes can parse and fabric8 can compare ({@code 250u},
   * {@code 100n}, {@code 1E} are; {@code 1.2.3} and the digit-less {@code m} are not).
   */
  public static boolean isQuantity(String text) {
    return dev.stskit.apimachinery.Quantities.toFabric8(text).isPresent();
  }

  /**
   * Checks that {@code text} is a non-negative quantity.
   *
   * @param what what the quantity is, for the message (e.g. {@code cpu})
   * @return {@code text}
   */
  public static String checkNonNegative(String text, String what) {
    if (!isQuantity(text)) {
      throw new SpecException(what, "not a Kubernetes quantity: \"" + text + "\"");
    }
    if (text.startsWith("-")) {
      throw new SpecException(what, "must not be negative: " + text);
    }
    return text;
  }
}
