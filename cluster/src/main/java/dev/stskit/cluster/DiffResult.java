package dev.stskit.cluster;

import java.util.List;

/**
 * The result of {@link ClusterClient#diff}: per object, the unified diff from the live object to
 * what applying would make of it, both as apply-ready YAML.
 *
 * @param objects one entry per object, in the order given
 */
public record DiffResult(List<ObjectDiff> objects) {
  /**
   * Copies the list.
   *
   * @param objects one entry per object, in the order given
   */
  public DiffResult {
    objects = List.copyOf(objects);
  }

  /**
   * Whether applying would change anything.
   *
   * @return whether any object's diff is not empty
   */
  public boolean hasChanges() {
    return objects.stream().anyMatch(o -> !o.diff().isEmpty());
  }

  /**
   * All diffs, concatenated (empty when nothing would change).
   *
   * @return the diffs in object order
   */
  public String text() {
    StringBuilder b = new StringBuilder();
    objects.forEach(o -> b.append(o.diff()));
    return b.toString();
  }

  /**
   * One object's diff.
   *
   * @param kind e.g. {@code StatefulSet}
   * @param namespace its namespace
   * @param name its name
   * @param exists whether the object exists now (otherwise the diff adds it whole)
   * @param diff unified diff with headers {@code --- live/…} and {@code +++ merged/…}; empty when
   *     nothing would change
   */
  public record ObjectDiff(String kind, String namespace, String name, boolean exists, String diff) {}
}
