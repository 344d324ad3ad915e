package dev.stskit.cluster;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * The result of {@link ClusterClient#restart} and {@link ClusterClient#rollback}.
 *
 * @param statefulSet the StatefulSet as the API server returned it
 * @param podsToDelete under {@code OnDelete} (the form's "recreate"), the pods that must be deleted
 *     to come back on the new template, in ordinal order; empty under {@code RollingUpdate}
 * @param deletedPods the pods deleted because recreate was asked, in the order deleted (reverse
 *     ordinal); pods that did not exist are left out
 */
public record PodOperation(StatefulSet statefulSet, List<String> podsToDelete, List<String> deletedPods) {
  /**
   * Copies the lists.
   *
   * @param statefulSet the StatefulSet as the API server returned it
   * @param podsToDelete under {@code OnDelete} (the form's "recreate"), the pods that must be
   *     deleted to come back on the new template, in ordinal order; empty under {@code RollingUpdate}
   * @param deletedPods the pods deleted because recreate was asked, in the order deleted (reverse
   *     ordinal); pods that did not exist are left out
   */
  public PodOperation {
    podsToDelete = List.copyOf(podsToDelete);
    deletedPods = List.copyOf(deletedPods);
  }
}
