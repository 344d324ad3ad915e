package dev.stskit.core.internal;

import dev.stskit.core.SpecException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * JSON values as plain Java values: maps with string keys, lists, strings, booleans, numbers and
 * {@code null}. In normal form integral numbers are the first of {@link Integer}, {@link Long},
 * {@link BigInteger} that holds them and other numbers are {@link Double}, so that equal JSON is
 * equal Java. Jackson nodes are accepted too (converted without loading Jackson otherwise).
 */
public final class PlainValues {
  private PlainValues() {}

  /** A number in normal form. */
  public static Number number(Number n) {
    if (n instanceof Integer) {
      return n;
    }
    if (n instanceof Short || n instanceof Byte) {
      return n.intValue();
    }
    if (n instanceof Long l) {
      return l == l.intValue() ? (Number) l.intValue() : l;
    }
    BigInteger b = null;
    if (n instanceof BigInteger bi) {
      b = bi;
    } else if (n instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
      return n.doubleValue();
    }
    if (b != null) {
      if (b.bitLength() < 32) {
        return b.intValue();
      }
      if (b.bitLength() < 64) {
        return b.longValue();
      }
      return b;
    }
    return n.doubleValue();
  }

  /**
   * The value in normal form, immutable: unmodifiable maps (in their order) and lists.
   *
   * @param at where the value is, for the message when it is not a JSON value
   * @throws SpecException when the value is not a JSON value (e.g. a {@code java.time.Instant})
   */
  public static Object of(Object v, String at) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return number(n);
    }
    if (v instanceof Character || v instanceof Enum<?>) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new SpecException(at, "a map key must be a string, not " + e.getKey());
        }
        out.put(k, of(e.getValue(), at + "[" + k + "]"));
      }
      return Collections.unmodifiableMap(out);
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      int i = 0;
      for (Object x : c) {
        out.add(of(x, at + "[" + i++ + "]"));
      }
      return Collections.unmodifiableList(out);
    }
    if (v.getClass().getName().startsWith("tools.jackson.databind.")) {
      return of(JsonNodes.toJava(v), at);
    }
    throw new SpecException(at, "not a JSON value: " + v.getClass().getName()
        + " (use maps, lists, strings, numbers, booleans or null)");
  }

  /** Whether the value is already what {@link #of} returns. */
  public static boolean isNormal(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double
        || v instanceof Integer || v instanceof BigInteger) {
      return true;
    }
    if (v instanceof Long l) {
      return l != l.intValue();
    }
    if (v instanceof Map<?, ?> m) {
      if (!m.getClass().getName().equals("java.util.Collections$UnmodifiableMap")) {
        return false;
      }
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String) || !isNormal(e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (v instanceof List<?> l) {
      if (!l.getClass().getName().startsWith("java.util.Collections$Unmodifiable")) {
        return false;
      }
      for (Object x : l) {
        if (!isNormal(x)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A mutable deep copy of a plain value. */
  public static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), copy(x)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(x -> out.add(copy(x)));
      return out;
    }
    if (v instanceof Number n) {
      return number(n);
    }
    return v;
  }

  /** Equality of two plain values (numbers in normal form compare by value). */
  public static boolean same(Object a, Object b) {
    return Objects.equals(a, b);
  }
}
