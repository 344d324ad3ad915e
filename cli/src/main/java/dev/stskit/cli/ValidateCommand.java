package dev.stskit.cli;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.Position;
import dev.stskit.render.ReadDocument;
import dev.stskit.render.ReadProblem;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Fix;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import dev.stskit.validation.ValidatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code validate MANIFEST.yaml... [--rules …] [--inventory …] [--format text|json|sarif|junit] [--lang en|zh]
 * [--config CONFIG.yaml] [--fix OUT.yaml]}.
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
  static final Set<String> OPTIONS = Set.of("rules", "inventory", "format", "lang", "config", "fix");

  private final PrintStream out;

  ValidateCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args) {
    Args a = Args.parse("validate", args, OPTIONS, Set.of());
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
    if (fixOut.isPresent() && (a.operands().size() != 1 || fixOut.get().isEmpty() || fixOut.get().equals("-"))) {
      throw new UsageException("validate: --fix OUT takes one MANIFEST.yaml and a file to write (not stdout, which has the report)");
    }

    List<ValidationOutput.FileResult> files = new ArrayList<>();
    for (String name : a.operands()) {
      ReadResult read = Inputs.manifests("validate", name, ManifestReader.strict());
      List<ValidationOutput.Document> docs = new ArrayList<>();
      List<HasMetadata> file = new ArrayList<>();
      read.documents().forEach(d -> file.add(d.object()));
      List<HasMetadata> fixed = new ArrayList<>();
      for (ReadDocument d : read.documents()) {
        Report report = validator.validate(d.object(), file);
        docs.add(document(d, report, texts, locale));
        fixed.add(d.object() instanceof StatefulSet sts ? Fix.applyAll(sts, report.findings()) : d.object());
      }
      files.add(new ValidationOutput.FileResult(name, docs));
      if (fixOut.isPresent()) {
        writeFixed(fixOut.get(), fixed);
      }
    }
    switch (format) {
      case "json" -> ValidationOutput.printJson(files, out);
      case "sarif" -> SarifOutput.print(files, validator, locale, out);
      case "junit" -> JunitOutput.print(files, locale, out);
      default -> ValidationOutput.printText(files, out, texts);
    }
    return ValidationOutput.anyError(files) ? Cli.FINDINGS : Cli.OK;
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
