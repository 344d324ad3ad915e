package dev.stskit.cluster.status;

import java.util.List;
import java.util.Objects;

/**
 * A workload's status as the platform's list shows it.
 *
 * @param name the StatefulSet's name
 * @param status one of the five statuses
 * @param reason the text the page shows when hovering the status: for Not Ready and Exception the
 *     detailed error (the stuck pod's condition, container state or event message), for the others a
 *     short account ({@code 2 of 3 pods ready})
 * @param pods the pods, in ordinal order
 */
public record StatusReport(String name, WorkloadStatus status, String reason, List<PodState> pods) {
  /**
   * Checks the fields and copies the pods.
   *
   * @param name the StatefulSet's name
   * @param status one of the five statuses
   * @param reason the text the page shows when hovering the status: for Not Ready and Exception
   *     the detailed error (the stuck pod's condition, container state or event message), for the
   *     others a short account ({@code 2 of 3 pods ready})
   * @param pods the pods, in ordinal order
   * @throws NullPointerException when the name, status or reason is null
   */
  public StatusReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    pods = List.copyOf(pods);
  }

  /**
   * {@code web: Running (3 of 3 pods ready)}.
   *
   * @return one line, e.g. {@code web: Running (3 of 3 pods ready)}
   */
  public String line() {
    return name + ": " + status.label() + (reason.isEmpty() ? "" : " (" + reason + ")");
  }
}
