package dev.stskit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * What {@code validate} prints, in the two formats of the CLI contract (docs/architecture.md): text for people,
 * JSON for tools. Independent of the validation API so the shape stays stable.
 */
final class ValidationOutput {
  private ValidationOutput() {}

  /** One finding as printed. Positions are 1-based; empty when the object did not come from YAML. */
  record Row(
      String rule,
      String severity,
      String field,
      String type,
      String message,
      Optional<String> hint,
      Optional<Integer> line,
      Optional<Integer> column) {}

  /** One document of a file. */
  record Document(int index, String kind, String name, boolean checked, List<Row> findings) {
    boolean valid() {
      return findings.stream().noneMatch(r -> r.severity().equals("error"));
    }
  }

  /** One file. */
  record FileResult(String file, List<Document> documents) {}

  static boolean anyError(List<FileResult> files) {
    return files.stream().flatMap(f -> f.documents().stream()).anyMatch(d -> !d.valid());
  }

  /**
   * Text: one line a finding, {@code FILE:LINE:COL: SEVERITY rule path: message (hint: …)}, then a
   * summary line that counts the checked documents and, apart, those no rule set checks; the
   * CLI's words in the language of {@code texts}.
   */
  static void printText(List<FileResult> files, PrintStream out, Texts texts) {
    int errors = 0;
    int warnings = 0;
    int documents = 0;
    int unchecked = 0;
    for (FileResult f : files) {
      for (Document d : f.documents()) {
        if (d.checked()) {
          documents++;
        } else {
          unchecked++;
        }
        for (Row r : d.findings()) {
          StringBuilder line = new StringBuilder();
          line.append(f.file());
          r.line().ifPresent(l -> line.append(':').append(l));
          r.column().ifPresent(c -> line.append(':').append(c));
          line.append(": ")
              .append(r.severity().toUpperCase(java.util.Locale.ROOT))
              .append(' ')
              .append(r.rule())
              .append(' ')
              .append(r.field())
              .append(": ")
              .append(r.message());
          r.hint().ifPresent(h -> line.append(" (").append(texts.get("hint")).append(": ").append(h).append(')'));
          out.println(line);
          if (r.severity().equals("error")) {
            errors++;
          } else if (r.severity().equals("warning")) {
            warnings++;
          }
        }
        if (d.findings().isEmpty()) {
          out.println(texts.get(d.checked() ? "valid" : "notChecked", f.file(), describe(d, texts)));
        }
      }
    }
    // a document no rule set checks is not counted as checked
    out.println(unchecked == 0
        ? texts.get("summary", documents, errors, warnings)
        : texts.get("summaryWithUnchecked", documents, errors, warnings, unchecked));
  }

  private static String describe(Document d, Texts texts) {
    return texts.get("document", d.kind(), d.name(), d.index());
  }

  /** JSON exactly as the CLI contract, plus {@code line}/{@code column}/{@code hint} when known. */
  static void printJson(List<FileResult> files, PrintStream out) {
    StringBuilder b = new StringBuilder();
    b.append("{\"files\":[");
    for (int i = 0; i < files.size(); i++) {
      FileResult f = files.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append("{\"file\":").append(quote(f.file())).append(",\"documents\":[");
      for (int j = 0; j < f.documents().size(); j++) {
        Document d = f.documents().get(j);
        if (j > 0) {
          b.append(',');
        }
        b.append("{\"index\":").append(d.index());
        b.append(",\"kind\":").append(quote(d.kind()));
        b.append(",\"name\":").append(quote(d.name()));
        b.append(",\"valid\":").append(d.valid());
        if (!d.checked()) {
          b.append(",\"checked\":false");
        }
        b.append(",\"findings\":[");
        for (int k = 0; k < d.findings().size(); k++) {
          Row r = d.findings().get(k);
          if (k > 0) {
            b.append(',');
          }
          b.append("{\"rule\":").append(quote(r.rule()));
          b.append(",\"severity\":").append(quote(r.severity()));
          b.append(",\"field\":").append(quote(r.field()));
          b.append(",\"type\":").append(quote(r.type()));
          b.append(",\"message\":").append(quote(r.message()));
          r.hint().ifPresent(h -> b.append(",\"hint\":").append(quote(h)));
          r.line().ifPresent(l -> b.append(",\"line\":").append(l));
          r.column().ifPresent(c -> b.append(",\"column\":").append(c));
          b.append('}');
        }
        b.append("]}");
      }
      b.append("]}");
    }
    b.append("]}");
    out.println(b);
  }

  /** A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped. */
  static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
