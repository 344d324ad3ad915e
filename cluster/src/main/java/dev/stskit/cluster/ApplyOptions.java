package dev.stskit.cluster;

/**
 * How {@link ClusterClient#apply} sends objects.
 *
 * @param force take over fields another field manager owns instead of failing with {@link
 *     ApplyConflictException} ({@code kubectl apply --server-side --force-conflicts})
 * @param dryRun let the API server run every stage (admission, validation, defaulting) but store
 *     nothing ({@code dryRun=All})
 */
public record ApplyOptions(boolean force, boolean dryRun) {
  /**
   * No force, no dry-run.
   *
   * @return options without force and without dry-run
   */
  public static ApplyOptions defaults() {
    return new ApplyOptions(false, false);
  }

  /**
   * These options with force on.
   *
   * @return a copy that takes over fields other managers own
   */
  public ApplyOptions withForce() {
    return new ApplyOptions(true, dryRun);
  }

  /**
   * These options with dry-run on.
   *
   * @return a copy that lets the API server check the apply but store nothing
   */
  public ApplyOptions withDryRun() {
    return new ApplyOptions(force, true);
  }
}
