package dev.stskit.validation;

/** How serious a finding is; only {@link #ERROR} makes a report invalid. */
public enum Severity {
  /** The API server would reject the object, or the rule set treats the problem as fatal. */
  ERROR,
  /** Accepted, but likely wrong. */
  WARNING,
  /** For information only. */
  INFO;

  /** {@return the lower-case name used in printed and JSON output ({@code error}, {@code warning}, {@code info})} */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
