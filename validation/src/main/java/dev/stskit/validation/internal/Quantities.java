package dev.stskit.validation.internal;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses resource quantities with the grammar of apimachinery's {@code resource.ParseQuantity}
 * ({@code k8s.io/apimachinery/pkg/api/resource/quantity.go}): a signed decimal number followed by a
 * binary-SI suffix ({@code Ki}…{@code Ei}), a decimal-SI suffix ({@code n u m k M G T P E}) or a
 * decimal exponent ({@code e3}, {@code E-2}).
 */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?[0-9]+)?");
  private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
      Map.entry("Ki", BigDecimal.valueOf(1024L)),
      Map.entry("Mi", BigDecimal.valueOf(1024L * 1024)),
      Map.entry("Gi", BigDecimal.valueOf(1024L * 1024 * 1024)),
      Map.entry("Ti", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024)),
      Map.entry("Pi", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024)),
      Map.entry("Ei", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024 * 1024 * 1024)),
      Map.entry("n", new BigDecimal("1e-9")),
      Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")),
      Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")),
      Map.entry("G", new BigDecimal("1e9")),
      Map.entry("T", new BigDecimal("1e12")),
      Map.entry("P", new BigDecimal("1e15")),
      Map.entry("E", new BigDecimal("1e18")));

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

  /** The value of a quantity string, or empty when it is not a quantity. */
  public static Optional<BigDecimal> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = QUANTITY.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    BigDecimal number = new BigDecimal(m.group(1).endsWith(".") ? m.group(1) + "0" : m.group(1));
    String suffix = m.group(2);
    if (suffix == null) {
      return Optional.of(number);
    }
    if (suffix.startsWith("e") || suffix.startsWith("E")) {
      return Optional.of(number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1).replace("+", ""))));
    }
    return Optional.of(number.multiply(SUFFIX.get(suffix)));
  }
}
