package dev.stskit.render.internal;

import dev.stskit.render.RenderException;

/**
 * What the renderers refuse to write because {@link dev.stskit.render.ManifestReader} with its
 * default limits would refuse to read it back — so every object a renderer accepts reads back as
 * the same object: nesting deeper than the depth limit (also what a map or list that contains
 * itself runs into), a scalar longer than the scalar limit, and in JSON a key longer than the
 * 1,024 characters a YAML reader takes in a flow mapping. The emitters keep the key or index of
 * each open level so the refusal names the field.
 */
final class Readable {

  /** {@code ReaderLimits.maxDepth()}'s default. */
  static final int MAX_DEPTH = 100;
  /** {@code ReaderLimits.maxScalarChars()}'s default. */
  static final int MAX_SCALAR = 1024 * 1024;
  /** The longest implicit key YAML allows (YAML 1.2 §7.4.2); JSON has no explicit keys. */
  static final int MAX_JSON_KEY = 1024;

  private Object[] keys = new Object[32];

  /** Records the key of the entry being written at {@code depth} (a char[] or a String). */
  void key(int depth, Object key) {
    if (depth >= keys.length) {
      keys = java.util.Arrays.copyOf(keys, Math.max(depth + 1, keys.length * 2));
    }
    keys[depth] = key;
  }

  /** Checks the depth a new collection opens at (0 for a document's root). */
  void open(int depth, boolean[] isSeq, int[] counts) {
    if (depth >= MAX_DEPTH) {
      throw new RenderException(path(depth, isSeq, counts) + ": nested deeper than " + MAX_DEPTH
          + " levels (a map or list that contains itself?), which ManifestReader refuses to read");
    }
  }

  void scalar(int depth, boolean[] isSeq, int[] counts, String value) {
    throw new RenderException(path(depth + 1, isSeq, counts) + ": a string of " + value.length()
        + " characters, more than the " + MAX_SCALAR + " ManifestReader reads in one scalar");
  }

  void jsonKey(int depth, boolean[] isSeq, int[] counts, String key) {
    throw new RenderException(path(depth + 1, isSeq, counts) + ": a key of " + key.length()
        + " characters, more than the " + MAX_JSON_KEY + " a JSON key can have to be read back as YAML");
  }

  /** A refusal of the value about to be written at {@code depth}: a map entry's (after its key) or a list's next element. */
  RenderException refusal(int depth, boolean[] isSeq, int[] counts, String problem) {
    String path = depth >= 0 && isSeq[depth]
        ? (depth == 0 ? "" : path(depth, isSeq, counts)) + "[" + counts[depth] + "]"
        : path(depth + 1, isSeq, counts);
    return new RenderException(path + ": " + problem);
  }

  /** The Kubernetes field path of the value being written under the first {@code levels} open levels. */
  String path(int levels, boolean[] isSeq, int[] counts) {
    StringBuilder sb = new StringBuilder();
    for (int d = 0; d < levels && d < isSeq.length; d++) {
      if (isSeq[d]) {
        sb.append('[').append(Math.max(0, counts[d] - 1)).append(']');
      } else {
        Object k = keys[d];
        String name = k instanceof char[] c ? new String(c) : String.valueOf(k);
        if (name.length() > 60) {
          name = name.substring(0, 60) + "…";
        }
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(name);
      }
      if (sb.length() > 300) {
        sb.append("…");
        break;
      }
    }
    return sb.length() == 0 ? "(document)" : sb.toString();
  }
}
