package dev.stskit.cli;

import dev.stskit.render.ReadProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader's strict-decoding messages in the language of {@code --lang}. The reader words them in
 * English (as kube-apiserver does); each known shape is matched and said again from {@link Texts},
 * its values (field names, numbers, the text as written) carried over unchanged. A message of a
 * shape not listed here keeps its English words after the translated kind of problem, so that no
 * line of a Chinese report is without a Chinese word.
 */
final class StrictMessages {
  private StrictMessages() {}

  private record Shape(Pattern pattern, String key) {}

  private static final List<Shape> SHAPES = List.of(
      new Shape(Pattern.compile("unknown field \"(.*)\""), "strict.unknownField"),
      new Shape(Pattern.compile("duplicate field \"(.*)\" \\(first at line (\\d+)\\)"), "strict.duplicateField"),
      new Shape(Pattern.compile("map merge requires a mapping or a list of mappings"), "strict.mergeNeedsMapping"),
      new Shape(Pattern.compile("a mapping key must be a scalar"), "strict.keyNotScalar"),
      new Shape(Pattern.compile("a mapping key must not be null"), "strict.keyNull"),
      new Shape(Pattern.compile("number (\\S+) overflows int32"), "strict.overflowInt32"),
      new Shape(Pattern.compile("cannot unmarshal number (\\S+) into an integer field"), "strict.notInteger"),
      new Shape(Pattern.compile("quantities must match the regular expression (.*), got (\".*)"),
          "strict.quantityPattern"),
      new Shape(Pattern.compile("invalid quantity \"(.*)\""), "strict.invalidQuantity"),
      new Shape(Pattern.compile("quantity (\".*) has no digits or too large an exponent to compare; write it with"
          + " digits \\(0\\)"), "strict.quantityNoDigits"),
      new Shape(Pattern.compile("JSON has no form for (.*)"), "strict.noJsonForm"));

  private static final Pattern WRONG_TYPE = Pattern.compile(
      "cannot unmarshal (object|array|boolean (\\S+)|number (\\S+)|string (\".*\")) into a field of type (.+?)"
          + "(?: \\(YAML 1\\.1 reads an unquoted (\\S+) as a boolean; quote it: '(.*)'\\)| \\(quote it: '(.*)'\\))?",
      Pattern.DOTALL);

  /** {@code p}'s message in {@code texts}' language; English text stays as the reader wrote it. */
  static String localize(ReadProblem p, Texts texts, Locale locale) {
    String message = p.message();
    if (locale.getLanguage().equals(Locale.ENGLISH.getLanguage())) {
      return message;
    }
    for (Shape s : SHAPES) {
      Matcher m = s.pattern().matcher(message);
      if (m.matches()) {
        Object[] groups = new Object[m.groupCount()];
        for (int i = 0; i < groups.length; i++) {
          groups[i] = m.group(i + 1);
        }
        return texts.get(s.key(), groups);
      }
    }
    Matcher m = WRONG_TYPE.matcher(message);
    if (m.matches()) {
      String got = m.group(1).equals("object") ? texts.get("strict.got.object")
          : m.group(1).equals("array") ? texts.get("strict.got.array")
          : m.group(2) != null ? texts.get("strict.got.boolean", m.group(2))
          : m.group(3) != null ? texts.get("strict.got.number", m.group(3))
          : texts.get("strict.got.string", m.group(4));
      String hint = m.group(6) != null ? texts.get("strict.wrongType.booleanHint", m.group(6), m.group(7))
          : m.group(8) != null ? texts.get("strict.wrongType.quoteHint", m.group(8)) : "";
      return texts.get("strict.wrongType", got, m.group(5)) + hint;
    }
    return texts.get("strict.kind." + p.kind().name()) + ": " + message;
  }
}
