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
    Document withIndex(int i) {
      return i == index ? this : new Document(i, kind, name, checked, findings);
    }

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
   * Where results go as they are made, file by file and document by document, so that a batch of
   * any size is reported without being held: text and JSON are written at once; SARIF and JUnit,
   * whose shapes need every result first, keep the rows (never the objects) until {@link #finish}.
   */
  interface Sink {
    void file(String name);

    void document(Document d);

    void endFile();

    /** Writes what is left (the summary, the closing brackets, a collected report). */
    void finish();

    /** Whether any document so far has an error finding. */
    boolean anyError();
  }

  /**
   * Text: one line a finding, {@code FILE:LINE:COL: SEVERITY rule path: message (hint: …)}, then a
   * summary line that counts the checked documents and, apart, those no rule set checks; the
   * CLI's words in the language of {@code texts}.
   */
  static void printText(List<FileResult> files, PrintStream out, Texts texts) {
    replay(files, new TextSink(out, texts));
  }

  /** JSON exactly as the CLI contract, plus {@code line}/{@code column}/{@code hint} when known. */
  static void printJson(List<FileResult> files, PrintStream out) {
    replay(files, new JsonSink(out));
  }

  private static void replay(List<FileResult> files, Sink sink) {
    for (FileResult f : files) {
      sink.file(f.file());
      f.documents().forEach(sink::document);
      sink.endFile();
    }
    sink.finish();
  }

  /** The text format, written line by line. */
  static final class TextSink implements Sink {
    private final PrintStream out;
    private final Texts texts;
    private String file;
    private int errors;
    private int warnings;
    private int documents;
    private int unchecked;

    TextSink(PrintStream out, Texts texts) {
      this.out = out;
      this.texts = texts;
    }

    @Override
    public void file(String name) {
      file = name;
    }

    @Override
    public void document(Document d) {
      if (d.checked()) {
        documents++;
      } else {
        unchecked++;
      }
      for (Row r : d.findings()) {
        StringBuilder line = new StringBuilder();
        line.append(file);
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
        out.println(texts.get(d.checked() ? "valid" : "notChecked", file, describe(d, texts)));
      }
    }

    @Override
    public void endFile() {
      file = null;
    }

    @Override
    public void finish() {
      // a document no rule set checks is not counted as checked
      out.println(unchecked == 0
          ? texts.get("summary", documents, errors, warnings)
          : texts.get("summaryWithUnchecked", documents, errors, warnings, unchecked));
    }

    @Override
    public boolean anyError() {
      return errors > 0;
    }
  }

  private static String describe(Document d, Texts texts) {
    return texts.get("document", d.kind(), d.name(), d.index());
  }

  /** The JSON format, written document by document (the same bytes as one string would be). */
  static final class JsonSink implements Sink {
    private final PrintStream out;
    private int files;
    private int docs;
    private boolean error;

    JsonSink(PrintStream out) {
      this.out = out;
      out.print("{\"files\":[");
    }

    @Override
    public void file(String name) {
      out.print((files++ > 0 ? "," : "") + "{\"file\":" + quote(name) + ",\"documents\":[");
      docs = 0;
    }

    @Override
    public void document(Document d) {
      error |= !d.valid();
      StringBuilder b = new StringBuilder();
      if (docs++ > 0) {
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
      out.print(b);
    }

    @Override
    public void endFile() {
      out.print("]}");
    }

    @Override
    public void finish() {
      out.println("]}");
    }

    @Override
    public boolean anyError() {
      return error;
    }
  }

  /** Keeps every file's rows for a format that is written whole at the end (SARIF, JUnit). */
  static final class Collecting implements Sink {
    private final java.util.function.Consumer<List<FileResult>> print;
    private final List<FileResult> files = new java.util.ArrayList<>();
    private String file;
    private List<Document> docs;

    Collecting(java.util.function.Consumer<List<FileResult>> print) {
      this.print = print;
    }

    @Override
    public void file(String name) {
      file = name;
      docs = new java.util.ArrayList<>();
    }

    @Override
    public void document(Document d) {
      docs.add(d);
    }

    @Override
    public void endFile() {
      files.add(new FileResult(file, docs));
    }

    @Override
    public void finish() {
      print.accept(files);
    }

    @Override
    public boolean anyError() {
      return ValidationOutput.anyError(files) || (docs != null && docs.stream().anyMatch(d -> !d.valid()));
    }
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
