package dev.stskit.render.internal;

import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * YAML 1.1 scalar rules, both ways.
 *
 * <p>Writing: {@link #style} decides, in one pass over the characters, whether a string can be
 * written plain or must be quoted so that a YAML 1.1 reader (kubectl, kube-apiserver via
 * sigs.k8s.io/yaml and go-yaml v2) reads it back as the same string. It quotes every form of the
 * YAML 1.1 type repository (bool {@code y|yes|on|off|...}, null {@code ~|null}, int in base 2, 8, 10,
 * 16 and sexagesimal with {@code _} separators, float incl. {@code .inf} and {@code .nan},
 * timestamps, merge {@code <<} and value {@code =}), YAML 1.2 forms ({@code 0o17}, {@code 1e3}),
 * strings with indicators at the start, {@code ": "} or {@code " #"} inside, and leading or
 * trailing blanks.
 *
 * <p>Reading: {@link #resolvePlain} gives a plain scalar the value go-yaml v2 gives it when
 * sigs.k8s.io/yaml converts YAML to JSON (see {@code resolve()} in gopkg.in/yaml.v2 resolve.go,
 * as vendored in sigs.k8s.io/yaml/goyaml.v2): YAML 1.1 booleans and nulls, integers through
 * {@code strconv.ParseInt(s, 0, 64)} after removing {@code _}, floats matching
 * {@code ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$}, {@code .inf}/{@code .nan};
 * timestamps stay strings (go-yaml v2 keeps them as strings when decoding into interface{}).
 */
public final class Scalars {

  /** Write the string as-is. */
  public static final int PLAIN = 0;
  /** Write in single quotes ({@code '} doubled). */
  public static final int SINGLE = 1;
  /** Write in double quotes with escapes. */
  public static final int DOUBLE = 2;
  /** Write as a literal block scalar ({@code |}). */
  public static final int LITERAL = 3;

  private static final Pattern GO_YAML_FLOAT =
      Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");

  private Scalars() {}

  /** How to write {@code s} as a value. */
  public static int style(String s) {
    return style(s, true);
  }

  /** How to write {@code s} as a mapping key (never a block scalar). */
  public static int keyStyle(String s) {
    return style(s, false);
  }

  /** ASCII characters that need a closer look: blanks, ':', controls, DEL. */
  private static final boolean[] SPECIAL = new boolean[128];

  static {
    for (int c = 0; c < 0x20; c++) {
      SPECIAL[c] = true;
    }
    SPECIAL[' '] = true;
    SPECIAL[':'] = true;
    SPECIAL[0x7F] = true;
  }

  private static int style(String s, boolean allowBlock) {
    char[] a = s.toCharArray();
    return style(a, 0, a.length, s, allowBlock);
  }

  /**
   * The style of {@code s}, whose characters are also at {@code a[off..off+n)} (the renderer
   * copies a value into its output buffer first and decides on the copy, so a plain value is
   * copied once and scanned without String bounds checks).
   */
  static int style(char[] a, int off, int n, String s, boolean allowBlock) {
    if (n == 0) {
      return SINGLE;
    }
    boolean needsQuote = false;
    boolean hasNewline = false;
    boolean needsEscape = false;
    char first = a[off];
    if (first < 128 && isIndicator(first) || first == ' ') {
      needsQuote = true;
    }
    int end = off + n;
    for (int i = off; i < end; i++) {
      char c = a[i];
      if (c < 128) {
        if (!SPECIAL[c]) {
          continue;
        }
        if (c == ' ') {
          if (i + 1 == end || a[i + 1] == '#') {
            needsQuote = true;
          }
        } else if (c == ':') {
          if (i + 1 == end || a[i + 1] == ' ') {
            needsQuote = true;
          }
        } else if (c == '\n') {
          hasNewline = true;
        } else if (c == '\t') {
          needsQuote = true;
        } else {
          needsEscape = true;
        }
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < end && Character.isLowSurrogate(a[i + 1])) {
          i++;
        } else {
          needsEscape = true;
        }
      } else if (!isPrintableNonAscii(c)) {
        needsEscape = true;
      }
    }
    if (needsEscape) {
      return DOUBLE;
    }
    if (hasNewline) {
      return allowBlock && literalOk(s) ? LITERAL : DOUBLE;
    }
    if (needsQuote || ((first <= '9' || n <= 5) && looksLikeNonString(s))) {
      return SINGLE;
    }
    return PLAIN;
  }

  private static boolean isPrintableNonAscii(char c) {
    return c == 0x85 ? false
        : (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
            || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  /** A literal block reads back exactly unless a line is blank-only or the text has no content. */
  private static boolean literalOk(String s) {
    int n = s.length();
    int lineStart = 0;
    boolean content = false;
    for (int i = 0; i <= n; i++) {
      if (i == n || s.charAt(i) == '\n') {
        boolean blank = true;
        for (int j = lineStart; j < i; j++) {
          char c = s.charAt(j);
          if (c != ' ' && c != '\t') {
            blank = false;
            break;
          }
        }
        if (blank && i > lineStart) {
          return false; // a line of only blanks: its spaces could be taken as indentation
        }
        if (!blank) {
          content = true;
        }
        lineStart = i + 1;
      }
    }
    if (s.charAt(0) == '\t') {
      return false;
    }
    return content;
  }

  private static boolean isIndicator(char c) {
    switch (c) {
      case '-': case '?': case ':': case ',': case '[': case ']': case '{': case '}':
      case '#': case '&': case '*': case '!': case '|': case '>': case '\'': case '"':
      case '%': case '@': case '`': case '.': case '~': case '=': case '<': case '+':
        return true;
      default:
        return false;
    }
  }

  /**
   * Whether a plain scalar with these characters could be read by some YAML 1.1 or 1.2 reader as
   * something other than a string. Deliberately broad: a string that starts like a number or a
   * date and contains only characters numbers, dates and times are made of is quoted.
   */
  static boolean looksLikeNonString(String s) {
    int n = s.length();
    char c0 = s.charAt(0);
    if (c0 >= '0' && c0 <= '9') {
      for (int i = 1; i < n; i++) {
        char c = s.charAt(i);
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
            || c == 'x' || c == 'X' || c == 'o' || c == 'O' || c == '_' || c == '.' || c == ':'
            || c == '+' || c == '-' || c == 't' || c == 'T' || c == 'z' || c == 'Z' || c == ' ')) {
          return false;
        }
      }
      return true;
    }
    if (n > 5) {
      return false;
    }
    // YAML 1.1 booleans and nulls, and (for any reader that is laxer about case) every casing
    switch (n) {
      case 1:
        return c0 == 'y' || c0 == 'Y' || c0 == 'n' || c0 == 'N';
      case 2:
        return s.equalsIgnoreCase("no") || s.equalsIgnoreCase("on");
      case 3:
        return s.equalsIgnoreCase("yes") || s.equalsIgnoreCase("off") || s.equalsIgnoreCase("nan")
            || s.equalsIgnoreCase("inf");
      case 4:
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("null");
      case 5:
        return s.equalsIgnoreCase("false");
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------- reading

  /** The JSON value a plain (unquoted, untagged) scalar becomes in kube-apiserver's YAML to JSON. */
  public static Object resolvePlain(String s) {
    int n = s.length();
    if (n == 0) {
      return null;
    }
    char c = s.charAt(0);
    switch (c) {
      case '~':
        return n == 1 ? null : s;
      case 'n': case 'N':
        if (s.equals("null") || s.equals("Null") || s.equals("NULL")) {
          return null;
        }
        if (s.equals("n") || s.equals("N") || s.equals("no") || s.equals("No") || s.equals("NO")) {
          return Boolean.FALSE;
        }
        return s;
      case 'y': case 'Y':
        if (s.equals("y") || s.equals("Y") || s.equals("yes") || s.equals("Yes") || s.equals("YES")) {
          return Boolean.TRUE;
        }
        return s;
      case 't': case 'T':
        if (s.equals("true") || s.equals("True") || s.equals("TRUE")) {
          return Boolean.TRUE;
        }
        return s;
      case 'f': case 'F':
        if (s.equals("false") || s.equals("False") || s.equals("FALSE")) {
          return Boolean.FALSE;
        }
        return s;
      case 'o': case 'O':
        if (s.equals("on") || s.equals("On") || s.equals("ON")) {
          return Boolean.TRUE;
        }
        if (s.equals("off") || s.equals("Off") || s.equals("OFF")) {
          return Boolean.FALSE;
        }
        return s;
      case '.':
        switch (s) {
          case ".inf": case ".Inf": case ".INF":
            return Double.POSITIVE_INFINITY;
          case ".nan": case ".NaN": case ".NAN":
            return Double.NaN;
          default:
            return number(s);
        }
      case '+':
        if (s.equals("+.inf") || s.equals("+.Inf") || s.equals("+.INF")) {
          return Double.POSITIVE_INFINITY;
        }
        return number(s);
      case '-':
        if (s.equals("-.inf") || s.equals("-.Inf") || s.equals("-.INF")) {
          return Double.NEGATIVE_INFINITY;
        }
        return number(s);
      case '<':
        return s; // "<<" is handled by the tree builder
      default:
        if (c >= '0' && c <= '9') {
          return number(s);
        }
        return s;
    }
  }

  private static Object number(String s) {
    String plain = s.indexOf('_') >= 0 ? s.replace("_", "") : s;
    Object i = parseGoInt(plain);
    if (i != null) {
      return i;
    }
    if (GO_YAML_FLOAT.matcher(plain).matches()) {
      try {
        return Double.parseDouble(plain);
      } catch (NumberFormatException e) {
        return s;
      }
    }
    // go-yaml v2: "-0b..." is tried as a negative binary number
    if (plain.startsWith("0b") || plain.startsWith("-0b")) {
      try {
        boolean neg = plain.charAt(0) == '-';
        long v = Long.parseLong(plain.substring(neg ? 3 : 2), 2);
        return narrow(neg ? -v : v);
      } catch (NumberFormatException e) {
        return s;
      }
    }
    return s;
  }

  /** strconv.ParseInt(s, 0, 64) then ParseUint: sign, then 0x/0X hex, 0b binary, 0o or 0 octal, else decimal. */
  private static Object parseGoInt(String s) {
    int n = s.length();
    int i = 0;
    boolean neg = false;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      neg = s.charAt(i) == '-';
      i++;
    }
    if (i >= n) {
      return null;
    }
    int radix = 10;
    if (s.charAt(i) == '0' && i + 1 < n) {
      char p = s.charAt(i + 1);
      if (p == 'x' || p == 'X') {
        radix = 16;
        i += 2;
      } else if (p == 'b' || p == 'B') {
        radix = 2;
        i += 2;
      } else if (p == 'o' || p == 'O') {
        radix = 8;
        i += 2;
      } else {
        radix = 8;
        i += 1;
      }
    }
    if (i >= n) {
      return null;
    }
    for (int j = i; j < n; j++) {
      if (Character.digit(s.charAt(j), radix) < 0 || s.charAt(j) > 0x7F) {
        return null;
      }
    }
    BigInteger v = new BigInteger(s.substring(i), radix);
    if (neg) {
      v = v.negate();
    }
    if (v.bitLength() < 64) {
      return narrow(v.longValue());
    }
    if (!neg && v.bitLength() == 64) {
      return v; // fits uint64, as ParseUint accepts
    }
    return null;
  }

  private static Object narrow(long v) {
    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      return (int) v;
    }
    return v;
  }
}
