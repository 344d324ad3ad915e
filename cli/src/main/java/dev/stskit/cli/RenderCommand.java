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
import java.util.Set;

/**
 * {@code render SPEC.yaml}: spec file → apply-ready multi-document YAML on stdout. A file with
 * several specs ({@code ---} between them, as {@code import --spec} writes) renders them in order.
 */
final class RenderCommand {
  private final PrintStream out;

  RenderCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args) {
    Args a = Args.parse("render", args, Set.of(), Set.of());
    if (a.operands().size() != 1) {
      throw new UsageException("render: expected exactly one SPEC.yaml, got " + a.operands().size());
    }
    String name = a.operands().get(0);
    String text = Inputs.utf8("render", name);
    List<HasMetadata> objects = new ArrayList<>();
    for (Document doc : documents(text)) {
      Manifests manifests;
      try {
        manifests = SpecFiles.read(doc.text()).compile();
      } catch (SpecFileException e) {
        int line = e.line().isPresent() ? e.line().getAsInt() + doc.firstLine() - 1 : 0;
        throw new UsageException("render: " + name + (line > 0 ? ":" + line : "") + ": "
            + (e.path().isEmpty() ? "" : e.path() + ": ") + e.problem(), e);
      } catch (SpecException e) {
        throw new UsageException("render: " + name + ": " + e.getMessage(), e);
      }
      objects.addAll(manifests.all());
    }
    if (objects.isEmpty()) {
      throw new UsageException("render: " + name + ": empty spec file");
    }
    YamlRenderer.applyReady().render(objects, out);
    return Cli.OK;
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
