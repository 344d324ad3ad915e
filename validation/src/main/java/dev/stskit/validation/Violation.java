package dev.stskit.validation;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * One problem a rule found: where, of which {@link ErrorType}, the offending value (or
 * {@code <value omitted>} when it may be a secret), what is wrong and, optionally, how to fix it. The
 * engine turns violations into {@link Finding}s, adding the rule id and the effective severity.
 */
@Value.Immutable
public interface Violation {
  /** {@return the field path, rooted at the object} */
  FieldPath path();

  /** {@return the apiserver's error type} */
  ErrorType type();

  /** {@return the bad value as the apiserver prints it (strings quoted), or {@code <value omitted>}} */
  Optional<String> value();

  /** {@return what is wrong; may be empty text for types that need no detail} */
  Optional<Message> detail();

  /**
   * How to fix it.
   *
   * @return the hint, or empty
   */
  Optional<Message> hint();

  /**
   * Which check of the rule this is, for rules that group several (e.g. {@code host-ipc} of
   * {@code bp-security}); {@link Correspondence} maps other linters' checks to rule and check.
   *
   * @return the check's name, or empty
   */
  Optional<String> check();

  /** {@return the mechanical remedy, when there is one: a patch that makes the rule pass for this violation} */
  Optional<Fix> fix();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /**
   * {@code field.Required}.
   *
   * @param path the missing field
   * @return the violation
   */
  static Violation required(FieldPath path) {
    return builder().path(path).type(ErrorType.REQUIRED).build();
  }

  /**
   * {@code field.Required} with a detail.
   *
   * @param path the missing field
   * @param detail what is needed
   * @return the violation
   */
  static Violation required(FieldPath path, Message detail) {
    return builder().path(path).type(ErrorType.REQUIRED).detail(detail).build();
  }

  /**
   * {@code field.Invalid}: the value is echoed (quoted when a string).
   *
   * @param path the field
   * @param value its value
   * @param detail what is wrong
   * @return the violation
   */
  static Violation invalid(FieldPath path, Object value, Message detail) {
    return builder().path(path).type(ErrorType.INVALID).value(printValue(value)).detail(detail).build();
  }

  /**
   * {@code field.Invalid} for a value that may be a secret: printed as {@code <value omitted>}.
   *
   * @param path the field
   * @param detail what is wrong
   * @return the violation
   */
  static Violation invalidOmitted(FieldPath path, Message detail) {
    return builder().path(path).type(ErrorType.INVALID).value("<value omitted>").detail(detail).build();
  }

  /**
   * {@code field.NotSupported} with the supported values.
   *
   * @param path the field
   * @param value its value
   * @param supported the values allowed
   * @return the violation
   */
  static Violation notSupported(FieldPath path, Object value, List<String> supported) {
    Builder b = builder().path(path).type(ErrorType.NOT_SUPPORTED).value(printValue(value));
    if (!supported.isEmpty()) {
      b.detail(Message.of("supported-values",
          supported.stream().map(Violation::quote).collect(Collectors.joining(", "))));
    }
    return b.build();
  }

  /**
   * {@code field.Duplicate}.
   *
   * @param path the field
   * @param value the repeated value
   * @return the violation
   */
  static Violation duplicate(FieldPath path, Object value) {
    return builder().path(path).type(ErrorType.DUPLICATE).value(printValue(value)).build();
  }

  /**
   * {@code field.Forbidden}.
   *
   * @param path the field
   * @param detail why it is forbidden
   * @return the violation
   */
  static Violation forbidden(FieldPath path, Message detail) {
    return builder().path(path).type(ErrorType.FORBIDDEN).detail(detail).build();
  }

  /**
   * {@code field.TooLong}: longer than {@code max} bytes.
   *
   * @param path the field
   * @param max the most bytes allowed
   * @return the violation
   */
  static Violation tooLong(FieldPath path, long max) {
    return builder().path(path).type(ErrorType.TOO_LONG).detail(Message.of("too-long", max)).build();
  }

  /**
   * {@code field.TooMany}: {@code actual} items where at most {@code max} are allowed.
   *
   * @param path the list
   * @param actual its number of items
   * @param max the most allowed
   * @return the violation
   */
  static Violation tooMany(FieldPath path, int actual, int max) {
    return builder().path(path).type(ErrorType.TOO_MANY).value(Integer.toString(actual))
        .detail(Message.of("too-many", max)).build();
  }

  /**
   * {@code field.NotFound}.
   *
   * @param path the field
   * @param value the value nothing matches
   * @return the violation
   */
  static Violation notFound(FieldPath path, Object value) {
    return builder().path(path).type(ErrorType.NOT_FOUND).value(printValue(value)).build();
  }

  /**
   * This violation with a hint.
   *
   * @param hint how to fix it
   * @return a copy with the hint
   */
  default Violation withHint(Message hint) {
    return builder().from(this).hint(hint).build();
  }

  /**
   * This violation marked as check {@code check} of its rule.
   *
   * @param check the check's name
   * @return a copy marked with it
   */
  default Violation withCheck(String check) {
    return builder().from(this).check(check).build();
  }

  /**
   * This violation with a mechanical remedy.
   *
   * @param fix the patch that makes the rule pass
   * @return a copy with the fix
   */
  default Violation withFix(Fix fix) {
    return builder().from(this).fix(fix).build();
  }

  /**
   * The most characters of a value a finding echoes; a longer value is cut there and the message says
   * so and how long the value was ({@code "abc…"… (truncated: 2000000 characters)}).
   */
  int MAX_ECHO = 256;

  /**
   * Prints a value the way the apiserver does: strings quoted, numbers and booleans as they are; at most
   * {@link #MAX_ECHO} characters of it.
   *
   * @param value any value
   * @return its printed form
   */
  static String printValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence s) {
      return quote(s.toString());
    }
    String text = String.valueOf(value);
    if (text.length() <= MAX_ECHO) {
      return text;
    }
    return text.substring(0, cut(text)) + "… (truncated: " + text.length() + " characters)";
  }

  /**
   * Quotes a string like Go's {@code %q}; once the quoted text holds {@link #MAX_ECHO} characters
   * (escapes counted as written, so a value full of quotes is cut as early as its escaped form
   * requires) it is cut and followed by {@code … (truncated: N characters)}.
   *
   * @param s the string
   * @return it quoted
   */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_ECHO) + 16).append('"');
    int i = 0;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      String escaped = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\t' -> "\\t";
        case '\r' -> "\\r";
        default -> c < 0x20 ? String.format("\\x%02x", (int) c) : null;
      };
      int width = escaped != null ? escaped.length()
          : Character.isHighSurrogate(c) && i + 1 < s.length() ? 2 : 1;
      if (sb.length() - 1 + width > MAX_ECHO) {
        break;
      }
      if (escaped != null) {
        sb.append(escaped);
      } else {
        sb.append(s, i, i + width);
        i += width - 1;
      }
    }
    sb.append('"');
    if (i < s.length()) {
      sb.append("… (truncated: ").append(s.length()).append(" characters)");
    }
    return sb.toString();
  }

  /** Where to cut a long text: {@link #MAX_ECHO}, or one less so as not to split a surrogate pair. */
  private static int cut(String s) {
    return Character.isHighSurrogate(s.charAt(MAX_ECHO - 1)) ? MAX_ECHO - 1 : MAX_ECHO;
  }

  /** The builder. */
  final class Builder extends ImmutableViolation.Builder {}
}
