package dev.stskit.cluster.status;

/**
 * The five workload statuses of the platform's StatefulSet list, in the order they are decided
 * (first match wins; see the module README, "Workload status").
 */
public enum WorkloadStatus {
  /** Delete issued, until it completes (删除中). */
  DELETING("Deleting", "删除中"),
  /** The status cannot be obtained: the API server is unreachable or a pod's node stopped reporting (异常). */
  EXCEPTION("Exception", "异常"),
  /** Containers abnormal or stuck: the workload cannot become ready by itself (未就绪). */
  NOT_READY("Not Ready", "未就绪"),
  /** Being created, updated, rolled back or scaled; pods still progressing (等待中). */
  WAITING("Waiting", "等待中"),
  /** Every instance runs and the count equals the desired count (运行中). */
  RUNNING("Running", "运行中");

  private final String label;
  private final String labelZh;

  WorkloadStatus(String label, String labelZh) {
    this.label = label;
    this.labelZh = labelZh;
  }

  /**
   * The English label the page shows, e.g. {@code Not Ready}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * The Chinese label the page shows, e.g. {@code 未就绪}.
   *
   * @return the label, in Simplified Chinese
   */
  public String labelZh() {
    return labelZh;
  }

  /**
   * The status named by {@code text}: the enum name, the English label or the Chinese label, case
   * and separators ignored ({@code not-ready}, {@code NotReady}, {@code Not Ready} all match).
   *
   * @param text a status name or label
   * @return the status
   * @throws IllegalArgumentException naming the five statuses
   */
  public static WorkloadStatus parse(String text) {
    String key = text.replaceAll("[\\s_-]", "").toLowerCase(java.util.Locale.ROOT);
    for (WorkloadStatus s : values()) {
      if (s.name().replace("_", "").toLowerCase(java.util.Locale.ROOT).equals(key) || s.labelZh.equals(text.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown status '" + text
        + "' (Running, Waiting, NotReady, Exception, Deleting)");
  }
}
