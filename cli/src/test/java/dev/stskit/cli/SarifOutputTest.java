package dev.stskit.cli;

import static dev.stskit.cli.CliTest.resource;
import static dev.stskit.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.validation.RuleDescriptor;
import dev.stskit.validation.Validator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code validate --format sarif}: valid SARIF 2.1.0 that says what the text format says. */
class SarifOutputTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SARIF_SCHEMA = schema();

  private static Schema schema() {
    try (InputStream in = SarifOutputTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> schemaErrors(JsonNode sarif) {
    return SARIF_SCHEMA.validate(sarif).stream().map(Error::toString).toList();
  }

  private static JsonNode sarif(String... args) {
    List<String> all = new ArrayList<>(List.of("validate", "--format", "sarif"));
    all.addAll(List.of(args));
    CliTest.Run r = run(all.toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isIn(0, 1);
    return JSON.readTree(r.out());
  }

  @Test
  void validatesAgainstTheSarif210Schema() {
    JsonNode sarif = sarif("--rules", "kubernetes,best-practice,platform,gpu,pss-restricted",
        resource("invalid-sts.yaml"), CliTest.MYSQL_PAGE, resource("deployment.yaml"));
    assertThat(sarif.path("results")).isEmpty();
    assertThat(sarif.path("runs").get(0).path("results")).isNotEmpty();
    assertThat(schemaErrors(sarif)).isEmpty();
  }

  @Test
  void theSchemaCheckCatchesBrokenSarif() {
    ObjectNode sarif = (ObjectNode) sarif(resource("invalid-sts.yaml"));
    ObjectNode broken = sarif.deepCopy();
    broken.remove("version");
    assertThat(schemaErrors(broken)).isNotEmpty();
    ObjectNode badLevel = sarif.deepCopy();
    ((ObjectNode) badLevel.path("runs").get(0).path("results").get(0)).put("level", "fatal");
    assertThat(schemaErrors(badLevel)).isNotEmpty();
    ObjectNode badLine = sarif.deepCopy();
    ((ObjectNode) badLine.path("runs").get(0).path("results").get(0).path("locations").get(0)
        .path("physicalLocation").path("region")).put("startLine", 0);
    assertThat(schemaErrors(badLine)).isNotEmpty();
  }

  @Test
  void oneRunListingEveryRuleCheckedWithItsDocsPage() {
    JsonNode run = sarif("--rules", "kubernetes,best-practice", resource("invalid-sts.yaml")).path("runs");
    assertThat(run).hasSize(1);
    JsonNode driver = run.get(0).path("tool").path("driver");
    assertThat(driver.path("name").asString()).isEqualTo("sts-kit");
    assertThat(driver.path("version").asString()).isNotBlank().doesNotContain("${");

    Set<String> expected = new LinkedHashSet<>();
    expected.add("strict-decoding");
    Validator.builder().addRuleSet("kubernetes").addRuleSet("best-practice").build().rules()
        .forEach(r -> expected.add(r.id()));
    List<String> ids = new ArrayList<>();
    driver.path("rules").forEach(r -> ids.add(r.path("id").asString()));
    assertThat(ids).containsExactlyElementsOf(expected);

    for (JsonNode rule : driver.path("rules")) {
      String id = rule.path("id").asString();
      assertThat(rule.path("shortDescription").path("text").asString()).as(id).isNotBlank();
      assertThat(rule.path("fullDescription").path("text").asString()).as(id).isNotBlank();
      assertThat(rule.path("help").path("text").asString()).as(id).isNotBlank().doesNotContain("## Fixtures");
      assertThat(rule.path("defaultConfiguration").path("level").asString()).as(id).isIn("error", "warning", "note");
      String uri = rule.path("helpUri").asString();
      String page = id.equals("strict-decoding") ? "docs/architecture.md" : "validation/docs/rules/" + id + ".md";
      assertThat(uri).as(id).contains("/blob/main/" + page);
      // the address is a file of this repository
      assertThat(Path.of("..").resolve(page)).as(id).exists();
    }
    JsonNode volumes = find(driver.path("rules"), "k8s-statefulset-counts");
    RuleDescriptor counts = Validator.ruleSet("kubernetes").rules().stream()
        .filter(r -> r.id().equals("k8s-statefulset-counts")).findFirst().orElseThrow();
    assertThat(volumes.path("shortDescription").path("text").asString()).isEqualTo(counts.summary());
    assertThat(volumes.path("help").path("markdown").asString()).startsWith("# k8s-statefulset-counts");
    assertThat(volumes.path("properties").path("tags").get(0).asString()).isEqualTo("kubernetes");
  }

  @Test
  void eachFindingIsAResultWithLevelPositionAndFieldPath() {
    JsonNode run = sarif(resource("invalid-sts.yaml")).path("runs").get(0);
    List<String> ruleIds = new ArrayList<>();
    run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asString()));
    JsonNode json = JSON.readTree(run("validate", "--format", "json", resource("invalid-sts.yaml")).out());
    JsonNode findings = json.path("files").get(0).path("documents").get(0).path("findings");
    assertThat(run.path("results")).hasSize(findings.size());
    for (int i = 0; i < findings.size(); i++) {
      JsonNode f = findings.get(i);
      JsonNode r = run.path("results").get(i);
      assertThat(r.path("ruleId").asString()).isEqualTo(f.path("rule").asString());
      assertThat(ruleIds.get(r.path("ruleIndex").asInt())).isEqualTo(f.path("rule").asString());
      assertThat(r.path("level").asString()).isEqualTo(SarifOutput.level(f.path("severity").asString()));
      assertThat(r.path("message").path("text").asString()).contains(f.path("message").asString());
      JsonNode loc = r.path("locations").get(0);
      JsonNode physical = loc.path("physicalLocation");
      assertThat(physical.path("artifactLocation").path("uri").asString()).endsWith("invalid-sts.yaml");
      assertThat(physical.path("region").path("startLine").asInt()).isEqualTo(f.path("line").asInt());
      assertThat(physical.path("region").path("startColumn").asInt()).isEqualTo(f.path("column").asInt());
      assertThat(loc.path("logicalLocations").get(0).path("fullyQualifiedName").asString())
          .isEqualTo("StatefulSet/web:" + f.path("field").asString());
    }
    JsonNode replicas = findResult(run.path("results"), "spec.replicas");
    assertThat(replicas.path("level").asString()).isEqualTo("error");
    assertThat(replicas.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt())
        .isEqualTo(6);
    JsonNode unknown = findResult(run.path("results"), "spec.template.spec.containers[0].imagee");
    assertThat(unknown.path("ruleId").asString()).isEqualTo("strict-decoding");
  }

  @Test
  void obeysLang() {
    JsonNode en = sarif(resource("invalid-sts.yaml")).path("runs").get(0);
    JsonNode zh = sarif("--lang", "zh", resource("invalid-sts.yaml")).path("runs").get(0);
    assertThat(en.path("language").asString()).isEqualTo("en");
    assertThat(zh.path("language").asString()).isEqualTo("zh-CN");
    String enMessage = findResult(en.path("results"), "spec.replicas").path("message").path("text").asString();
    String zhMessage = findResult(zh.path("results"), "spec.replicas").path("message").path("text").asString();
    assertThat(zhMessage).isNotEqualTo(enMessage).matches(s -> s.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "has Chinese characters");
    assertThat(schemaErrors(JSON.readTree(run("validate", "--format", "sarif", "--lang", "zh",
        resource("invalid-sts.yaml")).out()))).isEmpty();
  }

  @Test
  void sameInputSameBytes() {
    assertThat(run("validate", "--format", "sarif", resource("invalid-sts.yaml")).out())
        .isEqualTo(run("validate", "--format", "sarif", resource("invalid-sts.yaml")).out());
  }

  @Test
  void fileNamesBecomeUriReferences() {
    assertThat(SarifOutput.uri("dir/my file.yaml")).isEqualTo("dir/my%20file.yaml");
    assertThat(SarifOutput.uri("a:b.yaml")).isEqualTo("./a:b.yaml");
    assertThat(SarifOutput.uri("文件.yaml")).isEqualTo("%E6%96%87%E4%BB%B6.yaml");
    assertThat(SarifOutput.uri(Path.of("/tmp/x.yaml").toAbsolutePath().toString())).startsWith("file:/");
    assertThat(SarifOutput.lastSegment("spec.template.spec.containers[0]")).isEqualTo("[0]");
    assertThat(SarifOutput.lastSegment("metadata.annotations[kpanda.io/x]")).isEqualTo("[kpanda.io/x]");
    assertThat(SarifOutput.lastSegment("spec.replicas")).isEqualTo("replicas");
  }

  @Test
  void theRuleHelpComesFromTheDocsPage() throws IOException {
    String page = Files.readString(Path.of("../validation/docs/rules/bp-image-tag.md"));
    String description = RuleHelp.description(page, "Image without a tag or with the latest tag");
    assertThat(description).startsWith("Image without a tag or with the latest tag.")
        .contains("A digest (`@sha256:…`) pins the image").doesNotContain("Checked fields");
    assertThat(RuleHelp.withoutSection(page, "## Fixtures")).doesNotContain("valid.yaml").contains("## Silence it");
    assertThat(RuleHelp.plain("## Silence it\n**Severity:** `x` [page](a.md)")).isEqualTo("Silence it\nSeverity: x page");
    assertThat(Optional.of(page)).isNotEmpty();
  }

  /**
   * The SARIF output is the bytes Jackson's default pretty printer wrote before it was written
   * without Jackson: for every corpus file and the CLI's test files, in both languages, the CLI's
   * output is {@link PrettyJson}'s text of {@link SarifOutput#sarif}'s values, and that is
   * Jackson's text of a tree of the same values.
   */
  @Test
  void theCorpusGivesTheBytesJacksonWrote() {
    List<String> files = new ArrayList<>();
    Fixtures.allCorpus().forEach(f -> files.add(CliTest.fixtureFile(f)));
    files.add(CliTest.MYSQL_PAGE);
    for (String name : List.of("invalid-sts.yaml", "gpu-sts.yaml", "deployment.yaml", "two-sts.yaml",
        "only-service.yaml", "best-practice/host-namespaces.yaml", "best-practice/fixable.yaml")) {
      files.add(resource(name));
    }
    String rules = "kubernetes,best-practice,platform,gpu,pss-baseline,pss-restricted";
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      String lang = locale.getLanguage();
      List<String> args = new ArrayList<>(List.of("validate", "--rules", rules, "--lang", lang, "--format"));
      List<String> json = new ArrayList<>(args);
      json.add("json");
      json.addAll(files);
      List<String> sarif = new ArrayList<>(args);
      sarif.add("sarif");
      sarif.addAll(files);
      List<ValidationOutput.FileResult> results = fileResults(run(json.toArray(String[]::new)).out());
      assertThat(results.stream().mapToLong(f -> f.documents().stream().mapToLong(d -> d.findings().size()).sum())
          .sum()).as("findings").isGreaterThan(200);
      Validator.Builder b = Validator.builder().locale(locale);
      List.of(rules.split(",")).forEach(b::addRuleSet);
      Map<String, Object> values = SarifOutput.sarif(results, b.build(), locale);

      String expected = PrettyJsonTest.jackson(values) + System.lineSeparator();
      assertThat(PrettyJson.write(values) + System.lineSeparator()).isEqualTo(expected);
      assertThat(run(sarif.toArray(String[]::new)).out()).as(lang).isEqualTo(expected);
    }
  }

  /** Quotes, backslashes, control characters, U+2028, surrogates and non-ASCII in every string of a result. */
  @Test
  void hostileStringsGiveTheBytesJacksonWrote() {
    List<String> hostile = PrettyJsonTest.HOSTILE;
    List<ValidationOutput.Document> docs = new ArrayList<>();
    for (int i = 0; i < hostile.size(); i++) {
      String s = hostile.get(i);
      String other = hostile.get((i + 7) % hostile.size());
      List<ValidationOutput.Row> rows = List.of(
          new ValidationOutput.Row("k8s-statefulset-counts", "error", "spec." + s, s, s, Optional.of(other),
              Optional.of(i + 1), Optional.of(i + 1)),
          new ValidationOutput.Row(s, "warning", s, other, other, Optional.empty(), Optional.of(1), Optional.empty()),
          new ValidationOutput.Row(ValidateCommand.STRICT_RULE, "info", "metadata.annotations[" + s + "]", "Invalid",
              "", Optional.of(s), Optional.empty(), Optional.empty()));
      docs.add(new ValidationOutput.Document(i, s, other, true, rows));
    }
    List<String> names = new ArrayList<>(List.of("dir/\"q\" \\ x.yaml", "a:b.yaml", "文件 ☃ 😀.yaml", "line\u2028sep.yaml",
        "tab\there.yaml", "%SRCROOT%.yaml"));
    names.add(Path.of("").toAbsolutePath().resolve("abs é \u2028 \"q\".yaml").toString());
    List<ValidationOutput.FileResult> files = new ArrayList<>();
    for (String name : names) {
      files.add(new ValidationOutput.FileResult(name, docs));
    }
    files.add(new ValidationOutput.FileResult("empty.yaml", List.of()));
    for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
      Validator validator = Validator.builder().locale(locale).addRuleSet("kubernetes").build();
      Map<String, Object> values = SarifOutput.sarif(files, validator, locale);
      String expected = PrettyJsonTest.jackson(values) + System.lineSeparator();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        SarifOutput.print(files, validator, locale, out);
      }
      assertThat(bytes.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
      assertThat(expected).contains("\\u0001", "\u2028", "😀", "\\\"quoted\\\"");
      // and it is SARIF still (Jackson reads the bytes printed: a lone surrogate became '?')
      assertThat(schemaErrors(JSON.readTree(bytes.toString(StandardCharsets.UTF_8)))).isEmpty();
    }
    // no files: the empty results array as Jackson wrote it
    Map<String, Object> empty = SarifOutput.sarif(List.of(), Validator.builder().addRuleSet("gpu").build(),
        Locale.ENGLISH);
    assertThat(PrettyJson.write(empty)).isEqualTo(PrettyJsonTest.jackson(empty)).contains("\"results\" : [ ]");
  }

  /** The rows of {@code validate --format json}'s output. */
  private static List<ValidationOutput.FileResult> fileResults(String json) {
    List<ValidationOutput.FileResult> files = new ArrayList<>();
    for (JsonNode f : JSON.readTree(json).path("files")) {
      List<ValidationOutput.Document> docs = new ArrayList<>();
      for (JsonNode d : f.path("documents")) {
        List<ValidationOutput.Row> rows = new ArrayList<>();
        for (JsonNode r : d.path("findings")) {
          rows.add(new ValidationOutput.Row(r.path("rule").asString(), r.path("severity").asString(),
              r.path("field").asString(), r.path("type").asString(), r.path("message").asString(),
              r.has("hint") ? Optional.of(r.path("hint").asString()) : Optional.empty(),
              r.has("line") ? Optional.of(r.path("line").asInt()) : Optional.empty(),
              r.has("column") ? Optional.of(r.path("column").asInt()) : Optional.empty()));
        }
        docs.add(new ValidationOutput.Document(d.path("index").asInt(), text(d.path("kind")), text(d.path("name")),
            d.path("checked").asBoolean(true), rows));
      }
      files.add(new ValidationOutput.FileResult(f.path("file").asString(), docs));
    }
    return files;
  }

  private static String text(JsonNode n) {
    return n.isNull() ? null : n.asString();
  }

  private static JsonNode find(JsonNode rules, String id) {
    for (JsonNode r : rules) {
      if (r.path("id").asString().equals(id)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + id);
  }

  private static JsonNode findResult(JsonNode results, String field) {
    for (JsonNode r : results) {
      if (r.path("properties").path("field").asString().equals(field)) {
        return r;
      }
    }
    throw new AssertionError("no result at " + field);
  }
}
