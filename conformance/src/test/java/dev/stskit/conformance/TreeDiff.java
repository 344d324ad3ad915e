package dev.stskit.conformance;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Compares two JSON trees the way the API server's objects mean them: a missing field, {@code null} and
 * an empty list or map are the same, and so are a missing field and a zero value on the other side (Go's
 * {@code omitempty}); a quantity is its value ({@code 0.5} and
 * {@code 500m}, since the server writes quantities in canonical form); numbers by value.
 */
final class TreeDiff {
  private static final Pattern QUANTITY =
      Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
  private static final Map<String, BigDecimal> SUFFIX = Map.ofEntries(
      Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
      Map.entry("m", new BigDecimal("1e-3")), Map.entry("", BigDecimal.ONE), Map.entry("k", new BigDecimal("1e3")),
      Map.entry("M", new BigDecimal("1e6")), Map.entry("G", new BigDecimal("1e9")), Map.entry("T", new BigDecimal("1e12")),
      Map.entry("P", new BigDecimal("1e15")), Map.entry("E", new BigDecimal("1e18")),
      Map.entry("Ki", BigDecimal.valueOf(1024L)), Map.entry("Mi", BigDecimal.valueOf(1024L * 1024)),
      Map.entry("Gi", BigDecimal.valueOf(1024L * 1024 * 1024)), Map.entry("Ti", BigDecimal.valueOf(1024L).pow(4)),
      Map.entry("Pi", BigDecimal.valueOf(1024L).pow(5)), Map.entry("Ei", BigDecimal.valueOf(1024L).pow(6)));

  private TreeDiff() {}

  /** The first path where {@code actual} differs from {@code expected}, with both values. */
  static Optional<String> firstDifference(JsonNode expected, JsonNode actual, String path) {
    boolean e = isEmpty(expected) || isZero(expected, path) && isEmpty(actual);
    boolean a = isEmpty(actual) || isZero(actual, path) && isEmpty(expected);
    if (e || a) {
      return e == a ? Optional.empty() : Optional.of(path + ": expected " + show(expected) + ", server has " + show(actual));
    }
    if (expected.isObject() && actual.isObject()) {
      TreeSet<String> keys = new TreeSet<>(expected.propertyNames());
      keys.addAll(actual.propertyNames());
      for (String k : keys) {
        Optional<String> d = firstDifference(expected.get(k), actual.get(k), path.isEmpty() ? k : path + "." + k);
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (expected.isArray() && actual.isArray()) {
      if (expected.size() != actual.size()) {
        return Optional.of(path + ": expected " + expected.size() + " elements, server has " + actual.size());
      }
      for (int i = 0; i < expected.size(); i++) {
        Optional<String> d = firstDifference(expected.get(i), actual.get(i), path + "[" + i + "]");
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (expected.isValueNode() && actual.isValueNode() && sameScalar(expected, actual)) {
      return Optional.empty();
    }
    return Optional.of(path + ": expected " + show(expected) + ", server has " + show(actual));
  }

  private static boolean sameScalar(JsonNode x, JsonNode y) {
    if (x.equals(y)) {
      return true;
    }
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue()) == 0;
    }
    if ((x.isString() || x.isNumber()) && (y.isString() || y.isNumber())) {
      BigDecimal qx = quantity(x.asString());
      BigDecimal qy = quantity(y.asString());
      return qx != null && qy != null && qx.compareTo(qy) == 0;
    }
    return false;
  }

  static BigDecimal quantity(String s) {
    Matcher m = QUANTITY.matcher(s);
    if (!m.matches()) {
      return null;
    }
    BigDecimal number = new BigDecimal(m.group(1));
    String suffix = m.group(2) == null ? "" : m.group(2);
    if (suffix.startsWith("e") || suffix.startsWith("E") && suffix.length() > 1) {
      return number.scaleByPowerOfTen(Integer.parseInt(suffix.substring(1)));
    }
    return number.multiply(SUFFIX.get(suffix));
  }

  /** Go's zero values, which {@code omitempty} leaves out of the server's JSON. */
  private static boolean isZero(JsonNode n, String path) {
    return n != null && (n.isBoolean() && !n.booleanValue() || n.isNumber() && n.decimalValue().signum() == 0
        || n.isString() && n.stringValue().isEmpty()
        // resource.Quantity is a struct, not a pointer, in ResourceFieldSelector: Go writes its zero as "0"
        || path.endsWith(".divisor") && n.isString() && "0".equals(n.stringValue()));
  }

  private static boolean isEmpty(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || (n.isContainer() && n.isEmpty());
  }

  private static String show(JsonNode n) {
    String s = n == null ? "(none)" : n.toString();
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }
}
