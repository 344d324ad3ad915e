package dev.stskit.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * A finding in a {@link Report}: rule id, effective severity, field path in kube-apiserver's form,
 * error type, message in the report's locale, optional hint and, for objects read from YAML, the
 * line and column of the field.
 */
@Value.Immutable
public interface Finding {
  /** {@return the stable kebab-case rule id, e.g. {@code k8s-container-resources}} */
  String ruleId();

  /** {@return the effective severity, after overrides} */
  Severity severity();

  /** {@return the field path as kube-apiserver prints it, e.g. {@code spec.template.spec.containers[0].image}} */
  String path();

  /** {@return the error type in the apiserver's vocabulary} */
  ErrorType type();

  /** {@return what is wrong, in the report's locale, e.g. {@code Required value}} */
  String message();

  /**
   * How to fix it, in the report's locale.
   *
   * @return the hint, or empty when the rule gives none
   */
  Optional<String> hint();

  /**
   * Which check of a rule that groups several this is, e.g. {@code host-ipc} of {@code bp-security}.
   *
   * @return the check's name, or empty for a rule with one check
   */
  Optional<String> check();

  /**
   * The rule's mechanical remedy as a patch on the object, when it has one; {@link Fix#applyTo} applies
   * it, {@link Fix#applyAll} applies those of a report.
   *
   * @return the fix, or empty when the remedy is not mechanical
   */
  Optional<Fix> fix();

  /**
   * 1-based line of the field in the source YAML, when known.
   *
   * @return the line, or empty
   */
  OptionalInt line();

  /**
   * 1-based column of the field in the source YAML, when known.
   *
   * @return the column, or empty
   */
  OptionalInt column();

  /** {@return the path as a {@link FieldPath}} */
  default FieldPath fieldPath() {
    return FieldPath.parse(path());
  }

  /**
   * This finding with a source position (the CLI fills it from the YAML reader).
   *
   * @param line 1-based line of the field
   * @param column 1-based column of the field
   * @return a copy with the position
   */
  default Finding withPosition(int line, int column) {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based, got " + line + ":" + column);
    }
    return builder().from(this).line(line).column(column).build();
  }

  /**
   * The printed form: {@code ERROR rule-id path: message (hint: …)}, with {@code line:column} in front
   * of the path when known.
   *
   * @return the line
   */
  default String format() {
    StringBuilder sb = new StringBuilder(severity().name()).append(' ').append(ruleId()).append(' ');
    if (line().isPresent()) {
      sb.append(line().getAsInt()).append(':').append(column().orElse(1)).append(' ');
    }
    sb.append(path()).append(": ").append(message());
    hint().ifPresent(h -> sb.append(" (hint: ").append(h).append(')'));
    return sb.toString();
  }

  /**
   * Renders a violation as a finding.
   *
   * @param ruleId the rule that reported it
   * @param severity its effective severity
   * @param v what the rule found
   * @param locale the language of message and hint
   * @return the finding
   */
  static Finding of(String ruleId, Severity severity, Violation v, Locale locale) {
    StringBuilder msg = new StringBuilder(v.type().describe(locale));
    v.value().ifPresent(val -> msg.append(": ").append(val));
    v.detail().map(d -> d.render(locale)).filter(d -> !d.isEmpty()).ifPresent(d -> msg.append(": ").append(d));
    Builder b = builder().ruleId(ruleId).severity(severity).path(v.path().toString()).type(v.type())
        .message(msg.toString());
    v.hint().ifPresent(h -> b.hint(h.render(locale)));
    v.fix().ifPresent(b::fix);
    v.check().ifPresent(b::check);
    return b.build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** The builder. */
  final class Builder extends ImmutableFinding.Builder {}
}
