package dev.stskit.core.internal;

import java.util.regex.Pattern;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * How a spec file's text is written: the YAML and JSON generators' settings, shared by the full
 * writer ({@link SpecMapper}, Jackson databind) and the fast one ({@link FastSpecWriter}, the same
 * generators driven without databind), so that both write the same bytes. Loading this class
 * builds no mapper.
 */
final class SpecText {
  private SpecText() {}

  /**
   * YAML as the spec file writes it: snakeyaml-engine's emitter through Jackson's YAML generator,
   * quotes only where needed (and always for strings that read as numbers, and per {@link
   * Quoting}), no document start marker, list items indented under their key, no line splitting.
   */
  static YAMLFactory yamlFactory() {
    return SpecSyntax.yaml()
        .stringQuotingChecker(new Quoting())
        .enable(YAMLWriteFeature.MINIMIZE_QUOTES)
        .enable(YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
        .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
        .disable(YAMLWriteFeature.USE_NATIVE_TYPE_ID)
        .disable(YAMLWriteFeature.SPLIT_LINES)
        .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
        .build();
  }

  /** JSON as the spec file writes it: escaping what a YAML reader refuses ({@link JsonEscapes}). */
  static JsonFactory jsonFactory() {
    return JsonFactory.builder().characterEscapes(new JsonEscapes()).build();
  }

  /**
   * The index of a high surrogate followed by a character that is not a low one, or -1.
   * snakeyaml-engine's emitter pairs a high surrogate with whatever character follows it, so a lone
   * one before another character is written as a different character ("a\uD800t" as "a⑴t") and the
   * spec reads back different. Found by the mutation fuzzer (input 7145 of seed 20261203). Such a
   * string is refused when YAML is written; JSON escapes it and reads it back.
   */
  static int loneHighSurrogate(String s) {
    for (int i = 0, n = s.length() - 1; i < n; i++) {
      if (Character.isHighSurrogate(s.charAt(i)) && !Character.isLowSurrogate(s.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Jackson's YAML writer leaves a string unquoted when it holds a character that YAML reads as a
   * line break or refuses in a plain scalar (U+0085, U+2028, U+2029, U+FEFF, C1 controls, lone
   * surrogates): such a string reads back different ("\u0085x" as "x") or not at all. Quote it;
   * the double-quoted style escapes them.
   */
  static final class Quoting extends tools.jackson.dataformat.yaml.util.StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || hasUnsafeChar(value) || NUMBER_LIKE.matcher(value).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || hasUnsafeChar(name);
    }
  }

  /** Plain scalars a YAML 1.1 or 1.2 reader takes for a number that Jackson's check lets through. */
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?(0[0-9_]+|0o[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+|\\.(inf|Inf|INF)|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?)"
          + "|\\.(nan|NaN|NAN)");

  /** Characters a YAML reader takes as a line break or refuses unescaped (and JSON must escape for it). */
  static boolean unsafe(int c) {
    return c < 0x20 && c != '\t' || c >= 0x7F && c <= 0x9F || c == 0x2028 || c == 0x2029 || c == 0xFEFF
        || c == 0xFFFE || c == 0xFFFF || Character.isSurrogate((char) c);
  }

  static boolean hasUnsafeChar(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (unsafe(c)) {
        return true;
      }
    }
    return false;
  }

  /**
   * JSON output escapes what a YAML reader refuses unescaped (C1 controls, U+2028/9, U+FEFF,
   * U+FFFE/F, surrogates — a pair becomes two escapes, which read back as the pair), so the spec
   * as JSON reads back.
   */
  static final class JsonEscapes extends tools.jackson.core.io.CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = asciiEscapes();

    private static int[] asciiEscapes() {
      int[] codes = standardAsciiEscapesForJSON();
      codes[0x7F] = ESCAPE_CUSTOM;
      return codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public tools.jackson.core.SerializableString getEscapeSequence(int ch) {
      if (unsafe(ch)) {
        return new tools.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
