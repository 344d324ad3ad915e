package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the CLI's cold start honest without timing anything: each command runs in a fresh JVM
 * with {@code -Xlog:class+load}, and what it loads is checked. {@code validate} loads no class of
 * Jackson (core, databind, YAML), in the text and the SARIF format alike; {@code import} no class
 * of Jackson databind; no command loads the hundreds of fabric8 model classes of kinds it never
 * reads (the reader knows the kinds from its index, not by loading every registered class). A
 * change that puts them back on a command's path fails here; bench/README.md has what they cost.
 */
class ColdStartClassesTest {
  @TempDir Path tmp;
  private int runs;

  /** The classes a fresh JVM loads running {@code sts-kit args…}. */
  private List<String> classesLoadedBy(String... args) throws IOException, InterruptedException {
    Path log = tmp.resolve("classes-" + args[0] + "-" + runs++ + ".txt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(tmp.resolve("stderr-" + args[0] + ".txt").toFile()).start();
    // a hang, not a timing: a run takes a second or two
    assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("sts-kit %s ends", args[0]).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("stderr-" + args[0] + ".txt"))).isIn(0, 1);
    List<String> classes = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      // [0.012s][info][class,load] java.lang.Object source: jrt:/java.base
      int start = line.indexOf("] ");
      int end = line.indexOf(" source:");
      if (start > 0 && end > start) {
        classes.add(line.substring(start + 2, end));
      }
    }
    assertThat(classes).as("the class-load log").hasSizeGreaterThan(500);
    return classes;
  }

  /** fabric8 model classes outside the core (v1) and apps/v1 packages: kinds no command here reads. */
  private static List<String> otherKinds(List<String> classes) {
    return classes.stream()
        .filter(c -> c.startsWith("io.fabric8.kubernetes.api.model."))
        .filter(c -> !c.startsWith("io.fabric8.kubernetes.api.model.apps."))
        .filter(c -> c.substring("io.fabric8.kubernetes.api.model.".length()).contains("."))
        .toList();
  }

  @Test
  void validateLoadsNoJacksonAndNoModelOfAnotherKind() throws Exception {
    List<String> classes = classesLoadedBy("validate", CliTest.MYSQL_PAGE);
    assertThat(classes).as("validate runs").contains(ValidateCommand.class.getName());
    // Jackson's annotations (com.fasterxml.jackson.annotation) are read off fabric8's classes by the
    // reader; Jackson itself (core, databind, the YAML module) is not needed
    assertThat(classes.stream().filter(c -> c.startsWith("tools.jackson.")))
        .as("Jackson classes loaded by validate").isEmpty();
    assertThat(otherKinds(classes)).as("fabric8 models of kinds the file does not have").isEmpty();
  }

  /**
   * {@code validate --format sarif} writes its report with the CLI's own JSON writer
   * ({@link PrettyJson}), not Jackson's: Jackson's pretty printer and tree took ~800 classes more.
   */
  @Test
  void validateAsSarifLoadsNoJackson() throws Exception {
    List<String> classes = classesLoadedBy("validate", "--format", "sarif", CliTest.MYSQL_PAGE);
    assertThat(classes).as("validate --format sarif runs").contains(SarifOutput.class.getName());
    assertThat(classes.stream().filter(c -> c.startsWith("tools.jackson.")))
        .as("Jackson classes loaded by validate --format sarif").isEmpty();
  }

  @Test
  void importLoadsNoJacksonDatabind() throws Exception {
    List<String> classes = classesLoadedBy("import", CliTest.MYSQL_PAGE);
    assertThat(classes).as("import runs").contains(ImportCommand.class.getName());
    // lift, server-field stripping and the apply-ready renderer work on fabric8 objects by
    // reflection (core's Beans, render's TypeInfo): Jackson databind's serializers and
    // deserializers, built per fabric8 class, took 0.2 s of a 0.56 s run
    assertThat(classes.stream().filter(c -> c.startsWith("tools.jackson.databind.")))
        .as("Jackson databind classes loaded by import").isEmpty();
    // a Service, and a PodDisruptionBudget of a kind without a Go field-order table, passed through
    List<String> passThrough = classesLoadedBy("import",
        CliTest.fixtureFile("corpus/multidoc/kubernetes__examples__archived-cockroachdb-statefulset.yaml"));
    assertThat(passThrough).contains("io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudget");
    assertThat(passThrough.stream().filter(c -> c.startsWith("tools.jackson.databind.")))
        .as("Jackson databind classes loaded by import of a file with other kinds").isEmpty();
  }

  @Test
  void importAndRenderLoadNoModelOfAnotherKind() throws Exception {
    List<String> imported = classesLoadedBy("import", CliTest.MYSQL_PAGE);
    assertThat(imported).contains(ImportCommand.class.getName());
    assertThat(otherKinds(imported)).as("fabric8 models loaded by import").isEmpty();
    List<String> rendered = classesLoadedBy("render", CliTest.MYSQL_SPEC);
    assertThat(rendered).contains(RenderCommand.class.getName());
    assertThat(otherKinds(rendered)).as("fabric8 models loaded by render").isEmpty();
  }

  /**
   * {@code render} reads its spec file with the fast reader (core's {@code FastSpecReader}): no
   * Jackson mapper is built and nothing is introspected, which took half of a cold render.
   */
  @Test
  void renderBuildsNoJacksonMapper() throws Exception {
    List<String> rendered = classesLoadedBy("render", CliTest.MYSQL_SPEC);
    assertThat(rendered).contains(RenderCommand.class.getName());
    assertThat(rendered.stream().filter(c -> c.equals("tools.jackson.databind.ObjectMapper")
            || c.equals("tools.jackson.databind.DeserializationContext")
            || c.equals("tools.jackson.databind.SerializationContext")
            || c.startsWith("tools.jackson.databind.introspect.")))
        .as("Jackson databind's machinery loaded by render").isEmpty();
  }

  /**
   * {@code import --spec} writes the spec file with the fast writer (core's {@code FastSpecWriter}):
   * as for {@code render}, no Jackson mapper is built and nothing is introspected — the spec file's
   * mappers ({@code SpecMapper}) and the serializers of the spec's types took most of the command's
   * time over {@code import}.
   */
  @Test
  void importSpecBuildsNoJacksonMapper() throws Exception {
    List<String> imported = classesLoadedBy("import", CliTest.MYSQL_PAGE, "--spec");
    assertThat(imported).contains(ImportCommand.class.getName(), "dev.stskit.core.internal.FastSpecWriter");
    assertThat(imported.stream().filter(c -> c.equals("tools.jackson.databind.ObjectMapper")
            || c.equals("tools.jackson.databind.DeserializationContext")
            || c.equals("tools.jackson.databind.SerializationContext")
            || c.startsWith("tools.jackson.databind.introspect.")
            || c.equals("dev.stskit.core.internal.SpecMapper")))
        .as("Jackson databind's machinery loaded by import --spec").isEmpty();
  }
}
