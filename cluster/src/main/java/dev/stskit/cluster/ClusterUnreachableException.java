package dev.stskit.cluster;

/**
 * The API server did not answer: refused, timed out, or the name does not resolve. The message
 * names the server, e.g. {@code cannot reach the API server https://127.0.0.1:6443: connection
 * refused}.
 */
public class ClusterUnreachableException extends ClusterException {
  private static final long serialVersionUID = 1L;

  /**
   * The API server did not answer.
   *
   * @param message one line: what was asked and why the server did not answer
   * @param cause the network's exception
   */
  public ClusterUnreachableException(String message, Throwable cause) {
    super(message, 0, cause);
  }
}
