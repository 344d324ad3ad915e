package dev.stskit.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** A registered rule: the rule and its checked {@link RuleInfo}. Immutable. */
public final class RuleDescriptor {
  private static final Pattern KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Rule rule;
  private final String id;
  private final Severity severity;
  private final String summary;

  private RuleDescriptor(Rule rule, String id, Severity severity, String summary) {
    this.rule = rule;
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  /**
   * Registers a rule, checking its {@link RuleInfo} (Error Prone's {@code BugPatternValidator} does the
   * same for bug patterns).
   *
   * @param rule a rule class annotated with {@link RuleInfo}
   * @return its descriptor
   * @throws IllegalArgumentException if the annotation is missing, the id is not kebab-case, or the
   *     summary is empty or ends with a period
   */
  public static RuleDescriptor of(Rule rule) {
    Objects.requireNonNull(rule, "rule");
    RuleInfo info = rule.getClass().getAnnotation(RuleInfo.class);
    String cls = rule.getClass().getName();
    if (info == null) {
      throw new IllegalArgumentException("rule " + cls + " has no @RuleInfo annotation");
    }
    if (!KEBAB.matcher(info.id()).matches()) {
      throw new IllegalArgumentException("rule " + cls + ": id '" + info.id()
          + "' is not kebab-case (lower-case letters and digits separated by single '-')");
    }
    String summary = info.summary().strip();
    if (summary.isEmpty()) {
      throw new IllegalArgumentException("rule " + info.id() + ": summary is empty");
    }
    if (summary.endsWith(".")) {
      throw new IllegalArgumentException("rule " + info.id() + ": summary must not end with a period: '"
          + summary + "'");
    }
    return new RuleDescriptor(rule, info.id(), info.severity(), summary);
  }

  /** {@return the rule} */
  public Rule rule() {
    return rule;
  }

  /** {@return the rule id} */
  public String id() {
    return id;
  }

  /** {@return the severity the rule declares} */
  public Severity defaultSeverity() {
    return severity;
  }

  /** {@return the one-line summary} */
  public String summary() {
    return summary;
  }

  /**
   * The resource that holds a rule's documentation page, {@code dev/stskit/validation/docs/rules/<id>.md}.
   * The built-in rules' pages ({@code validation/docs/rules/} in the repository) ship in this module's
   * jar; a third-party rule's jar may ship its own at the same place.
   *
   * @param ruleId the rule's id
   * @return the class-path resource name
   */
  public static String documentationResource(String ruleId) {
    return "dev/stskit/validation/docs/rules/" + ruleId + ".md";
  }

  /**
   * The rule's documentation page (Markdown: title, severity, what it finds, checked fields, how to
   * silence it), read from the rule class's own jar.
   *
   * @return the page; empty when the rule's jar holds none
   */
  public Optional<String> documentation() {
    ClassLoader loader = rule.getClass().getClassLoader();
    if (loader == null) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(documentationResource(id))) {
      return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("rule " + id + ": cannot read its documentation page", e);
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
