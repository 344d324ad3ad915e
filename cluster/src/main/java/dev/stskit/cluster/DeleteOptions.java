package dev.stskit.cluster;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How {@link ClusterClient#delete} deletes a StatefulSet.
 *
 * @param propagation what happens to the pods: {@code Background} (default: the StatefulSet goes at
 *     once, the garbage collector deletes the pods after), {@code Foreground} (pods first, the
 *     StatefulSet shows Deleting until they are gone) or {@code Orphan} (pods stay)
 * @param gracePeriodSeconds the grace period of the delete request; empty for the object's own
 * @param deleteClaims whether to delete the PersistentVolumeClaims the claim templates made
 *     ({@code <template>-<statefulset>-<ordinal>}); by default they are kept, as Kubernetes does
 * @param deleteServices whether to delete the Services sts-kit applied with the StatefulSet (its
 *     governing Service and the access Services selecting its pods whose fields sts-kit manages)
 * @param dryRun let the API server check the deletes but store nothing
 */
public record DeleteOptions(Propagation propagation, OptionalLong gracePeriodSeconds, boolean deleteClaims,
    boolean deleteServices, boolean dryRun) {
  /**
   * Checks the grace period.
   *
   * @param propagation what happens to the pods: {@code Background} (default: the StatefulSet goes
   *     at once, the garbage collector deletes the pods after), {@code Foreground} (pods first, the
   *     StatefulSet shows Deleting until they are gone) or {@code Orphan} (pods stay)
   * @param gracePeriodSeconds the grace period of the delete request; empty for the object's own
   * @param deleteClaims whether to delete the PersistentVolumeClaims the claim templates made
   *     ({@code <template>-<statefulset>-<ordinal>}); by default they are kept, as Kubernetes does
   * @param deleteServices whether to delete the Services sts-kit applied with the StatefulSet (its
   *     governing Service and the access Services selecting its pods whose fields sts-kit manages)
   * @param dryRun let the API server check the deletes but store nothing
   * @throws IllegalArgumentException when the grace period is negative
   */
  public DeleteOptions {
    Objects.requireNonNull(propagation, "propagation");
    Objects.requireNonNull(gracePeriodSeconds, "gracePeriodSeconds");
    if (gracePeriodSeconds.isPresent() && gracePeriodSeconds.getAsLong() < 0) {
      throw new IllegalArgumentException("gracePeriodSeconds: must be >= 0, got " + gracePeriodSeconds.getAsLong());
    }
  }

  /**
   * Background propagation, the object's grace period, claims kept, Services deleted.
   *
   * @return the options {@code kubectl delete} uses, with the Services sts-kit applied deleted too
   */
  public static DeleteOptions defaults() {
    return new DeleteOptions(Propagation.BACKGROUND, OptionalLong.empty(), false, true, false);
  }

  /**
   * These options with another propagation policy.
   *
   * @param p how the pods are deleted
   * @return a copy with that policy
   */
  public DeleteOptions withPropagation(Propagation p) {
    return new DeleteOptions(p, gracePeriodSeconds, deleteClaims, deleteServices, dryRun);
  }

  /**
   * These options with a grace period.
   *
   * @param seconds the grace period, 0 or more
   * @return a copy with that grace period
   */
  public DeleteOptions withGracePeriodSeconds(long seconds) {
    return new DeleteOptions(propagation, OptionalLong.of(seconds), deleteClaims, deleteServices, dryRun);
  }

  /**
   * These options with the claim choice: {@code true} deletes the claims, {@code false} keeps them.
   *
   * @param delete whether to delete the claims
   * @return a copy with that choice
   */
  public DeleteOptions withDeleteClaims(boolean delete) {
    return new DeleteOptions(propagation, gracePeriodSeconds, delete, deleteServices, dryRun);
  }

  /**
   * These options with the Service choice.
   *
   * @param delete whether to delete the Services sts-kit applied with the StatefulSet
   * @return a copy with that choice
   */
  public DeleteOptions withDeleteServices(boolean delete) {
    return new DeleteOptions(propagation, gracePeriodSeconds, deleteClaims, delete, dryRun);
  }

  /**
   * These options with dry-run on.
   *
   * @return a copy that lets the API server check the deletes but store nothing
   */
  public DeleteOptions withDryRun() {
    return new DeleteOptions(propagation, gracePeriodSeconds, deleteClaims, deleteServices, true);
  }

  /** The delete propagation policies of the API. */
  public enum Propagation {
    /** The StatefulSet goes at once; the garbage collector deletes its pods after. */
    BACKGROUND("Background"),
    /** The pods go first; the StatefulSet shows Deleting until they are gone. */
    FOREGROUND("Foreground"),
    /** The pods stay, without an owner. */
    ORPHAN("Orphan");

    private final String api;

    Propagation(String api) {
      this.api = api;
    }

    /**
     * The API's name, e.g. {@code Background}.
     *
     * @return the name, e.g. {@code Background}
     */
    public String api() {
      return api;
    }

    /**
     * The policy named {@code text} (case ignored).
     *
     * @param text a policy name, e.g. {@code background} or {@code Orphan}
     * @return the policy
     */
    public static Propagation parse(String text) {
      for (Propagation p : values()) {
        if (p.api.equalsIgnoreCase(text)) {
          return p;
        }
      }
      throw new IllegalArgumentException("unknown propagation policy '" + text + "' (background, foreground, orphan)");
    }
  }
}
