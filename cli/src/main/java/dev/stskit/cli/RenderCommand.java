package dev.stskit.cli;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFileException;
import dev.stskit.core.SpecFiles;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ManifestStream;
import dev.stskit.render.RawDocument;
import dev.stskit.render.YamlRenderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.InputStream;
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
 *
 * <p>Several operands, directories (every {@code *.yaml}, {@code *.yml}, {@code *.json} under them,
 * sorted) and {@code -} (stdin) are rendered in order, {@code ---} between them; a file with errors
 * renders nothing and the others still render (exit 2). Stdin is read a document at a time: a
 * document with errors renders nothing, the documents before it are already written. With
 * {@code --jobs N} the files (or stdin's documents) are rendered on N threads; the output is the
 * same bytes.
 */
final class RenderCommand {
  /** At most this many errors of one document are reported. */
  static final int MAX_ERRORS_PER_DOCUMENT = 100;

  /** Top-level keys of a Kubernetes object that a spec file never has. */
  static final Set<String> MANIFEST_KEYS = Set.of("apiVersion", "kind", "metadata", "spec", "status");

  /** A block-mapping line holding one plain or quoted scalar: {@code   replicas: -2}. */
  private static final Pattern ONE_LINE_FIELD =
      Pattern.compile("[ ]*[^\\s#\\-\\[{][^:#]*:[ ]+[^\\s\\[{|>&*!#][^#]*(#.*)?");

  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean errTty;

  RenderCommand(InputStream stdin, PrintStream out, PrintStream err, boolean errTty) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.errTty = errTty;
  }

  /** What one unit (a file, or one document of stdin) gives: its YAML, or its errors and no YAML. */
  private record Rendered(String yaml, List<String> errors, int documents, long bytes) {}

  int run(List<String> args) {
    Args a = Args.parse("render", args, Set.of("jobs"), Set.of("no-progress"));
    if (a.operands().isEmpty()) {
      throw new UsageException("render: expected at least one SPEC.yaml (a file, a directory or - for stdin)");
    }
    List<Inputs.Input> inputs = Inputs.expand("render", a.operands());
    long total = 0;
    for (Inputs.Input in : inputs) {
      long size = in.size();
      total = size < 0 || total < 0 ? -1 : total + size;
    }
    Progress progress = Progress.of(err, errTty && !a.flag("no-progress"), total);
    boolean[] failed = {false};
    boolean[] written = {false};
    java.util.function.Consumer<Rendered> emit = r -> {
      if (!r.errors().isEmpty()) {
        progress.clear();
        r.errors().forEach(e -> err.println("sts-kit: render: " + Cli.oneLine(e)));
        failed[0] = true;
      } else if (!r.yaml().isEmpty()) {
        if (written[0]) {
          out.print("---\n");
        }
        out.print(r.yaml());
        written[0] = true;
      }
      progress.done(r.documents(), r.bytes());
    };
    try (Batch batch = new Batch(Batch.jobs("render", a))) {
      for (Inputs.Input in : inputs) {
        if (in.isStdin()) {
          streamStdin(batch, emit);
        } else {
          long size = in.size();
          batch.submit(() -> renderFile(in.name(), size), emit);
        }
      }
      batch.finish();
    } finally {
      progress.clear();
    }
    return failed[0] ? Cli.USAGE : Cli.OK;
  }

  /** A whole spec file: all its documents' objects, or, if any document has an error, every error and nothing else. */
  private static Rendered renderFile(String name, long size) {
    String text = Inputs.utf8("render", name);
    List<HasMetadata> objects = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<Document> docs = documents(text);
    for (Document doc : docs) {
      Compiled c = compile(name, doc);
      errors.addAll(c.errors());
      objects.addAll(c.objects());
    }
    if (!errors.isEmpty()) {
      return new Rendered("", errors, docs.size(), size);
    }
    if (objects.isEmpty()) {
      return new Rendered("", List.of(name + ": empty spec file"), 0, size);
    }
    return new Rendered(YamlRenderer.applyReady().render(objects), List.of(), docs.size(), size);
  }

  /** One document's objects, or its errors (in line order) and no objects. */
  private record Compiled(List<HasMetadata> objects, List<String> errors) {}

  private static Compiled compile(String name, Document doc) {
    List<Located> found = new ArrayList<>();
    List<HasMetadata> objects = render(name, doc, found);
    // in file order (a value check runs when its object ends, after the errors inside it)
    List<String> errors = new ArrayList<>();
    found.stream().sorted(java.util.Comparator.comparingInt(Located::line)).forEach(l -> errors.add(l.text()));
    return new Compiled(errors.isEmpty() ? objects : List.of(), errors);
  }

  /**
   * Stdin, a document at a time: each document is rendered as soon as it is read and a document with
   * errors renders nothing (the documents before it are already written), so input of any length
   * goes through in bounded memory.
   */
  private void streamStdin(Batch batch, java.util.function.Consumer<Rendered> emit) {
    String name = Inputs.STDIN;
    int[] rendered = {0};
    try (ManifestStream docs = ManifestReader.strict().stream(stdin, name)) {
      for (RawDocument raw = docs.nextRaw(); raw != null; raw = docs.nextRaw()) {
        RawDocument r = raw;
        batch.submit(() -> renderStdinDocument(name, r), x -> {
          rendered[0] += x.errors().isEmpty() && !x.yaml().isEmpty() ? 1 : 0;
          emit.accept(x);
        });
      }
    } catch (java.io.UncheckedIOException e) {
      throw new UsageException("render: " + name + ": " + Cli.oneLine(String.valueOf(e.getMessage())), e);
    } catch (dev.stskit.render.ManifestReadException e) {
      throw new UsageException("render: " + e.getMessage(), e);
    }
    batch.then(() -> {
      if (rendered[0] == 0) {
        emit.accept(new Rendered("", List.of(name + ": empty spec file"), 0, 0));
      }
    });
  }

  private static Rendered renderStdinDocument(String name, RawDocument raw) {
    String text = decode(name, raw);
    int firstLine = raw.firstLine();
    // the marker line starts the document: drop it as the file reader does (lines keep their numbers)
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    if (first.endsWith("\r")) {
      first = first.substring(0, first.length() - 1);
    }
    if (first.equals("---") || first.startsWith("--- ")) {
      text = nl < 0 ? "" : text.substring(nl + 1);
      firstLine++;
    }
    List<Document> docs = new ArrayList<>();
    addIfContent(docs, text, firstLine);
    if (docs.isEmpty()) {
      return new Rendered("", List.of(), 0, raw.length());
    }
    Compiled c = compile(name, docs.get(0));
    if (!c.errors().isEmpty()) {
      return new Rendered("", c.errors(), 1, raw.length());
    }
    return new Rendered(YamlRenderer.applyReady().render(c.objects()), List.of(), 1, raw.length());
  }

  /** A document's text; a byte that is not UTF-8 is an error naming its offset in the stream. */
  private static String decode(String name, RawDocument raw) {
    java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(raw.toByteArray());
    try {
      return decoder.decode(in).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException("render: " + name + ": not UTF-8: invalid byte at byte offset "
          + (raw.byteOffset() + in.position()), e);
    }
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
        errors.add(new Located(fileLine, at + e.pathAndProblem()));
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
