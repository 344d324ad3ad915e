package dev.stskit.apimachinery;

import java.util.regex.Pattern;

/**
 * The name grammars sts-kit checks in more than one module, from
 * {@code k8s.io/apimachinery/pkg/util/validation/validation.go}: label values
 * ({@code IsValidLabelValue}) and port names ({@code IsValidPortName}, an IANA service name).
 */
public final class Names {
  /** {@code labelValueFmt}, anchored: empty, or alphanumerics with '-', '_' and '.' inside. */
  public static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  /** {@code LabelValueMaxLength}. */
  public static final int LABEL_VALUE_MAX = 63;
  /** {@code IsValidPortName}'s length limit. */
  public static final int PORT_NAME_MAX = 15;

  private Names() {}

  /**
   * {@code IsValidLabelValue}: at most 63 characters of {@link #LABEL_VALUE}.
   *
   * @param value a label value, possibly null
   * @return whether Kubernetes accepts it (null is not a value)
   */
  public static boolean isLabelValue(String value) {
    return value != null && value.length() <= LABEL_VALUE_MAX && LABEL_VALUE.matcher(value).matches();
  }

  /**
   * {@code IsValidPortName}: 1 to 15 of {@code a-z 0-9 -}, at least one letter, no {@code --}, not
   * starting or ending with '-'.
   *
   * @param name a port name, possibly null
   * @return whether Kubernetes accepts it
   */
  public static boolean isPortName(String name) {
    return name != null && portNameProblems(name) == 0;
  }

  /**
   * Bits of what is wrong with a port name; see the {@code PORT_NAME_*} bits.
   *
   * @param name a port name, not null
   * @return the problems' bits ORed together, 0 when it is valid
   */
  public static int portNameProblems(String name) {
    int problems = 0;
    if (name.length() > PORT_NAME_MAX) {
      problems |= PORT_NAME_TOO_LONG;
    }
    boolean letter = false;
    boolean chars = !name.isEmpty();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      letter |= c >= 'a' && c <= 'z';
      chars &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }
    if (!chars) {
      problems |= PORT_NAME_CHARS;
    }
    if (!letter) {
      problems |= PORT_NAME_NO_LETTER;
    }
    if (name.contains("--")) {
      problems |= PORT_NAME_DOUBLE_HYPHEN;
    }
    if (!name.isEmpty() && (name.startsWith("-") || name.endsWith("-"))) {
      problems |= PORT_NAME_EDGE_HYPHEN;
    }
    return problems;
  }

  /** Longer than 15 characters. */
  public static final int PORT_NAME_TOO_LONG = 1;
  /** A character other than {@code a-z 0-9 -}, or empty. */
  public static final int PORT_NAME_CHARS = 2;
  /** No letter. */
  public static final int PORT_NAME_NO_LETTER = 4;
  /** Contains {@code --}. */
  public static final int PORT_NAME_DOUBLE_HYPHEN = 8;
  /** Starts or ends with '-'. */
  public static final int PORT_NAME_EDGE_HYPHEN = 16;
}
