package dev.stskit.cli;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFileException;
import dev.stskit.core.SpecFiles;
import dev.stskit.render.YamlRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code render SPEC.yaml}: spec file → apply-ready multi-document YAML on stdout. A file with
 * several specs ({@code ---} between them, as {@code import --spec} writes) renders them in order.
 *
 * <p>A file with errors renders nothing and reports every error it has, one line each on stderr
 * ({@code sts-kit: render: FILE:LINE: field.path: problem}), as {@code validate} reports every
 * finding: each document is read, and within a document, after an error on a one-line field the
 * document is read again without that line, so the next error shows, until it reads or the error
 * is not on a line of its own. A Kubernetes manifest given to {@code render} is said to be one,
 * with the command that reads it ({@code import}).
 */
final class RenderCommand {
  /** At most this many errors of one document are reported. */
  static final int MAX_ERRORS_PER_DOCUMENT = 100;

  /** Top-level keys of a Kubernetes object that a spec file never has. */
  private static final Set<String> MANIFEST_KEYS = Set.of("apiVersion", "kind", "metadata", "spec", "status");

  /** A block-mapping line holding one plain or quoted scalar: {@code   replicas: -2}. */
  private static final Pattern ONE_LINE_FIELD =
      Pattern.compile("[ ]*[^\\s#\\-\\[{][^:#]*:[ ]+[^\\s\\[{|>&*!#][^#]*(#.*)?");

  private final PrintStream out;
  private final PrintStream err;

  RenderCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int run(List<String> args) {
    Args a = Args.parse("render", args, Set.of(), Set.of());
    if (a.operands().size() != 1) {
      throw new UsageException("render: expected exactly one SPEC.yaml, got " + a.operands().size());
    }
    String name = a.operands().get(0);
    String text = Inputs.utf8("render", name);
    List<HasMetadata> objects = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Document doc : documents(text)) {
      List<Located> found = new ArrayList<>();
      objects.addAll(render(name, doc, found));
      // in file order (a value check runs when its object ends, after the errors inside it)
      found.stream().sorted(java.util.Comparator.comparingInt(Located::line)).forEach(l -> errors.add(l.text()));
    }
    if (!errors.isEmpty()) {
      errors.forEach(e -> err.println("sts-kit: render: " + Cli.oneLine(e)));
      return Cli.USAGE;
    }
    if (objects.isEmpty()) {
      throw new UsageException("render: " + name + ": empty spec file");
    }
    YamlRenderer.applyReady().render(objects, out);
    return Cli.OK;
  }

  /** An error and the line it is on (0 when unknown). */
  private record Located(int line, String text) {}

  /** The objects of one document, or none with its errors added to {@code errors}. */
  private static List<HasMetadata> render(String name, Document doc, List<Located> errors) {
    String text = doc.text();
    int before = errors.size();
    Set<String> reported = new java.util.HashSet<>();
    for (int attempt = 0; attempt < MAX_ERRORS_PER_DOCUMENT; attempt++) {
      Manifests manifests;
      try {
        manifests = SpecFiles.read(text).compile();
      } catch (SpecFileException e) {
        OptionalInt line = e.line();
        int fileLine = line.isPresent() ? line.getAsInt() + doc.firstLine() - 1 : 0;
        String at = name + (fileLine > 0 ? ":" + fileLine : "") + ": ";
        if (MANIFEST_KEYS.contains(e.path())) {
          errors.add(new Located(fileLine, at + "this is a Kubernetes manifest (it has '" + e.path()
              + "'), not a spec file: 'sts-kit import " + name + "' reads it ('import --spec' turns it"
              + " into a spec file)"));
          return List.of();
        }
        if (!reported.add(e.path())) {
          return List.of(); // the field blanked before, now missing: not a second error
        }
        errors.add(new Located(fileLine, at + (e.path().isEmpty() ? "" : e.path() + ": ") + e.problem()));
        // carry on past a one-line field: read again with that line blank (lines keep their numbers)
        String next = line.isPresent() ? withoutLine(text, line.getAsInt()) : null;
        if (next == null) {
          return List.of();
        }
        text = next;
        continue;
      } catch (SpecException e) {
        errors.add(new Located(0, name + ": " + e.getMessage()));
        return List.of();
      }
      return errors.size() == before ? manifests.all() : List.of();
    }
    return List.of();
  }

  /**
   * {@code text} with its 1-based line {@code line} blank, when that line is one field with a
   * scalar value (not a list item, not the start of a nested block); else null.
   */
  static String withoutLine(String text, int line) {
    String[] lines = text.split("\n", -1);
    if (line < 1 || line > lines.length) {
      return null;
    }
    String l = lines[line - 1];
    if (!ONE_LINE_FIELD.matcher(l).matches()) {
      return null;
    }
    int indent = indent(l);
    for (int i = line; i < lines.length; i++) {
      String n = lines[i];
      if (n.isBlank() || n.strip().startsWith("#")) {
        continue;
      }
      if (indent(n) > indent) {
        return null; // the value goes on over more lines
      }
      break;
    }
    lines[line - 1] = "";
    return String.join("\n", lines);
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** One document of a spec file and the line it starts on (1-based). */
  record Document(String text, int firstLine) {}

  /**
   * The documents of a spec file: split at lines that are exactly {@code ---} (a document marker
   * at column 0; inside a block scalar such a line is indented), so that {@code import --spec} of a
   * file with several StatefulSets renders back. Documents holding only comments are skipped.
   */
  static List<Document> documents(String text) {
    List<Document> docs = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    StringBuilder cur = new StringBuilder();
    int start = 1;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
      if (l.equals("---") || l.startsWith("--- ")) {
        addIfContent(docs, cur.toString(), start);
        cur.setLength(0);
        start = i + 2; // the document starts on the line after the marker
        continue;
      }
      cur.append(l).append('\n');
    }
    addIfContent(docs, cur.toString(), start);
    if (docs.isEmpty()) {
      docs.add(new Document(text, 1));
    }
    return docs;
  }

  private static void addIfContent(List<Document> docs, String text, int firstLine) {
    boolean content = text.lines().map(String::strip).anyMatch(l -> !l.isEmpty() && !l.startsWith("#"));
    if (content) {
      docs.add(new Document(text, firstLine));
    }
  }
}
