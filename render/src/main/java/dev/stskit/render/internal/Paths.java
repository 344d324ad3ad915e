package dev.stskit.render.internal;

import java.util.Optional;

/** Finds the node a Kubernetes field path names, for positions of findings made after reading. */
public final class Paths {

  private Paths() {}

  /**
   * The line and column of the field at {@code path} ({@code spec.template.spec.containers[0].image},
   * {@code metadata.labels[app.kubernetes.io/name]}): the key's position for a field, the item's for
   * a list index. Empty when the path does not exist in the source.
   */
  public static Optional<int[]> positionOf(YNode root, String path) {
    YNode node = root;
    YNode at = root;
    int i = 0;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        i++;
        continue;
      }
      String segment;
      boolean bracket = c == '[';
      if (bracket) {
        int close = path.indexOf(']', i);
        if (close < 0) {
          return Optional.empty();
        }
        segment = path.substring(i + 1, close);
        i = close + 1;
      } else {
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        segment = path.substring(i, end);
        i = end;
      }
      if (node == null) {
        return Optional.empty();
      }
      if (node.type == YNode.SEQ && bracket) {
        int index;
        try {
          index = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (index < 0 || index >= node.size) {
          return Optional.empty();
        }
        node = node.items[index];
        at = node;
      } else if (node.type == YNode.MAP) {
        YNode key = node.keyNode(segment);
        if (key == null) {
          return Optional.empty();
        }
        at = key;
        node = node.get(segment);
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(new int[] {at.line, at.column});
  }
}
