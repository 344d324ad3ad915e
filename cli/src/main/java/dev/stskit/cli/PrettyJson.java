package dev.stskit.cli;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Indented JSON text of plain values, so that a report written whole ({@code validate --format
 * sarif}) needs no Jackson class: a cold {@code validate} loads none (issue 12).
 *
 * <p>The layout and escaping are those of Jackson 3's default pretty printer, which wrote the SARIF
 * output before, so the bytes did not change ({@code PrettyJsonTest} compares the two): an object's
 * entries one a line, indented two spaces a level, as {@code "key" : value}; an array on the line
 * it starts, {@code [ a, b ]}, its objects' entries indented one level below the enclosing object's;
 * empty ones as {@code { }} and {@code [ ]}; lines end with the platform's line separator (Jackson
 * takes {@code line.separator} too). Strings escape {@code "}, {@code \} and the control
 * characters below U+0020 ({@code \b \t \n \f \r}, the others as {@code \}{@code u00XX} with
 * upper-case hex digits); everything else (U+007F, U+2028, non-ASCII, surrogates) is written as is.
 */
final class PrettyJson {
  private static final String HEX = "0123456789ABCDEF";
  private static final String EOL = System.lineSeparator();

  private PrettyJson() {}

  /**
   * The JSON text of {@code value}, without a line end after it.
   *
   * @param value a {@link Map} with {@link String} keys (written in its iteration order), a
   *     {@link List}, a {@link String}, an {@link Integer}, {@link Long} or {@link BigInteger},
   *     a {@link Boolean} or {@code null}, nested in any way
   * @throws IllegalArgumentException for a value of another type, or a map key that is not a string
   */
  static String write(Object value) {
    StringBuilder b = new StringBuilder(4096);
    write(b, value, 0);
    return b.toString();
  }

  private static void write(StringBuilder b, Object value, int depth) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof String s) {
      string(b, s);
    } else if (value instanceof Map<?, ?> map) {
      object(b, map, depth);
    } else if (value instanceof List<?> list) {
      array(b, list, depth);
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
        || value instanceof Boolean) {
      b.append(value);
    } else {
      throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName());
    }
  }

  private static void object(StringBuilder b, Map<?, ?> map, int depth) {
    if (map.isEmpty()) {
      b.append("{ }");
      return;
    }
    b.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException("a JSON object's key is a string, not " + e.getKey());
      }
      if (!first) {
        b.append(',');
      }
      first = false;
      newLine(b, depth + 1);
      string(b, key);
      b.append(" : ");
      write(b, e.getValue(), depth + 1);
    }
    newLine(b, depth);
    b.append('}');
  }

  /** Arrays stay on their line, so their elements keep the enclosing object's depth. */
  private static void array(StringBuilder b, List<?> list, int depth) {
    if (list.isEmpty()) {
      b.append("[ ]");
      return;
    }
    b.append("[ ");
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        b.append(", ");
      }
      write(b, list.get(i), depth);
    }
    b.append(" ]");
  }

  private static void newLine(StringBuilder b, int depth) {
    b.append(EOL);
    for (int i = 0; i < depth; i++) {
      b.append("  ");
    }
  }

  /** A JSON string literal escaped as Jackson escapes it. */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\t' -> b.append("\\t");
        case '\n' -> b.append("\\n");
        case '\f' -> b.append("\\f");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
