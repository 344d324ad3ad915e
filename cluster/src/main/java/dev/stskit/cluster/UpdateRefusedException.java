package dev.stskit.cluster;

import dev.stskit.validation.Finding;
import java.util.List;

/**
 * {@link ClusterClient#update} refused an update before sending it: it changes a field an update may
 * not change (kube-apiserver's {@code ValidateStatefulSetUpdate}) or the new object is invalid. The
 * message lists each finding with its field path.
 */
public class UpdateRefusedException extends ClusterException {
  private static final long serialVersionUID = 1L;

  private final transient List<Finding> findings;

  /**
   * An update refused before anything was sent.
   *
   * @param message one line per finding, with its field path
   * @param findings the error findings that refused the update
   */
  public UpdateRefusedException(String message, List<Finding> findings) {
    super(message, 0, null);
    this.findings = List.copyOf(findings);
  }

  /**
   * The error findings that refused the update.
   *
   * @return the findings, in the validator's order
   */
  public List<Finding> findings() {
    return findings;
  }
}
