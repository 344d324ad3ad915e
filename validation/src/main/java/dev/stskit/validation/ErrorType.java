package dev.stskit.validation;

import java.util.Locale;

/**
 * The kind of a finding, in kube-apiserver's vocabulary: the {@code field.ErrorType} values of
 * {@code k8s.io/apimachinery/pkg/util/validation/field/errors.go}.
 */
public enum ErrorType {
  /** {@code field.Required}: a required field is missing or empty. */
  REQUIRED("Required", "FieldValueRequired", "Required value", "缺少必填值"),
  /** {@code field.Invalid}: the value is malformed or out of range. */
  INVALID("Invalid", "FieldValueInvalid", "Invalid value", "无效值"),
  /** {@code field.NotSupported}: the value is not one of the allowed ones. */
  NOT_SUPPORTED("NotSupported", "FieldValueNotSupported", "Unsupported value", "不支持的值"),
  /** {@code field.Duplicate}: the value must be unique but is not. */
  DUPLICATE("Duplicate", "FieldValueDuplicate", "Duplicate value", "重复值"),
  /** {@code field.Forbidden}: the field may not be set here, or not changed. */
  FORBIDDEN("Forbidden", "FieldValueForbidden", "Forbidden", "禁止"),
  /** {@code field.TooLong}: the value is longer than allowed. */
  TOO_LONG("TooLong", "FieldValueTooLong", "Too long", "过长"),
  /** {@code field.TooMany}: the list has more items than allowed. */
  TOO_MANY("TooMany", "FieldValueTooMany", "Too many", "数量过多"),
  /** {@code field.NotFound}: a reference points at nothing. */
  NOT_FOUND("NotFound", "FieldValueNotFound", "Not found", "未找到");

  private final String wireName;
  private final String reason;
  private final String english;
  private final String chinese;

  ErrorType(String wireName, String reason, String english, String chinese) {
    this.wireName = wireName;
    this.reason = reason;
    this.english = english;
    this.chinese = chinese;
  }

  /** {@return the apiserver's short word for the type, e.g. {@code Required}, {@code NotSupported}} */
  public String wireName() {
    return wireName;
  }

  /** {@return the {@code StatusCause.reason} on the wire, e.g. {@code FieldValueRequired}} */
  public String reason() {
    return reason;
  }

  /**
   * How the apiserver prints the type ({@code "Required value"}), or its Chinese rendering.
   *
   * @param locale English, or any {@code zh} locale for Chinese
   * @return the printed form
   */
  public String describe(Locale locale) {
    return Message.isChinese(locale) ? chinese : english;
  }

  /**
   * Looks a type up by its {@link #wireName()}, case-insensitively.
   *
   * @param name a wire name, e.g. {@code Required}
   * @return the type
   * @throws IllegalArgumentException for an unknown name
   */
  public static ErrorType fromWireName(String name) {
    for (ErrorType t : values()) {
      if (t.wireName.equalsIgnoreCase(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException("unknown error type '" + name + "'");
  }
}
