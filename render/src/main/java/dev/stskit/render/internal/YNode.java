package dev.stskit.render.internal;

/**
 * One node of a parsed YAML document: a scalar, a mapping (keys and values alternating in
 * {@link #items}) or a sequence, with the 1-based line and column where it starts. Aliases are
 * the anchored node itself (shared), and {@link #weight} counts the nodes a full expansion visits,
 * so an alias bomb is caught before anything walks it.
 */
public final class YNode {
  public static final byte SCALAR = 0;
  public static final byte MAP = 1;
  public static final byte SEQ = 2;

  final byte type;
  int line;
  final int column;
  /** Scalar text. */
  final String value;
  /** Plain (unquoted, not a block scalar), so YAML 1.1 type resolution applies. */
  final boolean plain;
  /** Explicit standard tag suffix ("str", "int", …) or null. */
  final String tag;
  YNode[] items;
  int size;
  long weight = 1;
  /**
   * Only kept by the full parser, for documents with aliases: the characters this node's subtree
   * takes when written out (each scalar's text plus a few characters of punctuation per node),
   * and the sum of its nodes' depths below it, which with two spaces a level gives the
   * indentation it adds when written at some depth.
   */
  long chars;
  long depths;

  YNode(byte type, int line, int column, String value, boolean plain, String tag) {
    this.type = type;
    this.line = line;
    this.column = column;
    this.value = value;
    this.plain = plain;
    this.tag = tag;
    if (type != SCALAR) {
      items = new YNode[type == MAP ? 8 : 4];
    }
  }

  void add(YNode child) {
    if (size == items.length) {
      items = java.util.Arrays.copyOf(items, size * 2);
    }
    items[size++] = child;
  }

  /**
   * Moves every node of this tree {@code lines} lines down: a document parsed on its own from a
   * stream then has the lines it has in the stream. A node shared through an alias moves once.
   */
  public void shiftLines(int lines) {
    if (lines != 0) {
      shift(this, lines, new java.util.IdentityHashMap<>());
    }
  }

  private static void shift(YNode n, int lines, java.util.IdentityHashMap<YNode, Boolean> seen) {
    if (seen.put(n, Boolean.TRUE) != null) {
      return;
    }
    n.line += lines;
    for (int i = 0; i < n.size; i++) {
      shift(n.items[i], lines, seen);
    }
  }

  public byte type() {
    return type;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String value() {
    return value;
  }

  /** Whether this is a scalar that reads as null (an empty plain scalar, ~, null, or !!null). */
  boolean isNull() {
    if (type != SCALAR) {
      return false;
    }
    if (tag != null) {
      return tag.equals("null");
    }
    return plain && Scalars.resolvePlain(value) == null;
  }

  /** For a mapping: the value node of the last entry whose key is the scalar {@code key}, or null. */
  YNode get(String key) {
    YNode found = null;
    for (int i = 0; i < size; i += 2) {
      YNode k = items[i];
      if (k.type == SCALAR && key.equals(k.value)) {
        found = items[i + 1];
      }
    }
    return found;
  }

  /** For a mapping: the key node of the last entry named {@code key}, or null. */
  YNode keyNode(String key) {
    YNode found = null;
    for (int i = 0; i < size; i += 2) {
      YNode k = items[i];
      if (k.type == SCALAR && key.equals(k.value)) {
        found = k;
      }
    }
    return found;
  }
}
