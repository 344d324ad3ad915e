package dev.stskit.render.internal;

/** Read access to {@link YNode} internals for the public reader classes. */
public final class DocumentAccess {
  private DocumentAccess() {}

  public static YNode get(YNode map, String key) {
    return map.type == YNode.MAP ? map.get(key) : null;
  }

  public static int size(YNode seq) {
    return seq.size;
  }

  public static YNode item(YNode seq, int i) {
    return seq.items[i];
  }

  /** The JSON value of a scalar node as the reader resolves it (String, Boolean, a Number or null). */
  public static Object scalar(YNode n) {
    return Binder.scalar(n);
  }

  public static boolean isNull(YNode n) {
    return n.isNull();
  }
}
