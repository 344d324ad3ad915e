package dev.stskit.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Text that is rendered in the report's locale: either a key into sts-kit's message bundle (English
 * and Simplified Chinese) with arguments, or literal text supplied by a third-party rule. Immutable.
 */
public final class Message {
  private static final String BUNDLE = "dev.stskit.validation.internal.messages";

  private final String key;
  private final String english;
  private final String chinese;
  private final List<Object> args;

  private Message(String key, String english, String chinese, List<Object> args) {
    this.key = key;
    this.english = english;
    this.chinese = chinese;
    this.args = args;
  }

  /**
   * A message from sts-kit's bundle. Arguments replace {@code {0}}, {@code {1}}, …; an argument that
   * is itself a {@code Message} is rendered in the same locale.
   *
   * @param key the bundle key
   * @param args the arguments, in placeholder order
   * @return the message
   */
  public static Message of(String key, Object... args) {
    List<Object> list = new ArrayList<>();
    for (Object a : args) {
      list.add(Objects.requireNonNull(a, "message argument"));
    }
    return new Message(Objects.requireNonNull(key, "key"), null, null, Collections.unmodifiableList(list));
  }

  /**
   * Literal text, the same in every locale.
   *
   * @param text the text
   * @return the message
   */
  public static Message text(String text) {
    return new Message(null, Objects.requireNonNull(text, "text"), text, List.of());
  }

  /**
   * Literal text with a Simplified Chinese rendering.
   *
   * @param english the English text
   * @param chinese the Simplified Chinese text
   * @return the message
   */
  public static Message text(String english, String chinese) {
    return new Message(null, Objects.requireNonNull(english, "english"), Objects.requireNonNull(chinese, "chinese"),
        List.of());
  }

  /** {@return the bundle key, empty for literal text} */
  public String key() {
    return key == null ? "" : key;
  }

  /** The arguments of a bundle message (tests compare renderings against an independent formatter). */
  List<Object> args() {
    return args;
  }

  /**
   * Renders the message in {@code locale} (Chinese for any {@code zh} locale, else English).
   *
   * @param locale the language
   * @return the text
   */
  public String render(Locale locale) {
    if (key == null) {
      return isChinese(locale) ? chinese : english;
    }
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, isChinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    } catch (MissingResourceException e) {
      pattern = ResourceBundle.getBundle(BUNDLE, Locale.ROOT,
          ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }
    return format(pattern, locale);
  }

  /**
   * Substitutes the arguments in one left-to-right pass over the pattern: {@code {i}} with a known index
   * is replaced by argument {@code i}, everything else (including the text of arguments) is copied
   * verbatim, so user text that looks like a placeholder is never interpreted.
   */
  private String format(String pattern, Locale locale) {
    StringBuilder out = new StringBuilder(pattern.length() + 32);
    int n = pattern.length();
    int i = 0;
    while (i < n) {
      char c = pattern.charAt(i);
      if (c == '{') {
        int close = i + 1;
        while (close < n && close - i <= 3 && pattern.charAt(close) >= '0' && pattern.charAt(close) <= '9') {
          close++;
        }
        if (close > i + 1 && close < n && pattern.charAt(close) == '}') {
          int index = Integer.parseInt(pattern, i + 1, close, 10);
          if (index < args.size()) {
            Object a = args.get(index);
            out.append(a instanceof Message m ? m.render(locale) : String.valueOf(a));
            i = close + 1;
            continue;
          }
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  static boolean isChinese(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }

  @Override
  public String toString() {
    return render(Locale.ENGLISH);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m && Objects.equals(key, m.key) && Objects.equals(english, m.english)
        && Objects.equals(chinese, m.chinese) && args.equals(m.args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, english, chinese, args);
  }
}
