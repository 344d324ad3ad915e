package dev.stskit.render;

/**
 * Input that cannot be read at all: not UTF-8, not YAML, over a {@link ReaderLimits} limit, a
 * disallowed tag, a document that is not a Kubernetes object. The message names the source, the
 * line and the column: {@code mysql.yaml:12:5: invalid YAML: mapping values are not allowed here}.
 */
public class ManifestReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The name of the source. */
  private final String sourceName;
  /** 1-based line of the problem. */
  private final int line;
  /** 1-based column of the problem. */
  private final int column;

  /**
   * An input that cannot be read.
   *
   * @param sourceName the file name, or the name passed to {@code read}
   * @param line 1-based line of the problem
   * @param column 1-based column of the problem
   * @param message what is wrong, after the {@code source:line:column:} prefix
   */
  public ManifestReadException(String sourceName, int line, int column, String message) {
    this(sourceName, line, column, message, null);
  }

  /**
   * An input that cannot be read, because of {@code cause}.
   *
   * @param sourceName the file name, or the name passed to {@code read}
   * @param line 1-based line of the problem
   * @param column 1-based column of the problem
   * @param message what is wrong, after the {@code source:line:column:} prefix
   * @param cause the parser's or decoder's exception; may be null
   */
  public ManifestReadException(String sourceName, int line, int column, String message, Throwable cause) {
    super(sourceName + ":" + line + ":" + column + ": " + message, cause);
    this.sourceName = sourceName;
    this.line = line;
    this.column = column;
  }

  /** {@return the name of the source (a file name, or the name passed to {@code read})} */
  public String sourceName() {
    return sourceName;
  }

  /** {@return the 1-based line of the problem} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column of the problem} */
  public int column() {
    return column;
  }
}
