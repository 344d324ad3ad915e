package dev.stskit.cli;

import static dev.stskit.cli.CliTest.resource;
import static dev.stskit.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate} with the linters' suppression annotations, {@code --fix}, {@code --config}, and {@code config}. */
class BestPracticeCliTest {
  @TempDir
  Path tmp;

  @Test
  void linterSuppressionAnnotationsSilenceTheCorrespondingChecks() {
    CliTest.Run plain = run("validate", "--rules", "best-practice", resource("best-practice/host-namespaces.yaml"));
    assertThat(plain.code()).isEqualTo(1);
    assertThat(plain.out()).contains("ERROR bp-security spec.template.spec.hostIPC",
        "ERROR bp-security spec.template.spec.hostPID",
        "ERROR bp-security spec.template.spec.containers[0].securityContext.privileged");
    CliTest.Run suppressed = run("validate", "--rules", "best-practice",
        resource("best-practice/host-namespaces-suppressed.yaml"));
    assertThat(suppressed.err()).isEmpty();
    // ignore-check.kube-linter.io/host-ipc, polaris.fairwinds.com/hostPIDSet-exempt, kube-score/ignore
    assertThat(suppressed.out()).doesNotContain("bp-security").doesNotContain("spec.template.spec.hostIPC");
    assertThat(suppressed.code()).isZero();
  }

  @Test
  void fixWritesTheFixedFileAndEveryFixableRulePassesOnIt() throws IOException {
    Path out = tmp.resolve("fixed.yaml");
    CliTest.Run r = run("validate", "--rules", "best-practice", "--fix", out.toString(),
        resource("best-practice/fixable.yaml"));
    assertThat(r.err()).isEmpty();
    List<String> fixable = List.of("bp-app-labels", "bp-dns-ndots", "bp-hardening", "bp-image-pull-policy",
        "bp-run-as-non-root", "bp-scheduling", "bp-security", "bp-service-account", "bp-statefulset");
    for (String rule : fixable) {
      assertThat(r.out()).as("the input breaks %s", rule).contains(" " + rule + " ");
    }
    String fixed = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(fixed).contains("kind: Service", "kind: StatefulSet", "kind: PodDisruptionBudget");
    assertThat(fixed.indexOf("kind: Service")).as("document order kept").isLessThan(fixed.indexOf("kind: StatefulSet"));
    CliTest.Run again = run("validate", "--rules", "best-practice", out.toString());
    assertThat(again.err()).isEmpty();
    for (String rule : fixable) {
      assertThat(again.out()).as("%s passes on the fixed file", rule).doesNotContain(" " + rule + " ");
    }
    assertThat(again.code()).isZero();
    // fixing the fixed file changes nothing
    Path twice = tmp.resolve("twice.yaml");
    run("validate", "--rules", "best-practice", "--fix", twice.toString(), out.toString());
    assertThat(Files.readString(twice, StandardCharsets.UTF_8)).isEqualTo(fixed);
  }

  @Test
  void fixTakesOneInputAndAFile() {
    CliTest.Run r = run("validate", "--fix", "-", resource("best-practice/fixable.yaml"));
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("sts-kit: validate: --fix OUT takes one MANIFEST.yaml");
  }

  @Test
  void configTurnsRulesOffAndChangesSeverities() {
    CliTest.Run r = run("validate", "--rules", "best-practice", "--config", resource("best-practice/config.yaml"),
        resource("best-practice/fixable.yaml"));
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).doesNotContain("bp-security").contains("INFO bp-hardening spec.template.spec.containers[0].ports[0].hostPort")
        .contains("WARNING bp-hardening spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem");
    CliTest.Run bad = run("validate", "--config", resource("best-practice/bad-config.yaml"), resource("best-practice/fixable.yaml"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("bad-config.yaml: rules.bp-security: must be error, warning, info or off, got 'loud'");
  }

  @Test
  void configConvertsPolarisAndKubeLinterConfigs() throws IOException {
    CliTest.Run p = run("config", "--from-polaris", resource("best-practice/polaris.yaml"));
    assertThat(p.code()).isZero();
    assertThat(p.out()).isEqualTo("""
        # sts-kit validate --config
        rules:
          bp-image-tag: error
          "bp-scheduling#priority-class": off
          "bp-security#host-ipc": warning
        """);
    CliTest.Run k = run("config", "--from-kube-linter", resource("best-practice/kube-linter.yaml"));
    assertThat(k.out()).contains("\"bp-security#host-ipc\": error", "\"bp-hardening#ssh-port\": off",
        "\"bp-security#host-pid\": off");
    // the converted file is a config validate reads
    Path converted = tmp.resolve("from-polaris.yaml");
    Files.writeString(converted, p.out(), StandardCharsets.UTF_8);
    CliTest.Run v = run("validate", "--rules", "best-practice", "--config", converted.toString(),
        resource("best-practice/host-namespaces.yaml"));
    assertThat(v.out()).contains("WARNING bp-security spec.template.spec.hostIPC", "ERROR bp-security spec.template.spec.hostPID");
    CliTest.Run none = run("config");
    assertThat(none.code()).isEqualTo(2);
  }
}
