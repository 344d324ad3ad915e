package dev.stskit.cli;

import dev.stskit.validation.RuleDescriptor;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.Validator;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code validate --format sarif}: SARIF 2.1.0, the format code-scanning views and most CI linters
 * read. One run per invocation; {@code tool.driver.rules} lists every rule the run checked (the
 * strict-decoding rule first) with its descriptions, help and the address of its docs page; each
 * finding is a result with its level, message, file position and field path (a logical location).
 * The log is built as plain values and written by {@link PrettyJson}: no Jackson class is loaded.
 */
final class SarifOutput {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private SarifOutput() {}

  static void print(List<ValidationOutput.FileResult> files, Validator validator, Locale locale, PrintStream out) {
    out.println(PrettyJson.write(sarif(files, validator, locale)));
  }

  /**
   * The SARIF log as plain values ({@link PrettyJson}'s): maps in the order their keys are
   * written, lists, strings and integers.
   */
  static Map<String, Object> sarif(List<ValidationOutput.FileResult> files, Validator validator, Locale locale) {
    Map<String, RuleHelp> rules = new LinkedHashMap<>();
    Map<String, List<String>> sets = new LinkedHashMap<>();
    Map<String, String> levels = new LinkedHashMap<>();
    rules.put(ValidateCommand.STRICT_RULE, RuleHelp.strictDecoding());
    levels.put(ValidateCommand.STRICT_RULE, "error");
    for (RuleSet set : validator.ruleSets()) {
      for (RuleDescriptor r : set.rules()) {
        rules.computeIfAbsent(r.id(), id -> RuleHelp.of(r));
        levels.putIfAbsent(r.id(), level(r.defaultSeverity().wireName()));
        sets.computeIfAbsent(r.id(), id -> new ArrayList<>()).add(set.name());
      }
    }
    List<String> ids = new ArrayList<>(rules.keySet());

    Map<String, Object> driver = object();
    driver.put("name", "sts-kit");
    driver.put("version", About.version());
    About.repository().ifPresent(r -> driver.put("informationUri", r));
    List<Object> ruleArray = new ArrayList<>();
    for (String id : ids) {
      RuleHelp h = rules.get(id);
      Map<String, Object> r = object();
      r.put("id", id);
      r.put("shortDescription", object("text", h.summary()));
      r.put("fullDescription", object("text", h.fullDescription()));
      Map<String, Object> help = object("text", h.helpText());
      help.put("markdown", h.helpMarkdown());
      r.put("help", help);
      h.helpUri().ifPresent(u -> r.put("helpUri", u));
      r.put("defaultConfiguration", object("level", levels.get(id)));
      r.put("properties", object("tags", new ArrayList<Object>(sets.getOrDefault(id, List.of("cli")))));
      ruleArray.add(r);
    }
    driver.put("rules", ruleArray);
    List<Object> results = new ArrayList<>();
    for (ValidationOutput.FileResult f : files) {
      for (ValidationOutput.Document d : f.documents()) {
        for (ValidationOutput.Row row : d.findings()) {
          results.add(result(f.file(), d, row, ids.indexOf(row.rule())));
        }
      }
    }
    Map<String, Object> run = object("tool", object("driver", driver));
    run.put("language", language(locale));
    run.put("columnKind", "unicodeCodePoints");
    run.put("results", results);

    Map<String, Object> root = object("$schema", SCHEMA);
    root.put("version", "2.1.0");
    root.put("runs", new ArrayList<Object>(List.of(run)));
    return root;
  }

  private static Map<String, Object> result(String file, ValidationOutput.Document d, ValidationOutput.Row row,
      int ruleIndex) {
    Map<String, Object> r = object("ruleId", row.rule());
    if (ruleIndex >= 0) {
      r.put("ruleIndex", ruleIndex);
    }
    r.put("level", level(row.severity()));
    r.put("message", object("text", row.field() + ": " + row.message()));
    Map<String, Object> artifact = object("uri", uri(file));
    if (!Path.of(file).isAbsolute()) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    Map<String, Object> physical = object("artifactLocation", artifact);
    if (row.line().isPresent()) {
      Map<String, Object> region = object("startLine", row.line().get());
      row.column().ifPresent(c -> region.put("startColumn", c));
      physical.put("region", region);
    }
    Map<String, Object> logical = object("name", lastSegment(row.field()));
    logical.put("fullyQualifiedName", d.kind() + "/" + d.name() + ":" + row.field());
    logical.put("kind", "property");
    Map<String, Object> location = object("physicalLocation", physical);
    location.put("logicalLocations", new ArrayList<Object>(List.of(logical)));
    r.put("locations", new ArrayList<Object>(List.of(location)));
    Map<String, Object> properties = object("field", row.field());
    properties.put("type", row.type());
    properties.put("document", d.index());
    properties.put("object", d.kind() + "/" + d.name());
    row.hint().ifPresent(h -> properties.put("hint", h));
    r.put("properties", properties);
    return r;
  }

  private static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  private static Map<String, Object> object(String key, Object value) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(key, value);
    return m;
  }

  /** SARIF's level of a severity: {@code info} is {@code note}. */
  static String level(String severity) {
    return switch (severity) {
      case "error" -> "error";
      case "warning" -> "warning";
      default -> "note";
    };
  }

  /** The run's language (RFC 5646) for {@code --lang}. */
  static String language(Locale locale) {
    return locale.getLanguage().equals("zh") ? "zh-CN" : "en";
  }

  /** A file name as given on the command line as a URI reference (relative stays relative). */
  static String uri(String file) {
    Path p = Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    String slashed = file.replace('\\', '/');
    int colon = slashed.indexOf(':');
    int slash = slashed.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      slashed = "./" + slashed; // "a:b.yaml" would read as a scheme
    }
    try {
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(file + ": not a file name a URI can hold", e);
    }
  }

  /** {@code spec.template} → {@code template}; {@code containers[0]} → {@code [0]}. */
  static String lastSegment(String field) {
    String rest = field.substring(ValidateCommand.parent(field).length());
    return rest.startsWith(".") ? rest.substring(1) : rest;
  }
}
