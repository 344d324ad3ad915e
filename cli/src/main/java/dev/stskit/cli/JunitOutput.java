package dev.stskit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * {@code validate --format junit}: JUnit XML, which CI systems show as test reports. One
 * {@code testsuite} per file, one {@code testcase} per document, one {@code failure} per error
 * finding (its type is the rule id); warnings and notes go to the test case's {@code system-out}; a
 * document of a kind no rule set checks is {@code skipped}.
 */
final class JunitOutput {
  private JunitOutput() {}

  static void print(List<ValidationOutput.FileResult> files, Locale locale, PrintStream out) {
    out.print(xml(files, locale));
  }

  static String xml(List<ValidationOutput.FileResult> files, Locale locale) {
    boolean zh = locale.getLanguage().equals("zh");
    StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int tests = 0;
    int failures = 0;
    int skipped = 0;
    StringBuilder suites = new StringBuilder();
    for (ValidationOutput.FileResult f : files) {
      int fileFailures = 0;
      int fileSkipped = 0;
      StringBuilder cases = new StringBuilder();
      for (ValidationOutput.Document d : f.documents()) {
        cases.append("    <testcase classname=").append(attr(f.file()))
            .append(" name=").append(attr(d.kind() + "/" + d.name() + " (document " + d.index() + ")"));
        List<ValidationOutput.Row> errors = d.findings().stream().filter(r -> r.severity().equals("error")).toList();
        List<ValidationOutput.Row> others = d.findings().stream().filter(r -> !r.severity().equals("error")).toList();
        if (errors.isEmpty() && others.isEmpty() && d.checked()) {
          cases.append("/>\n");
          continue;
        }
        cases.append(">\n");
        if (!d.checked() && d.findings().isEmpty()) {
          fileSkipped++;
          cases.append("      <skipped message=").append(attr(zh
              ? "未检查：规则集只检查 apps/v1 StatefulSet" : "not checked: the rule sets check apps/v1 StatefulSets"))
              .append("/>\n");
        }
        for (ValidationOutput.Row r : errors) {
          fileFailures++;
          cases.append("      <failure type=").append(attr(r.rule()))
              .append(" message=").append(attr(r.field() + ": " + r.message())).append('>')
              .append(text(line(f.file(), r, zh))).append("</failure>\n");
        }
        if (!others.isEmpty()) {
          StringBuilder lines = new StringBuilder();
          for (ValidationOutput.Row r : others) {
            lines.append(line(f.file(), r, zh)).append('\n');
          }
          cases.append("      <system-out>").append(text(lines.toString())).append("</system-out>\n");
        }
        cases.append("    </testcase>\n");
      }
      tests += f.documents().size();
      failures += fileFailures;
      skipped += fileSkipped;
      suites.append("  <testsuite name=").append(attr(f.file()))
          .append(" tests=\"").append(f.documents().size())
          .append("\" failures=\"").append(fileFailures)
          .append("\" errors=\"0\" skipped=\"").append(fileSkipped).append("\">\n")
          .append(cases)
          .append("  </testsuite>\n");
    }
    b.append("<testsuites name=\"sts-kit validate\" tests=\"").append(tests)
        .append("\" failures=\"").append(failures)
        .append("\" errors=\"0\" skipped=\"").append(skipped).append("\">\n")
        .append(suites)
        .append("</testsuites>\n");
    return b.toString();
  }

  /** The finding as the text format prints it: {@code FILE:LINE:COL: SEVERITY rule field: message (hint: …)}. */
  private static String line(String file, ValidationOutput.Row r, boolean zh) {
    StringBuilder l = new StringBuilder(file);
    r.line().ifPresent(x -> l.append(':').append(x));
    r.column().ifPresent(x -> l.append(':').append(x));
    l.append(": ").append(r.severity().toUpperCase(Locale.ROOT)).append(' ').append(r.rule()).append(' ')
        .append(r.field()).append(": ").append(r.message());
    r.hint().ifPresent(h -> l.append(zh ? "（提示：" : " (hint: ").append(h).append(zh ? "）" : ")"));
    return l.toString();
  }

  /** An attribute value in double quotes. */
  static String attr(String s) {
    return "\"" + escape(s, true) + "\"";
  }

  static String text(String s) {
    return escape(s, false);
  }

  /**
   * XML 1.0 escaping. Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates,
   * U+FFFE/U+FFFF) become U+FFFD; in attributes, line breaks and tabs are character references so
   * that a parser's attribute normalization keeps them.
   */
  static String escape(String s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        b.append(c).append(s.charAt(++i));
        continue;
      }
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append(attribute ? "&quot;" : "\"");
        case '\n' -> b.append(attribute ? "&#10;" : "\n");
        case '\r' -> b.append("&#13;");
        case '\t' -> b.append(attribute ? "&#9;" : "\t");
        default -> {
          boolean invalid = (c < 0x20) || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF;
          b.append(invalid ? '\uFFFD' : c);
        }
      }
    }
    return b.toString();
  }
}
