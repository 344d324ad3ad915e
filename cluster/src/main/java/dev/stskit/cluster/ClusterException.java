package dev.stskit.cluster;

/**
 * A cluster operation failed. The message is one line that says what was asked and what the API
 * server (or the network) answered, e.g. {@code scale StatefulSet default/web: the object has been
 * modified (resourceVersion 41 is stale)}.
 */
public class ClusterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The API server's HTTP status code, or 0 when it did not answer. */
  private final int code;

  /**
   * A failed operation.
   *
   * @param message one line
   * @param code the HTTP status code, 0 when there was no answer
   * @param cause the client's or the network's exception; may be null
   */
  public ClusterException(String message, int code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** {@return the API server's HTTP status code, or 0 when it did not answer} */
  public int code() {
    return code;
  }
}
