package dev.stskit.core.internal;

import dev.stskit.core.SpecException;
import java.util.regex.Pattern;

/**
 * The quantity grammar of Kubernetes, from apimachinery {@code pkg/api/resource/quantity.go}
 * ({@code <signedNumber><suffix>}, suffix one of the binary SI {@code Ki..Ei}, the decimal SI
 * {@code m, "", k, M, G, T, P, E} or an exponent {@code e<n>}/{@code E<n>}).
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile(
          "[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)"
              + "(?:Ki|Mi|Gi|Ti|Pi|Ei|[mkMGTPE]|[eE][+-]?[0-9]+)?");

  private Quantities() {}

  /** Whether {@code text} is a quantity Kubernetes can parse. */
  public static boolean isQuantity(String text) {
    return QUANTITY.matcher(text).matches();
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
