package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import dev.stskit.render.ManifestReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

class CliTest {

  /** The outcome of one run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(o, e).run(args);
    }
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static String resource(String name) {
    try {
      return Paths.get(CliTest.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String MYSQL_SPEC = Path.of("..", "examples", "specs", "mysql.yaml").toString();

  /** The page's MySQL example (sts-kit-test-fixtures' {@link Fixtures#MYSQL_PAGE}), as a file the CLI reads. */
  static final String MYSQL_PAGE = fixtureFile(Fixtures.MYSQL_PAGE);

  /** Writes a fixture of sts-kit-test-fixtures (a jar entry) to {@code target/fixtures/} and names the file. */
  static String fixtureFile(String fixture) {
    Path file = Path.of("target", "fixtures", fixture);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, Fixtures.text(fixture), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file.toAbsolutePath().toString();
  }

  @Test
  void rendersTheMysqlSpecFileToApplyReadyYaml() {
    Run r = run("render", MYSQL_SPEC);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .contains("kind: StatefulSet", "kind: Service", "name: test-mysql-123-mysql", "clusterIP: None")
        .doesNotContain("status:", "uid:", "resourceVersion:", "creationTimestamp");
  }

  @Test
  void renderIsByteStable() {
    assertThat(run("render", MYSQL_SPEC).out()).isEqualTo(run("render", MYSQL_SPEC).out());
  }

