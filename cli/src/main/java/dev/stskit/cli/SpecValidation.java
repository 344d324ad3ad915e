package dev.stskit.cli;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFileException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Fix;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code validate} of a spec file (what {@code render} reads): each spec is compiled and the objects
 * it makes (the governing Service, the access Services, the StatefulSet) are validated together, as
 * one manifest file would be. {@code --fix OUT} writes the spec file again with the fixes applied: the
 * fixed StatefulSet is lifted back with its Services, so a fix of a field the spec models sets that
 * field and any other fix lands in {@code extras}, and {@code render} of the output gives the fixed
 * objects. The output has the input's format (YAML, or JSON for a JSON spec) and its specs in order.
 */
final class SpecValidation {
  /** No spec file is larger (core's {@code SpecFiles} refuses larger ones). */
  static final long MAX_SPEC_FILE = 3L * 1024 * 1024;

  /** A top-level key of a Kubernetes object at the start of a YAML line. */
  private static final Pattern MANIFEST_LINE = Pattern.compile("^(apiVersion|kind|metadata|spec|status)\\s*:");

  private SpecValidation() {}

  /**
   * Whether {@code in} is a spec file rather than Kubernetes manifests: a file (not stdin) of at most
   * {@link #MAX_SPEC_FILE} bytes whose first document is a mapping with none of the top-level keys of a
   * Kubernetes object ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec}, {@code status}).
   */
  static boolean isSpecFile(Inputs.Input in) {
    long size = in.size();
    if (in.isStdin() || size <= 0 || size > MAX_SPEC_FILE) {
      return false;
    }
    byte[] head;
    try (InputStream s = Files.newInputStream(in.path())) {
      head = s.readNBytes(8192);
    } catch (IOException e) {
      return false; // the manifest reader says what is wrong with the file
    }
    // the usual case, a manifest whose first lines are apiVersion and kind, without parsing
    String start = new String(head, StandardCharsets.UTF_8);
    for (String line : start.split("\n", -1)) {
      if (line.equals("---") || line.startsWith("--- ")) {
        break;
      }
      if (MANIFEST_LINE.matcher(line).find()) {
        return false;
      }
    }
    try {
      String text = new String(Files.readAllBytes(in.path()), StandardCharsets.UTF_8);
      return Yaml.isSpec(RenderCommand.documents(text).get(0).text());
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The YAML parser, apart so that {@code validate} of manifests (told apart above without parsing)
   * loads no Jackson class: the manifest reader does without it (ColdStartClassesTest).
   */
  private static final class Yaml {
    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();

    /** Whether the document is a mapping with none of the top-level keys of a Kubernetes object. */
    static boolean isSpec(String document) {
      JsonNode first = MAPPER.readTree(document);
      return first != null && first.isObject() && RenderCommand.MANIFEST_KEYS.stream().noneMatch(first::has);
    }
  }

  /** One spec of the file, compiled. */
  private record Compiled(RenderCommand.Document document, Manifests manifests) {}

  /**
   * Validates every object the file's specs make, each with all of them as its file; with
   * {@code fixOut}, writes the fixed spec file there.
   */
  static List<ValidationOutput.Document> validate(Validator validator, Inputs.Input in, Locale locale,
      Optional<String> fixOut) {
    String name = in.name();
    String text = Inputs.utf8("validate", name);
    List<Compiled> specs = new ArrayList<>();
    for (RenderCommand.Document doc : RenderCommand.documents(text)) {
      specs.add(new Compiled(doc, compile(name, doc)));
    }
    List<HasMetadata> file = new ArrayList<>();
    specs.forEach(c -> file.addAll(c.manifests().all()));
    List<ValidationOutput.Document> out = new ArrayList<>();
    List<String> fixed = new ArrayList<>();
    for (Compiled c : specs) {
      Report stsReport = null;
      for (HasMetadata o : c.manifests().all()) {
        Report report = validator.validate(o, file);
        out.add(document(out.size(), o, report));
        if (o instanceof StatefulSet) {
          stsReport = report;
        }
      }
      if (fixOut.isPresent()) {
        fixed.add(fixedSpec(name, c, stsReport == null ? List.of() : stsReport.findings()));
      }
    }
    if (fixOut.isPresent()) {
      write(fixOut.get(), String.join("---\n", fixed));
    }
    return out;
  }

  /** The spec of {@code c} with the fixes of {@code findings} applied, in the format it was written in. */
  private static String fixedSpec(String name, Compiled c, List<Finding> findings) {
    Manifests m = c.manifests();
    StatefulSet fixed = Fix.applyAll(m.statefulSet(), findings);
    List<Service> services = new ArrayList<>();
    services.add(m.governingService());
    services.addAll(m.accessServices());
    StatefulSetSpec spec;
    try {
      spec = StatefulSetSpec.lift(fixed, services.toArray(Service[]::new)).spec();
    } catch (SpecException e) {
      throw new UsageException("validate: --fix: " + name + ": the fixed StatefulSet cannot be written as a spec: "
          + Cli.oneLine(e.getMessage()), e);
    }
    return isJson(c.document().text()) ? SpecFiles.writeJson(spec) : SpecFiles.writeYaml(spec);
  }

  /** Whether a spec document is JSON (its first character other than blanks and comment lines is a brace). */
  static boolean isJson(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
        .map(l -> l.startsWith("{")).orElse(false);
  }

  private static Manifests compile(String name, RenderCommand.Document doc) {
    try {
      return SpecFiles.read(doc.text()).compile();
    } catch (SpecFileException e) {
      OptionalInt line = e.line();
      String at = name + (line.isPresent() ? ":" + (line.getAsInt() + doc.firstLine() - 1) : "");
      throw new UsageException("validate: " + at + ": " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.problem(), e);
    } catch (SpecException e) {
      throw new UsageException("validate: " + name + ": " + Cli.oneLine(e.getMessage()), e);
    }
  }

  /** A compiled object's findings; they have no line: the object is not the file's text. */
  private static ValidationOutput.Document document(int index, HasMetadata o, Report report) {
    List<ValidationOutput.Row> rows = new ArrayList<>();
    for (Finding f : report.findings()) {
      rows.add(new ValidationOutput.Row(f.ruleId(), f.severity().name().toLowerCase(Locale.ROOT), f.path(),
          f.type().wireName(), f.message(), f.hint(), Optional.empty(), Optional.empty()));
    }
    return new ValidationOutput.Document(index, o.getKind(), o.getMetadata().getName(), report.checked(), rows);
  }

  private static void write(String file, String text) {
    try {
      Files.writeString(java.nio.file.Path.of(file), text, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new UsageException("validate: --fix: cannot write " + file + ": " + Cli.oneLine(String.valueOf(e.getMessage())), e);
    }
  }
}
