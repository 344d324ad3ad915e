package dev.stskit.cli;

import static dev.stskit.cli.CliTest.resource;
import static dev.stskit.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.PullPolicy;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code validate} of a spec file and {@code --fix} writing the fixed spec: for every rule with a
 * mechanical fix, the input breaks it, and the fixed spec, validated and rendered, passes it.
 */
class SpecFixCliTest {
  private static final String FIXABLE = resource("best-practice/fixable-spec.yaml");

  @TempDir
  Path tmp;

  static List<String> fixableRules() {
    return List.of("bp-app-labels", "bp-dns-ndots", "bp-hardening", "bp-image-pull-policy", "bp-run-as-non-root",
        "bp-scheduling", "bp-security", "bp-service-account", "bp-statefulset");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixableRules")
  void theFixedSpecPassesTheRule(String rule) throws IOException {
    Path fixed = tmp.resolve("fixed.yaml");
    CliTest.Run r = run("validate", "--rules", "best-practice", "--fix", fixed.toString(), FIXABLE);
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).as("the spec breaks %s", rule).contains(" " + rule + " ");

    CliTest.Run again = run("validate", "--rules", "best-practice", fixed.toString());
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).as("%s passes on the fixed spec", rule).doesNotContain(" " + rule + " ");

    // rendered, as it would be applied, the fixed spec passes the rule too
    CliTest.Run rendered = run("render", fixed.toString());
    assertThat(rendered.code()).isZero();
    Path manifest = tmp.resolve("rendered.yaml");
    Files.writeString(manifest, rendered.out(), StandardCharsets.UTF_8);
    CliTest.Run onManifest = run("validate", "--rules", "best-practice", manifest.toString());
    assertThat(onManifest.err()).isEmpty();
    assertThat(onManifest.out()).as("%s passes on the rendered fixed spec", rule).doesNotContain(" " + rule + " ");
  }

  @Test
  void fixesOfModelledFieldsSetTheSpecAndTheOthersGoToExtras() throws IOException {
    Path fixed = tmp.resolve("fixed.yaml");
    run("validate", "--rules", "best-practice", "--fix", fixed.toString(), FIXABLE);
    StatefulSetSpec before = SpecFiles.read(Path.of(FIXABLE));
    StatefulSetSpec after = SpecFiles.read(fixed);
    // the form's own fields
    assertThat(before.containers().get(0).pullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
    assertThat(after.containers().get(0).pullPolicy()).isEqualTo(PullPolicy.ALWAYS);
    assertThat(before.hostNetwork()).contains(true);
    assertThat(after.hostNetwork()).isEmpty();
    assertThat(after.labels()).containsEntry("app.kubernetes.io/instance", "db");
    // what the form has no field for, by Kubernetes path, never a modelled field
    assertThat(after.extras().set()).containsEntry("spec.template.spec.automountServiceAccountToken", false)
        .doesNotContainKey("spec.template.spec.topologySpreadConstraints")
        .doesNotContainKey("spec.template.spec.hostNetwork")
        .doesNotContainKey("spec.template.spec.containers[0].imagePullPolicy");
    // the topology spread fix lands in the spec's own field
    assertThat(before.scheduling().topologySpreadConstraints()).isEmpty();
    assertThat(after.scheduling().topologySpreadConstraints()).isNotEmpty();
    // fixing the fixed spec changes nothing
    Path twice = tmp.resolve("twice.yaml");
    run("validate", "--rules", "best-practice", "--fix", twice.toString(), fixed.toString());
    assertThat(Files.readString(twice, StandardCharsets.UTF_8)).isEqualTo(Files.readString(fixed, StandardCharsets.UTF_8));
  }

  @Test
  void aJsonSpecIsFixedAsJsonAndSeveralSpecsInOrder() throws IOException {
    StatefulSetSpec spec = SpecFiles.read(Path.of(FIXABLE));
    Path json = tmp.resolve("db.json");
    Files.writeString(json, SpecFiles.writeJson(spec), StandardCharsets.UTF_8);
    Path fixed = tmp.resolve("fixed.json");
    CliTest.Run r = run("validate", "--rules", "best-practice", "--fix", fixed.toString(), json.toString());
    assertThat(r.err()).isEmpty();
    String out = Files.readString(fixed, StandardCharsets.UTF_8);
    assertThat(out).startsWith("{");
    assertThat(SpecFiles.read(out).containers().get(0).pullPolicy()).isEqualTo(PullPolicy.ALWAYS);

    Path two = tmp.resolve("two.yaml");
    Files.writeString(two, SpecFiles.writeYaml(spec) + "---\n" + SpecFiles.writeYaml(spec).replaceFirst("(?m)^name: db$", "name: cache"),
        StandardCharsets.UTF_8);
    Path fixedTwo = tmp.resolve("fixed-two.yaml");
    CliTest.Run both = run("validate", "--rules", "best-practice", "--fix", fixedTwo.toString(), two.toString());
    assertThat(both.err()).isEmpty();
    assertThat(both.out()).contains("2 document(s) checked, 2 not checked"); // two StatefulSets and their Services
    String[] specs = Files.readString(fixedTwo, StandardCharsets.UTF_8).split("(?m)^---\\n");
    assertThat(specs).hasSize(2);
    assertThat(SpecFiles.read(specs[0]).name()).isEqualTo("db");
    assertThat(SpecFiles.read(specs[1]).name()).isEqualTo("cache");
    assertThat(SpecFiles.read(specs[1]).containers().get(0).pullPolicy()).isEqualTo(PullPolicy.ALWAYS);
  }

  @Test
  void aSpecFileWithAnErrorNamesTheLineAndExitsTwo() throws IOException {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: web\nreplicas: -1\ncontainers:\n  - name: a\n    image: nginx:1.27\n",
        StandardCharsets.UTF_8);
    CliTest.Run r = run("validate", bad.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("sts-kit: validate: " + bad).contains("spec.replicas");
  }
}
