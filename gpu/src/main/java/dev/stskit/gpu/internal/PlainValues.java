package dev.stskit.gpu.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Plain Java values as a spec file holds them — {@code Map} (key order as in the file),
 * {@code List}, {@code String}, {@code Integer}/{@code Long}/{@code BigInteger}, {@code Double},
 * {@code Boolean}, {@code null} — as Jackson's untyped reading ({@code readValue(text,
 * Object.class)}) gives them: the conversion from a Jackson tree, the tests a reader needs, and
 * the JSON text of a value for error messages, written exactly as Jackson's
 * {@code JsonNode.toString()} writes the same value.
 */
public final class PlainValues {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PlainValues() {}

  /**
   * The plain value of a Jackson tree, as Jackson's untyped reading of the same text gives it.
   *
   * @param node a tree; {@code null}, a JSON null and a missing node give {@code null}
   * @return a {@code LinkedHashMap}, {@code ArrayList}, {@code String}, {@code Number} of the
   *     node's own type, {@code Boolean}, {@code byte[]} (a YAML {@code !!binary}) or {@code null}
   */
  public static Object fromTree(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        out.put(e.getKey(), fromTree(e.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      List<Object> out = new ArrayList<>(node.size());
      for (JsonNode e : node.values()) {
        out.add(fromTree(e));
      }
      return out;
    }
    if (node.isString()) {
      return node.stringValue();
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isBinary()) {
      return node.binaryValue();
    }
    if (node.isPojo()) {
      return ((tools.jackson.databind.node.POJONode) node).getPojo();
    }
    throw new IllegalArgumentException("unexpected JSON node type " + node.getNodeType());
  }

  /**
   * Whether a value is an integer (Jackson's {@code isIntegralNumber()}): an {@code Integer},
   * {@code Long}, {@code BigInteger}, {@code Short} or {@code Byte}; a {@code Double} never is,
   * even {@code 1.0}.
   *
   * @param value any plain value
   * @return true for an integer of any size
   */
  public static boolean isIntegral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Short || value instanceof Byte;
  }

  /**
   * Whether a value is an integer that fits an {@code int} (Jackson's
   * {@code isIntegralNumber() && canConvertToInt()}).
   *
   * @param value any plain value
   * @return true for an integer between {@code Integer.MIN_VALUE} and {@code Integer.MAX_VALUE}
   */
  public static boolean isInt(Object value) {
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return true;
    }
    if (value instanceof Long l) {
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
    }
    return value instanceof BigInteger b && b.bitLength() < 32;
  }

  /**
   * The name of a value's JSON type as Jackson's {@code JsonNode.getNodeType()} spells it.
   *
   * @param value any plain value
   * @return {@code OBJECT}, {@code ARRAY}, {@code STRING}, {@code NUMBER}, {@code BOOLEAN},
   *     {@code BINARY}, {@code NULL}, or {@code POJO} for any other Java object
   */
  public static String typeName(Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof Map) {
      return "OBJECT";
    } else if (value instanceof Collection) {
      return "ARRAY";
    } else if (value instanceof String) {
      return "STRING";
    } else if (value instanceof Number) {
      return "NUMBER";
    } else if (value instanceof Boolean) {
      return "BOOLEAN";
    } else if (value instanceof byte[]) {
      return "BINARY";
    }
    return "POJO";
  }

  /**
   * A value as compact JSON text, the way Jackson's {@code JsonNode.toString()} writes it: strings
   * quoted with {@code "} and {@code \} escaped and control characters as {@code \n}, {@code \t},
   * {@code \b}, {@code \f}, {@code \r} or <code>&#92;u00XX</code>; numbers as Java prints them, a
   * non-finite double quoted ({@code "NaN"}); binary as quoted base64; no spaces. Any other Java
   * object is written as the quoted text of its {@code toString()}.
   *
   * @param value any plain value
   * @return its JSON text, e.g. {@code "x"}, {@code 1.5}, {@code [1,"a",null]}
   */
  public static String toJson(Object value) {
    StringBuilder sb = new StringBuilder();
    write(sb, value);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      quote(sb, s);
    } else if (value instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        write(sb, e.getValue());
      }
      sb.append('}');
    } else if (value instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object e : c) {
        sb.append(first ? "" : ",");
        first = false;
        write(sb, e);
      }
      sb.append(']');
    } else if (value instanceof Double d && !Double.isFinite(d)) {
      quote(sb, d.toString());
    } else if (value instanceof Float f && !Float.isFinite(f)) {
      quote(sb, f.toString());
    } else if (value instanceof Number || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof byte[] b) {
      quote(sb, Base64.getEncoder().encodeToString(b));
    } else {
      quote(sb, value.toString());
    }
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
