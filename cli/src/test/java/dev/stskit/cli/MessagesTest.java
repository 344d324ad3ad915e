package dev.stskit.cli;

import static dev.stskit.cli.CliTest.resource;
import static dev.stskit.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.cli.CliTest.Run;
import dev.stskit.render.ReadProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The CLI's own words: --lang zh, the summary, --help, --version, render's errors. */
class MessagesTest {
  static final String HAN = "\\p{IsHan}";

  /** Every finding of a --format json run. */
  static List<JsonNode> findings(String json) {
    List<JsonNode> out = new ArrayList<>();
    JsonNode root = JsonMapper.builder().build().readTree(json);
    for (JsonNode f : root.get("files")) {
      for (JsonNode d : f.get("documents")) {
        d.get("findings").forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void langZhSaysEveryLineInChinese() {
    Run r = run("validate", "--lang", "zh", resource("invalid-sts.yaml"), resource("deployment.yaml"),
        resource("gpu-sts.yaml"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out().lines()).isNotEmpty().allSatisfy(l -> assertThat(l).containsPattern(HAN));
    assertThat(r.out()).doesNotContain("not checked", "document(s)", "is valid", "hint:", "unknown field");
  }

  @Test
  void langZhTranslatesStrictDecodingMessagesInJson() {
    Run r = run("validate", "--lang", "zh", "--format", "json", resource("invalid-sts.yaml"));
    List<JsonNode> strict = findings(r.out()).stream()
        .filter(f -> f.get("rule").asString().equals(ValidateCommand.STRICT_RULE)).toList();
    assertThat(strict).singleElement().satisfies(f -> {
      assertThat(f.get("field").asString()).isEqualTo("spec.template.spec.containers[0].imagee");
      assertThat(f.get("message").asString()).isEqualTo("未知字段 \"imagee\"");
    });
    Run en = run("validate", "--format", "json", resource("invalid-sts.yaml"));
    assertThat(findings(en.out())).filteredOn(f -> f.get("rule").asString().equals(ValidateCommand.STRICT_RULE))
        .singleElement().satisfies(f -> assertThat(f.get("message").asString()).isEqualTo("unknown field \"imagee\""));
  }

  @Test
  void everyShapeOfStrictDecodingMessageHasAChineseWording() {
    Texts zh = Texts.of(Locale.SIMPLIFIED_CHINESE);
    List<String> english = List.of(
        "unknown field \"imagee\"",
        "duplicate field \"image\" (first at line 7)",
        "map merge requires a mapping or a list of mappings",
        "a mapping key must be a scalar",
        "a mapping key must not be null",
        "number 4294967296 overflows int32",
        "cannot unmarshal number 1.5 into an integer field",
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \"1x\"",
        "invalid quantity \"1e999999\"",
        "quantity \"m\" has no digits or too large an exponent to compare; write it with digits (0)",
        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \""
            + "1".repeat(80) + "… (200 characters, truncated)\"",
        "cannot unmarshal object into a field of type string",
        "cannot unmarshal array into a field of type integer",
        "cannot unmarshal boolean yes into a field of type string (YAML 1.1 reads an unquoted yes as a boolean;"
            + " quote it: 'yes')",
        "cannot unmarshal number 1234 into a field of type string (quote it: '1234')",
        "cannot unmarshal string \"x\" into a field of type integer",
        "JSON has no form for .nan");
    for (String message : english) {
      ReadProblem p = ReadProblem.builder().kind(ReadProblem.Kind.WRONG_TYPE).path("spec").line(1).column(1)
          .message(message).build();
      String said = StrictMessages.localize(p, zh, Locale.SIMPLIFIED_CHINESE);
      assertThat(said).as(message).containsPattern(HAN)
          .doesNotContain("cannot", "unknown", "duplicate", "must", "requires", "overflows", "invalid", "quote it",
              "JSON has no", "类型错误: "); // the fallback for an unknown shape
      assertThat(StrictMessages.localize(p, Texts.of(Locale.ENGLISH), Locale.ENGLISH)).isEqualTo(message);
    }
  }

  @Test
  void theSummaryDoesNotCountUncheckedDocumentsAsChecked() {
    Run r = run("validate", resource("deployment.yaml"), CliTest.MYSQL_PAGE);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(lines.size() - 1)).isEqualTo("1 document(s) checked, 1 not checked: 0 error(s), 0 warning(s)");
    Run zh = run("validate", "--lang", "zh", resource("deployment.yaml"));
    List<String> zhLines = zh.out().lines().toList();
    assertThat(zhLines.get(zhLines.size() - 1)).isEqualTo("已检查 0 个文档，1 个未检查：0 个错误，0 个警告");
  }

  @Test
  void helpListsEveryOptionOfEveryCommand() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    List<String> options = new ArrayList<>();
    ImportCommand.FLAGS.forEach(o -> options.add("--" + o));
    ValidateCommand.OPTIONS.forEach(o -> options.add("--" + o));
    options.add("--version");
    assertThat(r.out()).contains(options);
  }

  @Test
  void versionPrintsTheProjectVersion() {
    Run r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).matches("sts-kit \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
  }

  @Test
  void renderOfAManifestSaysSoAndNamesImport() {
    Run r = run("render", CliTest.MYSQL_PAGE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("sts-kit: render: " + CliTest.MYSQL_PAGE + ":")
        .contains("is a Kubernetes manifest", "sts-kit import " + CliTest.MYSQL_PAGE)
        .doesNotContain("Unrecognized", "(class", "StatefulSetSpec"));
  }

  @Test
  void renderReportsEveryErrorOfASpecFile() {
    Path file = write("""
        name: web
        replicas: -2
        revisionHistoryLimit: many
        containers:
          - name: web
            image: nginx:1.27
            cpuRequest: lots
        ---
        name: second
        terminationGracePeriodSeconds: soon
        containers: [{name: c, image: nginx}]
        """);
    Run r = run("render", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    // in file order; the problems' words are the spec reader's
    List<String> at = List.of(":2: spec.replicas: ", ":3: spec.revisionHistoryLimit: ",
        ":7: spec.template.spec.containers[0] (name \"web\"): resources.requests.cpu: ",
        ":10: spec.template.spec.terminationGracePeriodSeconds: ");
    List<String> lines = r.err().lines().toList();
    assertThat(lines).hasSize(at.size());
    for (int i = 0; i < at.size(); i++) {
      assertThat(lines.get(i)).startsWith("sts-kit: render: " + file + at.get(i));
    }
  }

  @Test
  void aFieldLeftOutAfterItsErrorIsNotReportedAgainAsMissing() {
    Path file = write("name: web\ncontainers:\n  - name: web\n    image: 'no such: image'\n");
    Run r = run("render", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement()
        .satisfies(l -> assertThat(l).contains(":4: spec.template.spec.containers[0] (name \"web\"): image: "));
  }

  @Test
  void anErrorOfAContainerNamesItsIndexAndName() {
    Path file = write("name: web\ncontainers:\n  - {name: web, image: nginx}\n  - name: api\n    command: [serve]\n");
    Run r = run("render", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).singleElement().isEqualTo(
        "sts-kit: render: " + file + ":4: spec.template.spec.containers[1] (name \"api\"): image: required");
  }

  static Path write(String text) {
    try {
      Path file = Files.createTempFile("messages", ".yaml");
      file.toFile().deleteOnExit();
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
