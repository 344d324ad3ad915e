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
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code validate --format sarif}: SARIF 2.1.0, the format code-scanning views and most CI linters
 * read. One run per invocation; {@code tool.driver.rules} lists every rule the run checked (the
 * strict-decoding rule first) with its descriptions, help and the address of its docs page; each
 * finding is a result with its level, message, file position and field path (a logical location).
 */
final class SarifOutput {
  static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SarifOutput() {}

  static void print(List<ValidationOutput.FileResult> files, Validator validator, Locale locale, PrintStream out) {
    out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sarif(files, validator, locale)));
  }

  static ObjectNode sarif(List<ValidationOutput.FileResult> files, Validator validator, Locale locale) {
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

    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "sts-kit");
    driver.put("version", About.version());
    About.repository().ifPresent(r -> driver.put("informationUri", r));
    ArrayNode ruleArray = driver.putArray("rules");
    for (String id : ids) {
      RuleHelp h = rules.get(id);
      ObjectNode r = ruleArray.addObject();
      r.put("id", id);
      r.putObject("shortDescription").put("text", h.summary());
      r.putObject("fullDescription").put("text", h.fullDescription());
      ObjectNode help = r.putObject("help");
      help.put("text", h.helpText());
      help.put("markdown", h.helpMarkdown());
      h.helpUri().ifPresent(u -> r.put("helpUri", u));
      r.putObject("defaultConfiguration").put("level", levels.get(id));
      List<String> tags = sets.getOrDefault(id, List.of("cli"));
      ArrayNode tagArray = r.putObject("properties").putArray("tags");
      tags.forEach(tagArray::add);
    }
    run.put("language", language(locale));
    run.put("columnKind", "unicodeCodePoints");
    ArrayNode results = run.putArray("results");
    for (ValidationOutput.FileResult f : files) {
      for (ValidationOutput.Document d : f.documents()) {
        for (ValidationOutput.Row row : d.findings()) {
          results.add(result(f.file(), d, row, ids.indexOf(row.rule())));
        }
      }
    }
    return root;
  }

  private static ObjectNode result(String file, ValidationOutput.Document d, ValidationOutput.Row row, int ruleIndex) {
    ObjectNode r = JSON.createObjectNode();
    r.put("ruleId", row.rule());
    if (ruleIndex >= 0) {
      r.put("ruleIndex", ruleIndex);
    }
    r.put("level", level(row.severity()));
    String text = row.field() + ": " + row.message();
    r.putObject("message").put("text", text);
    ObjectNode location = r.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(file));
    if (!Path.of(file).isAbsolute()) {
      artifact.put("uriBaseId", "%SRCROOT%");
    }
    if (row.line().isPresent()) {
      ObjectNode region = physical.putObject("region");
      region.put("startLine", row.line().get());
      row.column().ifPresent(c -> region.put("startColumn", c));
    }
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("name", lastSegment(row.field()));
    logical.put("fullyQualifiedName", d.kind() + "/" + d.name() + ":" + row.field());
    logical.put("kind", "property");
    ObjectNode properties = r.putObject("properties");
    properties.put("field", row.field());
    properties.put("type", row.type());
    properties.put("document", d.index());
    properties.put("object", d.kind() + "/" + d.name());
    row.hint().ifPresent(h -> properties.put("hint", h));
    return r;
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
