package dev.stskit.validation;

import java.util.Objects;

/**
 * A field path in kube-apiserver's form ({@code field.Path} in apimachinery): {@code .child},
 * {@code [index]}, {@code [key]}, e.g. {@code spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]}.
 * Immutable.
 */
public final class FieldPath {
  private static final FieldPath ROOT = new FieldPath(null, "", Kind.ROOT);

  private enum Kind { ROOT, CHILD, INDEX, KEY }

  private final FieldPath parent;
  private final String element;
  private final Kind kind;
  private final int depth;
  /** The printed form, computed once: paths are hashed and compared often. */
  private String text;

  private FieldPath(FieldPath parent, String element, Kind kind) {
    this.parent = parent;
    this.element = element;
    this.kind = kind;
    this.depth = parent == null ? 0 : parent.depth + 1;
  }

  /** {@return the empty path, rooted at the object} */
  public static FieldPath root() {
    return ROOT;
  }

  /**
   * A path made of the given child names, e.g. {@code of("spec", "replicas")}.
   *
   * @param first the first field name
   * @param more the following field names
   * @return the path
   */
  public static FieldPath of(String first, String... more) {
    return ROOT.child(first, more);
  }

  /**
   * Parses the printed form back, e.g. {@code spec.containers[0].env[1].name}. Brackets hold an
   * index when they contain only ASCII digits (at most nine), else a key.
   *
   * @param text a printed path
   * @return the path
   */
  public static FieldPath parse(String text) {
    FieldPath p = ROOT;
    int i = 0;
    StringBuilder name = new StringBuilder();
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '.') {
        if (name.length() > 0) {
          p = p.child(name.toString());
          name.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (name.length() > 0) {
          p = p.child(name.toString());
          name.setLength(0);
        }
        int end = text.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("unclosed '[' in field path '" + text + "'");
        }
        String inner = text.substring(i + 1, end);
        p = isIndex(inner) ? p.index(Integer.parseInt(inner)) : p.key(inner);
        i = end + 1;
      } else {
        name.append(c);
        i++;
      }
    }
    if (name.length() > 0) {
      p = p.child(name.toString());
    }
    return p;
  }

  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * This path extended by one or more child field names.
   *
   * @param name the child field's name
   * @param more further child names, in order
   * @return the longer path
   */
  public FieldPath child(String name, String... more) {
    FieldPath p = new FieldPath(this, Objects.requireNonNull(name, "name"), Kind.CHILD);
    for (String m : more) {
      p = new FieldPath(p, m, Kind.CHILD);
    }
    return p;
  }

  /**
   * This path extended by a list index, printed {@code [i]}.
   *
   * @param index the 0-based list index
   * @return the longer path
   */
  public FieldPath index(int index) {
    return new FieldPath(this, Integer.toString(index), Kind.INDEX);
  }

  /**
   * This path extended by a map key, printed {@code [key]}.
   *
   * @param key the map key
   * @return the longer path
   */
  public FieldPath key(String key) {
    return new FieldPath(this, Objects.requireNonNull(key, "key"), Kind.KEY);
  }

  /**
   * True for the empty root path.
   *
   * @return whether the path has no segment
   */
  public boolean isRoot() {
    return kind == Kind.ROOT;
  }

  /**
   * Whether {@code other} equals this path or lies below it.
   *
   * @param other another path
   * @return whether {@code other} is this path or below it
   */
  public boolean contains(FieldPath other) {
    for (FieldPath p = other; p != null; p = p.parent) {
      if (p.equals(this)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The path as an RFC 6901 JSON Pointer ({@code /spec/template/spec/containers/0/resources/limits/memory}),
   * as a JSON Patch names it; {@code ~} and {@code /} in names and keys are escaped.
   *
   * @return the pointer, {@code /}-separated and escaped
   */
  public String toJsonPointer() {
    java.util.ArrayDeque<FieldPath> chain = new java.util.ArrayDeque<>();
    for (FieldPath p = this; p != null && p.kind != Kind.ROOT; p = p.parent) {
      chain.addFirst(p);
    }
    StringBuilder sb = new StringBuilder();
    for (FieldPath p : chain) {
      sb.append('/').append(p.element.replace("~", "~0").replace("/", "~1"));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    String t = text;
    if (t == null) {
      t = print();
      text = t;
    }
    return t;
  }

  private String print() {
    FieldPath[] chain = new FieldPath[depth];
    int length = 0;
    for (FieldPath p = this; p.kind != Kind.ROOT; p = p.parent) {
      chain[p.depth - 1] = p;
      length += p.element.length() + 2;
    }
    StringBuilder sb = new StringBuilder(length);
    for (FieldPath p : chain) {
      switch (p.kind) {
        case CHILD -> {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(p.element);
        }
        case INDEX, KEY -> sb.append('[').append(p.element).append(']');
        default -> { }
      }
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof FieldPath other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
