package dev.stskit.render.internal;

/** Keeps echoed user values short in messages (a message stays well under 600 characters). */
public final class Messages {

  /** Characters of a value a message echoes at most. */
  public static final int ECHO = 80;

  private Messages() {}

  /** The value, or its first {@link #ECHO} characters and how long it was. */
  public static String clip(String s) {
    if (s == null) {
      return "null";
    }
    if (s.length() <= ECHO) {
      return s;
    }
    int end = ECHO;
    if (Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end) + "… (" + s.length() + " characters, truncated)";
  }
}
