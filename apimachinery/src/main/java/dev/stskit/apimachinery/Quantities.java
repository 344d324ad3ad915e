package dev.stskit.apimachinery;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Kubernetes' one quantity grammar, as {@code resource.ParseQuantity} reads it
 * ({@code k8s.io/apimachinery/pkg/api/resource/quantity.go}, {@code parseQuantityString} and
 * {@code suffix.go}): an optional sign, digits with an optional fraction ({@code 1}, {@code 1.},
 * {@code .5}; even {@code .}, {@code +} and {@code -} alone, which read as 0), then a suffix: binary SI
 * {@code Ki Mi Gi Ti Pi Ei}, decimal SI {@code n u m k M G T P E} or none, or a decimal exponent
 * {@code e}/{@code E} followed by a signed integer ({@code 1e3}, {@code 1E-2}). {@code 1E} is one exa,
 * not an exponent. No spaces. Every module of sts-kit (core units, validation, the strict reader)
 * asks this class, so they agree with each other and with the API server.
 */
public final class Quantities {
  private static final BigDecimal KI = BigDecimal.valueOf(1024);

  private Quantities() {}

  /**
   * The fabric8 {@link io.fabric8.kubernetes.api.model.Quantity} of a valid quantity, or empty when
   * Kubernetes refuses the text or fabric8 cannot compute its amount (a quantity without digits such as
   * {@code m} or {@code -}, which Kubernetes reads as 0, or an exponent beyond {@code int}); a fabric8
   * quantity made of such text throws from {@code equals} and {@code compareTo}.
   *
   * @param text the quantity as written, e.g. {@code 250m}
   * @return the fabric8 quantity, or empty
   */
  public static Optional<io.fabric8.kubernetes.api.model.Quantity> toFabric8(String text) {
    if (!isValid(text)) {
      return Optional.empty();
    }
    try {
      io.fabric8.kubernetes.api.model.Quantity q = new io.fabric8.kubernetes.api.model.Quantity(text);
      io.fabric8.kubernetes.api.model.Quantity.getAmountInBytes(q);
      return Optional.of(q);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether Kubernetes accepts {@code text} as a quantity.
   *
   * @param text the quantity as written, possibly null
   * @return true when {@code resource.ParseQuantity} would accept it
   */
  public static boolean isValid(String text) {
    return parse(text).isPresent();
  }

  /**
   * The exact value of a quantity, or empty when Kubernetes refuses the text. Never throws; the
   * value is exact (no int64 saturation), and its size is bounded by the text's length except for the
   * exponent, which Kubernetes reads as an {@code int32} (wrapping, as Go's conversion does).
   *
   * @param text the quantity as written, possibly null
   * @return its exact value, or empty
   */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int end = text.length();
    int pos = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '-' || first == '+') {
      negative = first == '-';
      pos++;
    }
    int numStart = pos;
    while (pos < end && isDigit(text.charAt(pos))) {
      pos++;
    }
    String num = text.substring(numStart, pos);
    String denom = "";
    if (pos < end && text.charAt(pos) == '.') {
      pos++;
      int denomStart = pos;
      while (pos < end && isDigit(text.charAt(pos))) {
        pos++;
      }
      denom = text.substring(denomStart, pos);
    }
    String suffix = text.substring(pos);
    // parseQuantityString: the suffix is letters from "eEinumkKMGTP", then an optional sign and digits
    int s = 0;
    while (s < suffix.length() && "eEinumkKMGTP".indexOf(suffix.charAt(s)) >= 0) {
      s++;
    }
    if (s < suffix.length() && (suffix.charAt(s) == '-' || suffix.charAt(s) == '+')) {
      s++;
    }
    while (s < suffix.length() && isDigit(suffix.charAt(s))) {
      s++;
    }
    if (s < suffix.length()) {
      return Optional.empty();
    }
    BigDecimal value = new BigDecimal((num.isEmpty() ? "0" : num) + (denom.isEmpty() ? "" : "." + denom));
    if (negative) {
      value = value.negate();
    }
    return scale(value, suffix);
  }

  /** {@code suffixHandler.interpret}: the suffix tables, then an exponent. */
  private static Optional<BigDecimal> scale(BigDecimal value, String suffix) {
    switch (suffix) {
      case "": return Optional.of(value);
      case "n": return Optional.of(value.scaleByPowerOfTen(-9));
      case "u": return Optional.of(value.scaleByPowerOfTen(-6));
      case "m": return Optional.of(value.scaleByPowerOfTen(-3));
      case "k": return Optional.of(value.scaleByPowerOfTen(3));
      case "M": return Optional.of(value.scaleByPowerOfTen(6));
      case "G": return Optional.of(value.scaleByPowerOfTen(9));
      case "T": return Optional.of(value.scaleByPowerOfTen(12));
      case "P": return Optional.of(value.scaleByPowerOfTen(15));
      case "E": return Optional.of(value.scaleByPowerOfTen(18));
      case "Ki": return Optional.of(value.multiply(KI));
      case "Mi": return Optional.of(value.multiply(KI.pow(2)));
      case "Gi": return Optional.of(value.multiply(KI.pow(3)));
      case "Ti": return Optional.of(value.multiply(KI.pow(4)));
      case "Pi": return Optional.of(value.multiply(KI.pow(5)));
      case "Ei": return Optional.of(value.multiply(KI.pow(6)));
      default: break;
    }
    if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
      long exponent;
      try {
        exponent = Long.parseLong(suffix.substring(1));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      try {
        return Optional.of(value.scaleByPowerOfTen((int) exponent));
      } catch (ArithmeticException e) {
        return Optional.empty(); // a scale beyond BigDecimal's int range: 1.5e-2147483648
      }
    }
    return Optional.empty();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
