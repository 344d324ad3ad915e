package dev.stskit.cluster;

import java.util.List;
import java.util.Optional;

/**
 * The result of {@link ClusterClient#apply}: one entry per object, in the order sent.
 *
 * @param objects per object what applying did
 * @param dryRun whether nothing was stored
 */
public record ApplyResult(List<Applied> objects, boolean dryRun) {
  /**
   * Copies the list.
   *
   * @param objects per object what applying did
   * @param dryRun whether nothing was stored
   */
  public ApplyResult {
    objects = List.copyOf(objects);
  }

  /**
   * The entry of the object of that kind and name.
   *
   * @param kind the object's kind, e.g. {@code Service}
   * @param name the object's name
   * @return its entry, or empty when no such object was applied
   */
  public Optional<Applied> find(String kind, String name) {
    return objects.stream().filter(a -> a.kind().equals(kind) && a.name().equals(name)).findFirst();
  }

  /**
   * The outcome of the object of that kind and name.
   *
   * @param kind the object's kind, e.g. {@code StatefulSet}
   * @param name the object's name
   * @return created, configured or unchanged
   * @throws IllegalArgumentException when no such object was applied
   */
  public Outcome outcome(String kind, String name) {
    return find(kind, name).map(Applied::outcome)
        .orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name + " was applied"));
  }
}
