package dev.stskit.cli;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ManifestStream;
import dev.stskit.render.Position;
import dev.stskit.render.ReadDocument;
import dev.stskit.render.ReadProblem;
import dev.stskit.render.RawDocument;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Fix;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import dev.stskit.validation.ValidatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code validate MANIFEST.yaml... [--rules …] [--inventory …] [--format text|json|sarif|junit] [--lang en|zh]
 * [--config CONFIG.yaml] [--fix OUT.yaml]}. A spec file among the inputs is validated as the objects it
 * compiles to ({@link SpecValidation}).
 *
 * <p>Each document is validated with the file's other documents as its context (the governing Service,
 * PodDisruptionBudget, ConfigMaps). {@code --config} turns rules (or {@code rule#check}) off and changes
 * severities; {@code --fix OUT} writes the file with every finding's mechanical fix applied.
 *
 * <p>Every document of every file is checked; findings carry the line and column of the field in
 * the file. Strict-decoding problems (unknown fields, duplicate keys, wrong types) are findings of
 * the rule {@value #STRICT_RULE}, errors as with {@code kubectl --validate=strict}.
 */
final class ValidateCommand {
  /** Rule id of the reader's strict-decoding findings. */
  static final String STRICT_RULE = "strict-decoding";

  /** The options {@code validate} takes, each with a value (all listed by {@code --help}). */
  static final Set<String> OPTIONS = Set.of("rules", "inventory", "format", "lang", "config", "fix", "jobs");

  /** The flags {@code validate} takes. */
  static final Set<String> FLAGS = Set.of("no-progress");

  private final InputStream stdin;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean errTty;

  ValidateCommand(InputStream stdin, PrintStream out, PrintStream err, boolean errTty) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.errTty = errTty;
  }

  int run(List<String> args) {
    Args a = Args.parse("validate", args, OPTIONS, FLAGS);
    if (a.operands().isEmpty()) {
      throw new UsageException("validate: expected at least one MANIFEST.yaml");
    }
    String format = a.option("format", "text");
    if (!List.of("text", "json", "sarif", "junit").contains(format)) {
      throw new UsageException("validate: --format must be text, json, sarif or junit, got '" + format + "'");
    }
    Locale locale = switch (a.option("lang", "en")) {
      case "en" -> Locale.ENGLISH;
      case "zh" -> Locale.SIMPLIFIED_CHINESE;
      default -> throw new UsageException("validate: --lang must be en or zh, got '" + a.option("lang", "") + "'");
    };
    Optional<GpuInventory> inventory = Optional.empty();
    if (a.has("inventory")) {
      String inv = a.option("inventory", "");
      String text = Inputs.utf8("validate", inv);
      try {
        inventory = Optional.of(GpuInventory.parse(text));
      } catch (RuntimeException e) {
        throw new UsageException("validate: " + inv + ": " + Cli.oneLine(e.getMessage()), e);
      }
    }
    Validator validator = validator(a.option("rules", "kubernetes"), inventory, locale);
    Texts texts = Texts.of(locale);
    if (a.has("config")) {
      String file = a.option("config", "");
      try {
        validator = ValidatorConfig.parse(ConfigCommand.readTree(file)).applyTo(validator);
      } catch (IllegalArgumentException e) {
        throw new UsageException("validate: " + file + ": " + Cli.oneLine(e.getMessage()), e);
      }
    }
    Optional<String> fixOut = a.has("fix") ? Optional.of(a.option("fix", "")) : Optional.empty();
    if (fixOut.isPresent() && (a.operands().size() != 1 || fixOut.get().isEmpty() || fixOut.get().equals("-")
        || a.operands().get(0).equals("-"))) {
      throw new UsageException("validate: --fix OUT takes one MANIFEST.yaml (or spec file) and a file to write (not stdout, which has the report)");
    }

    List<Inputs.Input> inputs = Inputs.expand("validate", a.operands());
    if (fixOut.isPresent() && inputs.size() != 1) {
      throw new UsageException("validate: --fix OUT takes one MANIFEST.yaml (or spec file) and a file to write (not stdout, which has the report)");
    }
    ValidationOutput.Sink sink = switch (format) {
      case "json" -> new ValidationOutput.JsonSink(out);
      case "sarif" -> {
        Validator v = validator;
        yield new ValidationOutput.Collecting(files -> SarifOutput.print(files, v, locale, out));
      }
      case "junit" -> new ValidationOutput.Collecting(files -> JunitOutput.print(files, locale, out));
      default -> new ValidationOutput.TextSink(out, texts);
    };
    // only the best-practice rules look at a document's file (RuleContext.sameFile: governing
    // Service, PodDisruptionBudget, ServiceAccount, env references), and --fix writes the file
    // back: then a file is read whole; otherwise every input is streamed one document at a time
    boolean wholeFiles = fixOut.isPresent() || rulesNamed(a.option("rules", "kubernetes")).contains("best-practice");
    long total = 0;
    for (Inputs.Input in : inputs) {
      long size = in.size();
      total = size < 0 || total < 0 ? -1 : total + size;
    }
    Progress progress = Progress.of(err, errTty && !a.flag("no-progress"), total);
    Validator v = validator;
    try (Batch batch = new Batch(Batch.jobs("validate", a))) {
      for (Inputs.Input in : inputs) {
        batch.then(() -> sink.file(in.name()));
        if (SpecValidation.isSpecFile(in)) {
          long size = in.size();
          batch.submit(() -> SpecValidation.validate(v, in, locale, fixOut), docs -> {
            docs.forEach(sink::document);
            progress.done(docs.size(), size);
          });
        } else if (wholeFiles) {
          long size = Math.max(0, in.size());
          ReadResult read = in.isStdin() ? Inputs.manifests("validate", in, ManifestReader.strict(), stdin) : null;
          batch.submit(() -> validateFile(v, read != null ? read
              : Inputs.manifests("validate", in, ManifestReader.strict(), stdin), texts, locale, fixOut), docs -> {
                docs.forEach(sink::document);
                progress.done(docs.size(), size);
              });
        } else {
          stream(in, v, texts, locale, batch, sink, progress);
        }
        batch.then(sink::endFile);
      }
      batch.finish();
    } finally {
      progress.clear();
    }
    sink.finish();
    return sink.anyError() ? Cli.FINDINGS : Cli.OK;
  }

  /** Every document of a file, each validated with the file's other documents as its context. */
  private static List<ValidationOutput.Document> validateFile(Validator validator, ReadResult read, Texts texts,
      Locale locale, Optional<String> fixOut) {
    List<ValidationOutput.Document> docs = new ArrayList<>();
    List<HasMetadata> file = new ArrayList<>();
    read.documents().forEach(d -> file.add(d.object()));
    List<HasMetadata> fixed = new ArrayList<>();
    for (ReadDocument d : read.documents()) {
      Report report = validator.validate(d.object(), file);
      docs.add(document(d, report, texts, locale));
      if (fixOut.isPresent()) {
        // only with --fix: applying goes through a JSON tree of the object (Jackson databind)
        fixed.add(d.object() instanceof StatefulSet sts ? Fix.applyAll(sts, report.findings()) : d.object());
      }
    }
    if (fixOut.isPresent()) {
      writeFixed(fixOut.get(), fixed);
    }
    return docs;
  }

  /**
   * One input read a document at a time: each document is cut from the stream here and read and
   * validated as a unit of the batch; its objects' indices count on from the documents before.
   */
  private void stream(Inputs.Input in, Validator validator, Texts texts, Locale locale, Batch batch,
      ValidationOutput.Sink sink, Progress progress) {
    int[] index = {0};
    try (ManifestStream docs = ManifestReader.strict().stream(in.open("validate", stdin), in.name())) {
      for (RawDocument raw = docs.nextRaw(); raw != null; raw = docs.nextRaw()) {
        RawDocument r = raw;
        batch.submit(() -> validateDocument(validator, r, texts, locale), found -> {
          for (ValidationOutput.Document d : found) {
            sink.document(d.withIndex(index[0]++));
          }
          progress.done(found.size(), r.length());
        });
      }
    } catch (UncheckedIOException e) {
      throw new UsageException("validate: " + in.name() + ": " + Cli.oneLine(String.valueOf(e.getMessage())), e);
    } catch (ManifestReadException e) {
      throw new UsageException("validate: " + e.getMessage(), e);
    }
  }

  private static List<ValidationOutput.Document> validateDocument(Validator validator, RawDocument raw, Texts texts,
      Locale locale) {
    ReadResult read;
    try {
      read = ManifestReader.strict().read(raw);
    } catch (ManifestReadException e) {
      throw new UsageException("validate: " + e.getMessage(), e);
    }
    List<ValidationOutput.Document> out = new ArrayList<>(read.documents().size());
    for (ReadDocument d : read.documents()) {
      out.add(document(d, validator.validate(d.object()), texts, locale));
    }
    return out;
  }

  private static Set<String> rulesNamed(String rules) {
    Set<String> names = new java.util.HashSet<>();
    for (String n : rules.split(",", -1)) {
      names.add(n.strip());
    }
    return names;
  }

  /** The rule sets named by {@code --rules}; the inventory reaches the {@code gpu} set. */
  private static Validator validator(String rules, Optional<GpuInventory> inventory, Locale locale) {
    Validator.Builder b = Validator.builder().locale(locale);
    Set<String> seen = new java.util.HashSet<>();
    for (String name : rules.split(",", -1)) {
      String n = name.strip();
      if (n.isEmpty()) {
        throw new UsageException("validate: --rules has an empty name in '" + rules + "'");
      }
      if (!seen.add(n)) {
        continue;
      }
      try {
        b.addRuleSet(n, inventory);
      } catch (IllegalArgumentException e) {
        throw new UsageException("validate: --rules: " + Cli.oneLine(e.getMessage()), e);
      }
    }
    return b.build();
  }

  /**
   * Writes the documents, with the mechanical fixes of their findings applied ({@code Finding.fix()}),
   * through the apply-ready renderer: the same objects in the same order, rendered as {@code render}
   * writes them (Go field order, server fields dropped), so comments and formatting of the input are not
   * kept, its content is.
   */
  private static void writeFixed(String name, List<HasMetadata> objects) {
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of(name), YamlRenderer.applyReady().render(objects),
          java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | RuntimeException e) {
      throw new UsageException("validate: --fix: cannot write " + name + ": " + Cli.oneLine(String.valueOf(e.getMessage())), e);
    }
  }

  private static ValidationOutput.Document document(ReadDocument d, Report report, Texts texts,
      Locale locale) {
    HasMetadata o = d.object();
    List<ValidationOutput.Row> rows = new ArrayList<>();
    for (ReadProblem p : d.problems()) {
      rows.add(new ValidationOutput.Row(STRICT_RULE, "error", p.path(), strictType(p.kind()),
          StrictMessages.localize(p, texts, locale), Optional.empty(), Optional.of(p.line()),
          Optional.of(p.column())));
    }
    for (Finding f : report.findings()) {
      Optional<Position> pos = f.line().isPresent()
          ? Optional.of(Position.of(f.line().getAsInt(), f.column().orElse(1)))
          : nearestPosition(d, f.path());
      rows.add(new ValidationOutput.Row(f.ruleId(), f.severity().name().toLowerCase(Locale.ROOT),
          f.path(), f.type().wireName(), f.message(), f.hint(),
          pos.map(Position::line), pos.map(Position::column)));
    }
    String kind = o.getKind() == null ? "" : o.getKind();
    String name = o.getMetadata() == null || o.getMetadata().getName() == null ? "" : o.getMetadata().getName();
    boolean checked = report.checked();
    return new ValidationOutput.Document(d.index(), kind, name, checked, rows);
  }

  /**
   * Where {@code path} is in the file; for a field the file lacks (a required value), where its
   * nearest present parent is.
   */
  static Optional<Position> nearestPosition(ReadDocument d, String path) {
    String p = path;
    while (!p.isEmpty()) {
      Optional<Position> pos = d.positionOf(p);
      if (pos.isPresent()) {
        return pos;
      }
      p = parent(p);
    }
    return Optional.empty();
  }

  /** {@code a.b[c].d} → {@code a.b[c]} → {@code a.b} → {@code a} → empty; brackets may hold dots. */
  static String parent(String path) {
    if (path.endsWith("]")) {
      int open = path.lastIndexOf('[');
      return open < 0 ? "" : path.substring(0, open);
    }
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf(']');
    return dot > bracket ? path.substring(0, dot) : (bracket >= 0 ? path.substring(0, bracket + 1) : "");
  }

  /** The apiserver's error type for a strict-decoding problem. */
  private static String strictType(ReadProblem.Kind kind) {
    return switch (kind) {
      case UNKNOWN_FIELD -> "NotFound";
      case DUPLICATE_KEY -> "Duplicate";
      case WRONG_TYPE, INVALID_VALUE -> "Invalid";
    };
  }
}
