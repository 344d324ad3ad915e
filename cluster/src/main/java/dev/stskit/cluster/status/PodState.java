package dev.stskit.cluster.status;

/**
 * One pod as the status line shows it.
 *
 * @param name the pod's name
 * @param phase {@code status.phase} ({@code Pending} when not reported yet); {@code Terminating}
 *     when the pod has a deletion timestamp
 * @param readyContainers containers whose {@code ready} is true
 * @param containers containers of the pod spec
 * @param restarts the sum of the containers' restart counts
 * @param detail why the pod is not ready yet, empty when it is (e.g. {@code CrashLoopBackOff:
 *     back-off 10s restarting failed container})
 */
public record PodState(String name, String phase, int readyContainers, int containers, int restarts, String detail) {
  /**
   * One line: {@code web-0  Running  1/1  restarts 0  detail}.
   *
   * @return the line the status prints for the pod
   */
  public String line() {
    return name + "  " + phase + "  " + readyContainers + "/" + containers + "  restarts " + restarts
        + (detail.isEmpty() ? "" : "  " + detail);
  }
}
