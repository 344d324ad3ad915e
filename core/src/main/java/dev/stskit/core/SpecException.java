package dev.stskit.core;

/**
 * A spec that cannot be rendered at all: a required field is missing or a value is impossible.
 * The message starts with the field path, e.g. {@code spec.replicas: must be >= 0}; a long path or
 * problem is cut in the message (not in {@link #path()} and {@link #problem()}) and says so.
 */
public class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  /**
   * @param path the field path, in Kubernetes form where the value maps to one field
   * @param problem what is wrong, without a trailing period
   */
  public SpecException(String path, String problem) {
    super(path.isEmpty() ? clip(problem, 400) : clip(path, 160) + ": " + clip(problem, 400));
    this.path = path;
    this.problem = problem;
  }

  /**
   * For subclasses that write their own message.
   *
   * @param message the whole message
   * @param path the field path
   * @param problem what is wrong
   */
  protected SpecException(String message, String path, String problem) {
    super(message);
    this.path = path;
    this.problem = problem;
  }

  /**
   * {@code s}, or its first {@code max} characters and how long it was: messages stay under 600
   * characters however long the value they echo.
   */
  static String clip(String s, int max) {
    if (s == null || s.length() <= max) {
      return s;
    }
    int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
    return s.substring(0, end) + "… (" + s.length() + " characters, truncated)";
  }

  /** The field path, e.g. {@code spec.template.spec.containers[0].image}. */
  public String path() {
    return path;
  }

  /** What is wrong, e.g. {@code required}. */
  public String problem() {
    return problem;
  }
}
