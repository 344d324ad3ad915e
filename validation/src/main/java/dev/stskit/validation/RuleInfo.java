package dev.stskit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a {@link Rule}. Checked when the rule is registered: the id must be kebab-case
 * ({@code [a-z0-9]+(-[a-z0-9]+)*}) and the summary must not end with a period.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
  /** {@return the stable rule id, kebab-case, never reused} */
  String id();

  /** {@return the default severity; a {@link Validator} may override it} */
  Severity severity();

  /**
   * One line on what the rule finds, without a trailing period.
   *
   * @return the summary
   */
  String summary();
}
