package dev.stskit.core.internal;

import dev.stskit.core.SpecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Field paths in Kubernetes form ({@code spec.template.spec.containers[0].env[1].value},
 * {@code metadata.annotations[example.com/key]}): parsing, formatting and ordering. No Jackson.
 */
public final class Paths {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private Paths() {}

  /** One step of a path: an object key or an array index. */
  public sealed interface Segment permits Key, Index {}

  /** An object key. */
  public record Key(String name) implements Segment {}

  /** An array index, or an all-digit key of an object. */
  public record Index(int index) implements Segment {}

  /** Orders paths segment by segment, indexes numerically ({@code [2]} before {@code [10]}). */
  public static final Comparator<List<Segment>> ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Segment x = a.get(i);
      Segment y = b.get(i);
      int c;
      if (x instanceof Index xi && y instanceof Index yi) {
        c = Integer.compare(xi.index(), yi.index());
      } else {
        c = keyOf(x).compareTo(keyOf(y));
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  /** The key a segment stands for in an object. */
  public static String keyOf(Segment s) {
    return s instanceof Key k ? k.name() : Integer.toString(((Index) s).index());
  }


  /** Formats segments as {@code a.b[0][c.d/e]}. */
  public static String format(List<Segment> path) {
    StringBuilder out = new StringBuilder();
    for (Segment s : path) {
      if (s instanceof Index i) {
        out.append('[').append(i.index()).append(']');
      } else {
        String name = ((Key) s).name();
        if (PLAIN_KEY.matcher(name).matches()) {
          if (out.length() > 0) {
            out.append('.');
          }
          out.append(name);
        } else {
          out.append('[').append(name.replace("\\", "\\\\").replace("]", "\\]")).append(']');
        }
      }
    }
    return out.toString();
  }

  /**
   * Parses a path such as {@code spec.template.spec.containers[0].env[1].value} or {@code
   * metadata.annotations[example.com/key]}. Inside brackets, {@code \]} and {@code \\} stand for
   * {@code ]} and {@code \}.
   *
   * @throws SpecException naming the path when it is malformed
   */
  public static List<Segment> parsePath(String path) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      throw new SpecException("extras", "empty field path");
    }
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        StringBuilder key = new StringBuilder();
        int close = i + 1;
        while (close < n && path.charAt(close) != ']') {
          if (path.charAt(close) == '\\' && close + 1 < n) {
            close++;
          }
          key.append(path.charAt(close));
          close++;
        }
        if (close >= n) {
          throw new SpecException("extras", "malformed field path \"" + path + "\"");
        }
        String inside = key.toString();
        boolean escaped = close - i - 1 != inside.length();
        if (!escaped && isIndex(inside)) {
          out.add(new Index(Integer.parseInt(inside)));
        } else {
          out.add(new Key(inside));
        }
        i = close + 1;
        if (i < n && path.charAt(i) == '.') {
          i++;
          if (i == n) {
            throw new SpecException("extras", "malformed field path \"" + path + "\"");
          }
        }
      } else {
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i) {
          throw new SpecException("extras", "malformed field path \"" + path + "\"");
        }
        out.add(new Key(path.substring(i, end)));
        i = end;
        if (i < n && path.charAt(i) == '.') {
          i++;
          if (i == n) {
            throw new SpecException("extras", "malformed field path \"" + path + "\"");
          }
        }
      }
    }
    return out;
  }

  /** A canonical non-negative int in ASCII digits: {@code 0}, {@code 12}, not {@code 012}. */
  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
