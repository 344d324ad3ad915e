package dev.stskit.core;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec that cannot be rendered at all: a required field is missing or a value is impossible.
 * The message starts with the field path, e.g. {@code spec.replicas: must be >= 0}; a long path or
 * problem is cut in the message (not in {@link #path()} and {@link #problem()}) and says so.
 *
 * <p>An error of a container names the container ({@link #container()}): with its index when the
 * spec knows it, {@code spec.template.spec.containers[1] (name "api"): image: required}, and by
 * name alone when a {@code ContainerSpec} builder fails before it is placed, {@code container
 * "api": image: required}.
 */
public class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** {@code …containers[N]} or {@code …initContainers[N]}, then the field inside the container. */
  private static final Pattern IN_CONTAINER = Pattern.compile("(.*?(?:containers|initContainers)\\[\\d+])(?:\\.(.+))?");

  /**
   * The field path.
   */
  private final String path;
  /**
   * What is wrong.
   */
  private final String problem;
  /**
   * The name of the container the problem is in, or null.
   */
  private final String container;

  /**
   * @param path the field path, in Kubernetes form where the value maps to one field
   * @param problem what is wrong, without a trailing period
   */
  public SpecException(String path, String problem) {
    this(describe(path, null, problem, 160, 360), path, null, problem);
  }

  /**
   * For subclasses that write their own message.
   *
   * @param message the whole message
   * @param path the field path
   * @param problem what is wrong
   */
  protected SpecException(String message, String path, String problem) {
    this(message, path, null, problem);
  }

  /**
   * For subclasses that write their own message about a container's field.
   *
   * @param message the whole message
   * @param path the field path
   * @param container the container's name, or null when the error is not about one container
   * @param problem what is wrong
   */
  protected SpecException(String message, String path, String container, String problem) {
    super(message);
    this.path = path;
    this.container = container;
    this.problem = problem;
  }

  /**
   * An error of the container named {@code container}, naming it in the message.
   *
   * @param container the container's name (an empty or null name is left out of the message)
   * @param path the field path: {@code spec.template.spec.containers[1].image} where the container's
   *     index is known, else the field inside the container ({@code image})
   * @param problem what is wrong, without a trailing period
   * @return the exception, e.g. {@code spec.template.spec.containers[1] (name "api"): image: required}
   */
  public static SpecException inContainer(String container, String path, String problem) {
    String name = container == null || container.isEmpty() ? null : container;
    return new SpecException(describe(path, name, problem, 160, 360), path, name, problem);
  }

  /**
   * The message of an error at {@code path}: {@code path: problem}, with the container's name after
   * its index ({@code spec.template.spec.containers[1] (name "api"): image: required}), or before a
   * path inside the container ({@code container "api": image: required}). A message with the name
   * that would be longer than the plain one can be is the plain one (the name stays in {@link
   * #container()}).
   *
   * @param path the field path
   * @param container the container's name, or null
   * @param problem what is wrong
   * @param pathMax characters of the path kept in the plain message
   * @param problemMax characters of the problem kept
   * @return the message
   */
  static String describe(String path, String container, String problem, int pathMax, int problemMax) {
    String plain = path.isEmpty() ? clip(problem, problemMax) : clip(path, pathMax) + ": " + clip(problem, problemMax);
    if (container == null) {
      return plain;
    }
    String name = "\"" + clip(container, 60) + "\"";
    Matcher m = IN_CONTAINER.matcher(path);
    String named = m.matches()
        ? m.group(1) + " (name " + name + "): " + (m.group(2) == null ? "" : m.group(2) + ": ") + clip(problem, problemMax)
        : "container " + name + ": " + (path.isEmpty() ? "" : path + ": ") + clip(problem, problemMax);
    return named.length() <= pathMax + 2 + problemMax ? named : plain;
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

  /** {@return the field path, e.g. {@code spec.template.spec.containers[0].image}} */
  public String path() {
    return path;
  }

  /** {@return what is wrong, e.g. {@code required}} */
  public String problem() {
    return problem;
  }

  /**
   * The message without what a subclass puts before the field (a spec file's name and line): the
   * field path, with a container's index and name, then the problem.
   *
   * @return e.g. {@code spec.template.spec.containers[1] (name "api"): image: required}
   */
  public String pathAndProblem() {
    return describe(path, container, problem, 160, 360);
  }

  /**
   * The name of the container the error is about, when it is about one and the container has a name.
   *
   * @return the container's name, e.g. {@code api}
   */
  public Optional<String> container() {
    return Optional.ofNullable(container);
  }
}
