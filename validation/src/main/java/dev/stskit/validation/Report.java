package dev.stskit.validation;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** The result of validating one object: every finding, in a deterministic order. */
@Value.Immutable
public interface Report {
  /**
   * All findings, in rule-set order, then rule-id order, then the order each rule reported them.
   *
   * @return the findings
   */
  List<Finding> findings();

  /** {@return the locale the messages are in} */
  @Value.Default
  default Locale locale() {
    return Locale.ENGLISH;
  }

  /**
   * Whether any rule checked the object: false when no rule of the validator's rule sets checks its
   * kind (every rule set checks StatefulSets; {@code kubernetes} and {@code platform} also check
   * Services), or every such rule is disabled or ignored. An unchecked object is not {@link #valid()}.
   *
   * @return whether a rule checked the object
   */
  @Value.Default
  default boolean checked() {
    return true;
  }

  /** {@return the findings of severity {@link Severity#ERROR}} */
  default List<Finding> errors() {
    return bySeverity(Severity.ERROR);
  }

  /** {@return the findings of severity {@link Severity#WARNING}} */
  default List<Finding> warnings() {
    return bySeverity(Severity.WARNING);
  }

  /** {@return the findings of severity {@link Severity#INFO}} */
  default List<Finding> infos() {
    return bySeverity(Severity.INFO);
  }

  /**
   * True when the object was {@link #checked()} and there is no error finding.
   *
   * @return whether the object passes
   */
  default boolean valid() {
    return checked() && errors().isEmpty();
  }

  /**
   * This report with each finding mapped, e.g. to add source positions.
   *
   * @param fn applied to each finding
   * @return a copy with the mapped findings
   */
  default Report mapFindings(UnaryOperator<Finding> fn) {
    return builder().locale(locale()).checked(checked()).findings(findings().stream().map(fn).collect(Collectors.toList())).build();
  }

  private List<Finding> bySeverity(Severity s) {
    return findings().stream().filter(f -> f.severity() == s).collect(Collectors.toList());
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
  final class Builder extends ImmutableReport.Builder {}
}
