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

  public static boolean isNull(YNode n) {
    return n.isNull();
  }
}
