package dev.stskit.gpu.internal;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** Reading and writing the plain-integer limits HAMi and the device plugins expect. */
public final class Limits {
  private static final Pattern PLAIN = Pattern.compile("0|[1-9][0-9]{0,17}");

  private Limits() {}

  /** A bare integer quantity, e.g. {@code 3000} (never {@code 3000M}, gpu/docs/facts.md §3). */
  public static Quantity integer(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a GPU limit cannot be negative: " + value);
    }
    return new Quantity(Long.toString(value));
  }

  /**
   * The value of a quantity written as a bare integer without suffix or leading zeros; empty for
   * anything else, which the detectors then leave to the caller verbatim.
   */
  public static OptionalLong plainInteger(Quantity q) {
    if (q == null || q.getAmount() == null) {
      return OptionalLong.empty();
    }
    String format = q.getFormat();
    if (format != null && !format.isEmpty()) {
      return OptionalLong.empty();
    }
    String amount = q.getAmount();
    if (!PLAIN.matcher(amount).matches()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(Long.parseLong(amount));
  }

  /** The plain integer under {@code key}, within {@code min..max}, else empty. */
  public static OptionalLong plainInteger(Map<String, Quantity> limits, String key, long min, long max) {
    OptionalLong v = plainInteger(limits.get(key));
    if (v.isPresent() && v.getAsLong() >= min && v.getAsLong() <= max) {
      return v;
    }
    return OptionalLong.empty();
  }
}
