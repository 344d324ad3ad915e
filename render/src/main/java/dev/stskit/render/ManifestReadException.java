package dev.stskit.render;

/**
 * Input that cannot be read at all: not UTF-8, not YAML, over a {@link ReaderLimits} limit, a
 * disallowed tag, a document that is not a Kubernetes object. The message names the source, the
 * line and the column: {@code mysql.yaml:12:5: invalid YAML: mapping values are not allowed here}.
 */
public class ManifestReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final int line;
  private final int column;

  public ManifestReadException(String sourceName, int line, int column, String message) {
    this(sourceName, line, column, message, null);
  }

  public ManifestReadException(String sourceName, int line, int column, String message, Throwable cause) {
    super(sourceName + ":" + line + ":" + column + ": " + message, cause);
    this.sourceName = sourceName;
    this.line = line;
    this.column = column;
  }

  /** The name of the source (a file name, or the name passed to {@code read}). */
  public String sourceName() {
    return sourceName;
  }

  /** 1-based line of the problem. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem. */
  public int column() {
    return column;
  }
}
