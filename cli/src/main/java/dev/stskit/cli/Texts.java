package dev.stskit.cli;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The CLI's own words (summary, "not checked", "hint", strict-decoding messages) in the language of
 * {@code --lang}: {@code messages.properties} and {@code messages_zh.properties} next to this class.
 * Placeholders {@code {0}}, {@code {1}} … are filled in one pass; the text filled in is never read
 * again, so a file or field name holding braces stays as it is.
 */
final class Texts {
  private final ResourceBundle bundle;

  private Texts(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  static Texts of(Locale locale) {
    return new Texts(ResourceBundle.getBundle("dev.stskit.cli.messages", locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** The text of {@code key} with its placeholders filled. */
  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException("no CLI text " + key, e);
    }
    return fill(pattern, args);
  }

  /** Whether {@code key} has a text. */
  boolean has(String key) {
    return bundle.containsKey(key);
  }

  static String fill(String pattern, Object... args) {
    StringBuilder b = new StringBuilder(pattern.length() + 32);
    int i = 0;
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      int close = c == '{' ? pattern.indexOf('}', i) : -1;
      if (close > i + 1 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
        int n = Integer.parseInt(pattern.substring(i + 1, close));
        b.append(n < args.length ? String.valueOf(args[n]) : pattern.substring(i, close + 1));
        i = close + 1;
      } else {
        b.append(c);
        i++;
      }
    }
    return b.toString();
  }
}
