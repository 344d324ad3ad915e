package dev.stskit.core;

import java.util.OptionalInt;

/**
 * A spec file that cannot be read: unreadable YAML, an unknown or mistyped field, or a value that
 * cannot be rendered. The message reads {@code <source>:<line>: <field path>: <problem>}, the
 * field path in Kubernetes form where the spec field maps to one (e.g. {@code
 * spec.template.spec.containers[0].image}), else as written in the spec file. It never names a
 * Java or Jackson type and stays under 600 characters: a long source, path or echoed value is cut
 * and says so.
 */
public final class SpecFileException extends SpecException {
  private static final long serialVersionUID = 1L;

  /**
   * The file name, or {@code <string>}.
   */
  private final String source;
  /**
   * The 1-based line where reading stopped, or 0.
   */
  private final int line;

  /**
   * @param source the file name or {@code <string>}
   * @param line 1-based line, or 0 when unknown
   * @param path the field path
   * @param problem what is wrong
   * @param cause the underlying exception
   */
  public SpecFileException(String source, int line, String path, String problem, Throwable cause) {
    this(source, line, path, null, problem, cause);
  }

  /**
   * An error of a container's field, naming the container after its index: {@code
   * mysql.yaml:9: spec.template.spec.containers[1] (name "api"): image: required}.
   *
   * @param source the file name or {@code <string>}
   * @param line 1-based line, or 0 when unknown
   * @param path the field path
   * @param container the container's name, or null (or empty) when unknown
   * @param problem what is wrong
   * @param cause the underlying exception
   */
  public SpecFileException(String source, int line, String path, String container, String problem, Throwable cause) {
    super(clip(source, 160) + (line > 0 ? ":" + line : "") + ": "
        + describe(path, container == null || container.isEmpty() ? null : container, problem, 160, 260),
        path, container == null || container.isEmpty() ? null : container, problem);
    this.source = source;
    this.line = line;
    initCause(cause);
  }

  /** {@return the file name, or {@code <string>}} */
  public String source() {
    return source;
  }

  /** {@return the 1-based line where reading stopped, if known} */
  public OptionalInt line() {
    return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
  }
}
