package dev.stskit.cli;

import static dev.stskit.cli.CliTest.resource;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories, stdin, --jobs and progress of the batch commands (validate, render). */
class BatchCliTest {

  static CliTest.Run run(byte[] stdin, boolean errTty, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(new ByteArrayInputStream(stdin), o, e, false, errTty).run(args);
    }
    return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static CliTest.Run run(String... args) {
    return run(new byte[0], false, args);
  }

  static String sts(int i, boolean valid) {
    return """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web-%d
          labels: {app: web-%d}
        spec:
          serviceName: web-%d
          replicas: %s
          selector:
            matchLabels: {app: web-%d}
          template:
            metadata:
              labels: {app: web-%d}
            spec:
              containers:
                - name: web
                  image: nginx:1.%d
                  ports: [{containerPort: 80, name: http}]
        """.formatted(i, i, i, valid ? "2" : "-1", i, i, i);
  }

  /**
   * A directory of 60 manifest files in nested directories — valid, invalid (replicas −1, an
   * unknown field), several documents a file, a Service, a ConfigMap no rule set checks — and
   * files the command must skip.
   */
  static Path manifests(Path dir) throws IOException {
    for (int i = 0; i < 60; i++) {
      Path sub = dir.resolve("team-" + (i % 4)).resolve(i % 3 == 0 ? "nested" : ".");
      Files.createDirectories(sub);
      StringBuilder text = new StringBuilder(sts(i, i % 7 != 0));
      if (i % 5 == 0) {
        text.append("---\napiVersion: v1\nkind: Service\nmetadata: {name: web-").append(i)
            .append("}\nspec:\n  clusterIP: None\n  selector: {app: web-").append(i).append("}\n  ports: [{port: 80}]\n");
      }
      if (i % 6 == 0) {
        text.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c-").append(i).append("}\ndata: {k: v}\n");
      }
      if (i % 11 == 0) {
        text.append("---\n").append(sts(1000 + i, true).replace("  replicas:", "  replicaz: 1\n  replicas:"));
      }
      String ext = i % 2 == 0 ? ".yaml" : ".yml";
      Files.writeString(sub.resolve("sts-" + i + ext), text);
    }
    Files.writeString(dir.resolve("notes.txt"), "not a manifest");
    Files.writeString(dir.resolve("team-0").resolve("README.md"), "not a manifest either");
    return dir;
  }

  @Test
  void validateOfADirectoryGivesTheSameBytesAndExitCodeWithOneJobAndWithFour(@TempDir Path tmp) throws IOException {
    Path dir = manifests(tmp);
    for (String format : List.of("text", "json", "sarif", "junit")) {
      CliTest.Run one = run("validate", dir.toString(), "--format", format, "--jobs", "1");
      CliTest.Run four = run("validate", dir.toString(), "--format", format, "--jobs", "4");
      assertThat(one.code()).as(format + ": " + one.err()).isEqualTo(1);
      assertThat(four.code()).as(format).isEqualTo(one.code());
      assertThat(four.out()).as(format).isEqualTo(one.out());
      assertThat(one.err()).isEmpty();
      assertThat(four.err()).isEmpty();
    }
    CliTest.Run text = run("validate", dir.toString(), "--jobs", "3", "--rules", "kubernetes,best-practice");
    assertThat(text.out()).isEqualTo(run("validate", dir.toString(), "--jobs", "1", "--rules",
        "kubernetes,best-practice").out());
  }

  @Test
  void aDirectoryIsEveryManifestUnderItInSortedPathOrderAsIfEachWereNamed(@TempDir Path tmp) throws IOException {
    Path dir = manifests(tmp);
    List<String> files = new ArrayList<>();
    try (var walk = Files.walk(dir)) {
      walk.map(Path::toString).filter(f -> f.endsWith(".yaml") || f.endsWith(".yml")).sorted().forEach(files::add);
    }
    assertThat(files).hasSize(60);
    List<String> args = new ArrayList<>(List.of("validate", "--format", "json", "--jobs", "2"));
    args.addAll(files);
    CliTest.Run named = run(args.toArray(String[]::new));
    CliTest.Run walked = run("validate", "--format", "json", "--jobs", "2", dir.toString());
    assertThat(walked.out()).isEqualTo(named.out());
    // the report's files are in that order, each file's documents in file order
    List<String> reported = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(file|index)\":(\"[^\"]*\"|\\d+)").matcher(walked.out());
    while (m.find()) {
      if (m.group(1).equals("file")) {
        reported.add(m.group(2).substring(1, m.group(2).length() - 1));
      } else {
        indices.add(Integer.parseInt(m.group(2)));
      }
    }
    assertThat(reported).isEqualTo(files);
    assertThat(indices).contains(0, 1, 2);
    assertThat(walked.out()).contains("\"index\":3,\"kind\":\"StatefulSet\",\"name\":\"web-1000\"");
  }

  @Test
  void stdinIsReadAsAFileIs(@TempDir Path tmp) throws IOException {
    Path file = manifests(tmp).resolve("team-0").resolve("nested").resolve("sts-0.yaml");
    byte[] bytes = Files.readAllBytes(file);
    for (String format : List.of("text", "json")) {
      CliTest.Run fromFile = run("validate", file.toString(), "--format", format);
      CliTest.Run fromStdin = run(bytes, false, "validate", "-", "--format", format);
      assertThat(fromStdin.code()).isEqualTo(fromFile.code()).isEqualTo(1);
      assertThat(fromStdin.out()).isEqualTo(fromFile.out().replace(file.toString(), "<stdin>"));
    }
    CliTest.Run bp = run(bytes, false, "validate", "-", "--rules", "kubernetes,best-practice");
    assertThat(bp.out()).isEqualTo(run("validate", file.toString(), "--rules", "kubernetes,best-practice").out()
        .replace(file.toString(), "<stdin>"));
  }

  /** A stream over the reader's 3 MiB input limit goes through: it is read one document at a time. */
  @Test
  void validateStreamsInputLargerThanTheReadersInputLimit(@TempDir Path tmp) throws IOException {
    StringBuilder big = new StringBuilder();
    int n = 0;
    while (big.length() < 3_300_000) {
      big.append("---\n").append(sts(n, true)).append("  # ").append("x".repeat(400)).append('\n');
      n++;
    }
    Path file = tmp.resolve("big.yaml");
    Files.writeString(file, big);
    CliTest.Run r = run(big.toString().getBytes(StandardCharsets.UTF_8), false, "validate", "-", "--jobs", "2");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).endsWith(n + " document(s) checked: 0 error(s), 0 warning(s)\n");
    assertThat(run("validate", file.toString(), "--jobs", "2").out()).isEqualTo(r.out().replace("<stdin>", file.toString()));
  }

  @Test
  void anUnreadableDocumentOfAStreamNamesItsLineWhateverTheJobs(@TempDir Path tmp) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("---\n").append(sts(i, true));
    }
    text.append("---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: [x\n");
    Path file = tmp.resolve("broken.yaml");
    Files.writeString(file, text);
    // the line and column a whole read of the file names
    String expected = "sts-kit: validate: " + org.assertj.core.api.Assertions.catchThrowable(
        () -> dev.stskit.render.ManifestReader.strict().read(file)).getMessage() + "\n";
    CliTest.Run one = run("validate", file.toString(), "--jobs", "1");
    CliTest.Run four = run("validate", file.toString(), "--jobs", "4");
    assertThat(one.code()).isEqualTo(2);
    assertThat(four.code()).isEqualTo(2);
    assertThat(one.err()).isEqualTo(expected).isEqualTo(four.err()).contains(file + ":575:1: invalid YAML");
    assertThat(one.err().lines()).hasSize(1);
    assertThat(four.out()).isEqualTo(one.out());
  }

  static String spec(int i, boolean valid) {
    return """
        name: app-%d
        replicas: %d
        containers:
          - name: app
            image: registry.local/app:%d.0
            env: [{name: N, type: value, value: "%d"}]
        """.formatted(i, valid ? 1 + i % 3 : -1, i, i);
  }

  @Test
  void renderOfADirectoryOrStdinGivesEveryFilesYamlInOrderTheSameWithAnyJobs(@TempDir Path tmp) throws IOException {
    StringBuilder all = new StringBuilder();
    List<String> perFile = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      String text = spec(i, true) + (i % 4 == 0 ? "---\n" + spec(100 + i, true) : "");
      Path f = tmp.resolve(String.format("spec-%02d.yaml", i));
      Files.writeString(f, text);
      all.append("---\n").append(text);
      CliTest.Run one = run("render", f.toString());
      assertThat(one.code()).as(one.err()).isZero();
      perFile.add(one.out());
    }
    String expected = String.join("---\n", perFile);
    CliTest.Run one = run("render", tmp.toString(), "--jobs", "1");
    CliTest.Run four = run("render", tmp.toString(), "--jobs", "4");
    assertThat(one.code()).isZero();
    assertThat(one.out()).isEqualTo(expected);
    assertThat(four.out()).isEqualTo(expected);
    CliTest.Run stdin = run(all.toString().getBytes(StandardCharsets.UTF_8), false, "render", "-", "--jobs", "4");
    assertThat(stdin.code()).as(stdin.err()).isZero();
    assertThat(stdin.out()).isEqualTo(expected);
  }

  @Test
  void renderSkipsAFileWithErrorsRendersTheOthersAndExitsTwo(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.yaml"), spec(1, true));
    Files.writeString(tmp.resolve("b.yaml"), spec(2, true) + "---\n" + spec(3, false));
    Files.writeString(tmp.resolve("c.yaml"), spec(4, true));
    for (String jobs : List.of("1", "3")) {
      CliTest.Run r = run("render", tmp.toString(), "--jobs", jobs);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.out()).contains("name: app-1", "name: app-4").doesNotContain("app-2", "app-3");
      assertThat(r.err()).isEqualTo("sts-kit: render: " + tmp.resolve("b.yaml") + ":9: spec.replicas: must be >= 0\n");
    }
    // stdin: a document with errors renders nothing; the ones around it render
    CliTest.Run r = run((spec(1, true) + "---\n" + spec(3, false) + "---\n" + spec(4, true))
        .getBytes(StandardCharsets.UTF_8), false, "render", "-");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).contains("name: app-1", "name: app-4").doesNotContain("app-3");
    assertThat(r.err()).isEqualTo("sts-kit: render: <stdin>:9: spec.replicas: must be >= 0\n");
  }

  @Test
  void badBatchUsageExitsTwoWithOneLine(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "x");
    CliTest.Run empty = run("validate", tmp.toString());
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).isEqualTo("sts-kit: validate: " + tmp + ": no *.yaml, *.yml or *.json file in the directory\n");
    assertThat(run("validate", "-", "-").err()).isEqualTo("sts-kit: validate: '-' (stdin) given twice\n");
    for (String bad : List.of("0", "-2", "many", "100000")) {
      CliTest.Run r = run("render", resource("gpu-sts.yaml"), "--jobs", bad);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("sts-kit: render: --jobs must be a whole number from 1 to 1024, got '" + bad + "'\n");
    }
    CliTest.Run emptyStdin = run(new byte[0], false, "render", "-");
    assertThat(emptyStdin.code()).isEqualTo(2);
    assertThat(emptyStdin.err()).isEqualTo("sts-kit: render: <stdin>: empty spec file\n");
  }

  /** Progress goes to stderr only when it is a terminal, and --no-progress turns it off there too. */
  @Test
  void progressIsShownOnlyOnATerminal(@TempDir Path tmp) throws IOException {
    Path dir = manifests(tmp);
    CliTest.Run notTty = run(new byte[0], false, "validate", dir.toString());
    assertThat(notTty.err()).isEmpty();
    CliTest.Run off = run(new byte[0], true, "validate", dir.toString(), "--no-progress");
    assertThat(off.err()).isEmpty();
    assertThat(off.out()).isEqualTo(notTty.out());
    CliTest.Run tty = run(new byte[0], true, "validate", dir.toString());
    assertThat(tty.out()).isEqualTo(notTty.out());
    // whatever was drawn was cleared again: the line ends blank, the cursor at its start
    assertThat(tty.err()).satisfiesAnyOf(e -> assertThat(e).isEmpty(), e -> assertThat(e).endsWith("\r"));
  }

  @Test
  void theProgressLineCountsDocumentsRateAndTimeLeft() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Progress p = Progress.of(err, true, 1000, 0);
    p.done(3, 250);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).startsWith("\rsts-kit: 3 documents, ").contains("/s, 25%, ")
        .endsWith(" left");
    p.clear();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).endsWith("\r");
    ByteArrayOutputStream none = new ByteArrayOutputStream();
    Progress off = Progress.of(new PrintStream(none, true, StandardCharsets.UTF_8), false, 1000, 0);
    off.done(3, 250);
    off.clear();
    assertThat(none.size()).isZero();
    assertThat(Progress.clock(3725)).isEqualTo("1:02:05");
    assertThat(Progress.clock(65)).isEqualTo("1:05");
  }
}