  @Test
  void importOfThePageYamlGivesWhatTheSpecFileRenders() {
    Run imported = run("import", MYSQL_PAGE);
    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).isEqualTo(run("render", MYSQL_SPEC).out());
  }

  @Test
  void importWithSpecPrintsASpecFileThatRendersTheSame() throws Exception {
    Run spec = run("import", MYSQL_PAGE, "--spec");
    assertThat(spec.code()).as(spec.err()).isZero();
    Path file = java.nio.file.Files.createTempFile("lifted", ".yaml");
    try {
      java.nio.file.Files.writeString(file, spec.out());
      assertThat(run("render", file.toString()).out()).isEqualTo(run("import", MYSQL_PAGE).out());
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void importOfAFileWithoutStatefulSetExitsTwo() {
    Run r = run("import", resource("only-service.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("only-service.yaml").contains("no apps/v1 StatefulSet");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void unreadableYamlExitsTwoWithFileAndLine() {
    Run r = run("import", resource("unreadable.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unreadable.yaml").containsPattern(":\\d+");
    assertThat(r.err().lines()).hasSize(1);
    Run v = run("validate", resource("unreadable.yaml"));
    assertThat(v.code()).isEqualTo(2);
    assertThat(v.err()).contains("unreadable.yaml");
  }

  @Test
  void missingFileExitsTwo() {
    Run r = run("render", "does-not-exist.yaml");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sts-kit: render: does-not-exist.yaml: no such file\n");
  }

  @Test
  void badSpecNamesTheFieldPath() {
    Run r = run("render", resource("bad-spec.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad-spec.yaml").contains("spec.replicas");
    assertThat(r.err().lines()).hasSize(1);
    Run noImage = run("render", resource("no-image-spec.yaml"));
    assertThat(noImage.code()).isEqualTo(2);
    assertThat(noImage.err()).contains("no-image-spec.yaml:3: spec.template.spec.containers[0] (name \"web\"): image: required");
  }

  @Test
  void badUsageExitsTwo() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
    assertThat(run("render").code()).isEqualTo(2);
    assertThat(run("validate", "--format", "xml", MYSQL_PAGE).code()).isEqualTo(2);
    assertThat(run("validate", "--lang", "fr", MYSQL_PAGE).code()).isEqualTo(2);
    assertThat(run("validate", "--rules", "nonsense", MYSQL_PAGE).code()).isEqualTo(2);
    assertThat(run("validate", "--rules", "kubernetes,,gpu", MYSQL_PAGE).code()).isEqualTo(2);
    assertThat(run("import", "--bogus", MYSQL_PAGE).code()).isEqualTo(2);
    assertThat(run("--help").code()).isZero();
  }

  @Test
  void theMysqlExampleValidatesClean() {
    Run r = run("validate", MYSQL_PAGE);
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).contains("0 error(s)");
  }

  @Test
  void invalidStatefulSetExitsOneWithPathsAndPositions() {
    Run r = run("validate", resource("invalid-sts.yaml"));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .contains("spec.replicas")
        .contains("spec.template.spec.containers[0].image")
        .contains("spec.template.spec.containers[0].imagee");
    // the replicas finding is placed on line 6 of the file
    assertThat(r.out()).containsPattern("invalid-sts.yaml:6:\\d+: ERROR \\S+ spec.replicas");
  }

  @Test
  void jsonFormatFollowsTheContract() {
    Run r = run("validate", "--format", "json", resource("invalid-sts.yaml"), MYSQL_PAGE);
    assertThat(r.code()).isEqualTo(1);
    tools.jackson.databind.JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.out());
    assertThat(json.propertyNames()).containsExactly("files");
    assertThat(json.path("files")).hasSize(2);
    tools.jackson.databind.JsonNode invalid = json.path("files").get(0);
    assertThat(invalid.path("file").asString()).isEqualTo(resource("invalid-sts.yaml"));
    tools.jackson.databind.JsonNode doc = invalid.path("documents").get(0);
    assertThat(doc.path("index").asInt(-1)).isZero();
    assertThat(doc.path("kind").asString()).isEqualTo("StatefulSet");
    assertThat(doc.path("name").asString()).isEqualTo("web");
    assertThat(doc.path("valid").isBoolean()).isTrue();
    assertThat(doc.path("valid").asBoolean()).isFalse();
    assertThat(doc.path("findings")).isNotEmpty().allSatisfy(f -> {
      assertThat(f.path("rule").asString()).isNotBlank();
      assertThat(f.path("severity").asString()).isIn("error", "warning", "info");
      assertThat(f.path("field").asString()).isNotBlank();
      assertThat(f.path("type").asString()).isNotBlank();
      assertThat(f.path("message").asString()).isNotBlank();
      assertThat(f.path("line").asInt()).isPositive();
      assertThat(f.path("column").asInt()).isPositive();
    });
    assertThat(doc.path("findings")).anySatisfy(f -> {
      assertThat(f.path("severity").asString()).isEqualTo("error");
      assertThat(f.path("field").asString()).isEqualTo("spec.replicas");
      assertThat(f.path("type").asString()).isEqualTo("Invalid");
      assertThat(f.path("line").asInt()).isEqualTo(6);
    });
    tools.jackson.databind.JsonNode mysql = json.path("files").get(1).path("documents").get(0);
    assertThat(mysql.path("valid").asBoolean(false)).isTrue();
    assertThat(mysql.path("name").asString()).isEqualTo("test-mysql-123-mysql");
  }

  @Test
  void chineseMessagesWithLangZh() {
    Run en = run("validate", resource("invalid-sts.yaml"));
    Run zh = run("validate", "--lang", "zh", resource("invalid-sts.yaml"));
    assertThat(zh.code()).isEqualTo(1);
    assertThat(zh.out()).isNotEqualTo(en.out()).containsPattern("\\p{IsHan}");
  }

  @Test
  void inventoryReachesTheGpuRuleSet() {
    Run without = run("validate", "--rules", "kubernetes,gpu", resource("gpu-sts.yaml"));
    assertThat(without.code()).as(without.out()).isZero();
    Run with = run("validate", "--rules", "kubernetes,gpu", "--inventory", resource("inventory.yaml"),
        resource("gpu-sts.yaml"));
    assertThat(with.code()).as(with.out()).isEqualTo(1);
    assertThat(with.out()).contains("gpu-inventory-fit");
  }

  @Test
  void unreadableInventoryExitsTwo() {
    Run r = run("validate", "--rules", "gpu", "--inventory", resource("unreadable.yaml"), resource("gpu-sts.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unreadable.yaml");
    assertThat(run("validate", "--inventory", "nope.yaml", resource("gpu-sts.yaml")).code()).isEqualTo(2);
  }

  @Test
  void everyRuleSetOfTheContractIsAvailable() {
    Run r = run("validate", "--rules", "kubernetes,platform,gpu,pss-baseline,pss-restricted,best-practice",
        MYSQL_PAGE);
    assertThat(r.err()).isEmpty();
    // the page's MySQL runs as UID 999 without a seccomp profile: restricted rejects it
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("ERROR pss-run-as-non-root", "WARNING platform-volume-claim-clash")
        .doesNotContain(" k8s-");
    // a missing field is placed where its nearest parent is: containers[0] starts on line 109
    assertThat(r.out()).contains(
        "mysql-statefulset.yaml:109:11: ERROR pss-run-as-non-root spec.template.spec.containers[0].securityContext.runAsNonRoot");
  }

  @Test
  void parentPathsClimbOneSegmentAtATime() {
    assertThat(ValidateCommand.parent("spec.template.spec.containers[0].image"))
        .isEqualTo("spec.template.spec.containers[0]");
    assertThat(ValidateCommand.parent("spec.template.spec.containers[0]")).isEqualTo("spec.template.spec.containers");
    assertThat(ValidateCommand.parent("metadata.labels[app.kubernetes.io/name]")).isEqualTo("metadata.labels");
    assertThat(ValidateCommand.parent("spec")).isEmpty();
  }

  @Test
  void importTakesOnlyTheServicesOfEachStatefulSet() {
    Run r = run("import", resource("two-sts.yaml"));
    assertThat(r.code()).as(r.err()).isZero();
    // a: its generated headless Service with its own port only; b: its headless + the "web" Service;
    // then the Services neither takes, passed through in input order
    List<HasMetadata> out = ManifestReader.strict().read(r.out(), "out.yaml").objects();
    assertThat(out).extracting(o -> o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName())
        .containsExactly("Service/prod/a", "StatefulSet/prod/a", "Service/prod/b", "Service/prod/web",
            "StatefulSet/prod/b", "Service/prod/unrelated", "Service/staging/a");
    assertThat(((Service) out.get(0)).getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(80);
  }

  @Test
  void importSpecOfSeveralStatefulSetsRendersBack() throws Exception {
    Run spec = run("import", resource("two-sts.yaml"), "--spec");
    assertThat(spec.code()).as(spec.err()).isZero();
    Path file = java.nio.file.Files.createTempFile("two", ".yaml");
    try {
      java.nio.file.Files.writeString(file, spec.out());
      Run rendered = run("render", file.toString());
      assertThat(rendered.code()).as(rendered.err()).isZero();
      // the same objects as import, less the Services no StatefulSet takes (the spec leaves them out)
      List<HasMetadata> imported = ManifestReader.strict().read(run("import", resource("two-sts.yaml")).out(), "i")
          .objects();
      assertThat(ManifestReader.strict().read(rendered.out(), "r").objects()).isEqualTo(imported.subList(0, 5));
      assertThat(spec.err().lines()).containsExactly(
          resource("two-sts.yaml") + ": note: document 3 (Service/unrelated) is not part of the spec: left out",
          resource("two-sts.yaml") + ": note: document 4 (Service/a) is not part of the spec: left out");
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }

  @Test
  void errorsInALaterSpecDocumentCountLinesFromTheFileStart() {
    String two = "name: a\ncontainers: [{name: c, image: nginx}]\n---\nname: b\nreplicas: -1\n"
        + "containers: [{name: c, image: nginx}]\n";
    Path file = write(two);
    Run r = run("render", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("sts-kit: render: " + file + ":5: spec.replicas: must be >= 0\n");
  }

  @Test
  void nonUtf8SpecIsOneClearLine() {
    Run r = run("render", resource("latin1-spec.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("latin1-spec.yaml: not UTF-8").doesNotContain("Input length");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void kindsNoRuleChecksAreSaidToBeUnchecked() {
    Run r = run("validate", resource("deployment.yaml"));
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("not checked").doesNotContain("is valid");
    tools.jackson.databind.JsonNode unchecked = tools.jackson.databind.json.JsonMapper.builder().build()
        .readTree(run("validate", "--format", "json", resource("deployment.yaml")).out())
        .path("files").get(0).path("documents").get(0);
    assertThat(unchecked.path("checked").isBoolean()).isTrue();
    assertThat(unchecked.path("checked").asBoolean(true)).isFalse();
  }

  @Test
  void aWriteErrorIsExitTwo() {
    java.io.OutputStream broken = new java.io.OutputStream() {
      @Override
      public void write(int b) throws java.io.IOException {
        throw new java.io.IOException("No space left on device");
      }
    };
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(broken, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(o, e).run("render", MYSQL_SPEC);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("sts-kit: render: cannot write the output\n");
  }

  @Test
  void importErrorIsOneLineEvenWithWarnings() {
    Path file = write("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: a}\nspec:\n  serviceName: a\n"
        + "  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n"
        + "    spec: {containers: [{name: c, imagee: nginx}]}\n");
    Run r = run("import", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).contains("StatefulSet/a: spec.template.spec.containers[0] (name \"c\"): image: required");
  }

  private static Path write(String text) {
    try {
      Path file = java.nio.file.Files.createTempFile("cli", ".yaml");
      file.toFile().deleteOnExit();
      java.nio.file.Files.writeString(file, text);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
