package dev.stskit.validation;

import dev.stskit.testing.rules.RuleTester;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine pieces the best-practice rules need: the file context, checks, suppression, fixes, config. */
class BestPracticeEngineTest {
  private static final RuleTester GOVERNING = RuleTester.of(dev.stskit.validation.rules.BpGoverningService.class);

  private static StatefulSet base() {
    return RuleTester.of(dev.stskit.validation.rules.BpSecurity.class).read("valid.yaml");
  }

  private static List<HasMetadata> file(String rule, String fixture) {
    return RuleTester.of(rule.equals("bp-governing-service") ? dev.stskit.validation.rules.BpGoverningService.class
        : dev.stskit.validation.rules.BpPodDisruptionBudget.class).readFile(fixture);
  }

  @Test
  void rulesSeeTheFileOnlyWhenGivenOne() {
    List<HasMetadata> invalid = file("bp-governing-service", "invalid.yaml");
    StatefulSet sts = (StatefulSet) invalid.get(0);
    Validator v = Validator.of(RuleSet.bestPractice());
    assertThat(v.validate(sts).findings()).extracting(Finding::ruleId).doesNotContain("bp-governing-service");
    assertThat(v.validate(sts, invalid).findings()).extracting(Finding::ruleId).contains("bp-governing-service");
    // a file with no Service and no PodDisruptionBudget: both are missing
    assertThat(v.validate(sts, List.of(sts)).findings()).extracting(f -> f.ruleId() + "#" + f.check().orElse(""))
        .contains("bp-governing-service#missing", "bp-pod-disruption-budget#missing");
    assertThat(GOVERNING.load("valid.yaml").report().findings()).isEmpty();
  }

  @Test
  void otherLintersAnnotationsSuppressTheCorrespondingCheckOnly() {
    StatefulSet sts = base();
    sts.getSpec().getTemplate().getSpec().setHostIPC(true);
    sts.getSpec().getTemplate().getSpec().setHostPID(true);
    Validator v = Validator.of(RuleSet.bestPractice());
    assertThat(checks(v.validate(sts))).contains("bp-security#host-ipc", "bp-security#host-pid");
    for (Map.Entry<String, String> a : Map.of(
        "ignore-check.kube-linter.io/host-ipc", "shared memory with the sidecar on the node",
        "polaris.fairwinds.com/hostIPCSet-exempt", "true",
        "kube-score/ignore", "label-values, container-security-context-privileged").entrySet()) {
      StatefulSet annotated = base();
      annotated.getSpec().getTemplate().getSpec().setHostIPC(true);
      annotated.getSpec().getTemplate().getSpec().setHostPID(true);
      annotated.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().setPrivileged(true);
      annotated.getMetadata().setAnnotations(new LinkedHashMap<>(Map.of(a.getKey(), a.getValue())));
      List<String> got = checks(v.validate(annotated));
      assertThat(got).as(a.getKey()).contains("bp-security#host-pid");
      if (a.getKey().startsWith("kube-score")) {
        assertThat(got).doesNotContain("bp-security#privileged").contains("bp-security#host-ipc");
      } else {
        assertThat(got).as(a.getKey()).doesNotContain("bp-security#host-ipc").contains("bp-security#privileged");
      }
    }
    // kube-apiserver's own rejections are not switched off by a linter's annotation
    assertThat(Correspondence.suppressedRules(Map.of("ignore-check.kube-linter.io/mismatching-selector", "x"))).isEmpty();
    // Polaris's blanket exemption covers every Polaris check, nothing else
    assertThat(Correspondence.suppressedRules(Map.of("polaris.fairwinds.com/exempt", "true")))
        .contains("bp-security#host-ipc", "bp-image-tag").doesNotContain("bp-hardening#ssh-port");
  }

  @Test
  void findingsCarryTheirFixAsAJsonPatch() {
    StatefulSet sts = base();
    sts.getSpec().getTemplate().getSpec().setHostNetwork(true);
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setImagePullPolicy("IfNotPresent");
    Report r = Validator.of(RuleSet.bestPractice()).validate(sts);
    Finding host = r.findings().stream().filter(f -> f.check().equals(java.util.Optional.of("host-network"))).findFirst().orElseThrow();
    assertThat(host.fix()).hasValueSatisfying(f -> assertThat(f.toString())
        .isEqualTo("[{\"op\":\"remove\",\"path\":\"/spec/template/spec/hostNetwork\"}]"));
    Finding pull = r.findings().stream().filter(f -> f.ruleId().equals("bp-image-pull-policy")).findFirst().orElseThrow();
    assertThat(pull.fix().orElseThrow().toString())
        .isEqualTo("[{\"op\":\"add\",\"path\":\"/spec/template/spec/containers/0/imagePullPolicy\",\"value\":\"Always\"}]");
    StatefulSet fixed = Fix.applyAll(sts, r.findings());
    assertThat(Validator.of(RuleSet.bestPractice()).validate(fixed).findings()).isEmpty();
    assertThat(sts.getSpec().getTemplate().getSpec().getHostNetwork()).as("the input is not changed").isTrue();
  }

  @Test
  void fixesCreateMissingParentsAndEscapeKeys() {
    StatefulSet sts = base();
    sts.getSpec().getTemplate().getSpec().setDnsConfig(null);
    sts.getMetadata().getLabels().remove("app.kubernetes.io/instance");
    Report r = Validator.of(RuleSet.bestPractice()).validate(sts);
    assertThat(checks(r)).containsExactlyInAnyOrder("bp-dns-ndots#ndots", "bp-app-labels#instance");
    assertThat(r.findings().get(0).fix().orElseThrow().toString()).contains("/metadata/labels/app.kubernetes.io~1instance");
    StatefulSet fixed = Fix.applyAll(sts, r.findings());
    assertThat(fixed.getSpec().getTemplate().getSpec().getDnsConfig().getOptions()).hasSize(1);
    assertThat(fixed.getMetadata().getLabels()).containsEntry("app.kubernetes.io/instance", "db");
    assertThatThrownBy(() -> Fix.replace(FieldPath.of("spec", "nothing", "here"), 1).applyTo(sts))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spec.nothing.here");
  }

  @Test
  void configTurnsRulesAndChecksOffAndChangesSeverities() {
    StatefulSet sts = base();
    sts.getSpec().getTemplate().getSpec().setHostIPC(true);
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setImagePullPolicy("IfNotPresent");
    ValidatorConfig c = ValidatorConfig.parse(Map.of("rules", Map.of("bp-security#host-ipc", "warning",
        "bp-image-pull-policy", "off")));
    Report r = c.applyTo(Validator.of(RuleSet.bestPractice())).validate(sts);
    assertThat(r.findings()).extracting(f -> f.ruleId() + " " + f.severity()).containsExactly("bp-security WARNING");
    assertThatThrownBy(() -> ValidatorConfig.parse(Map.of("rules", Map.of("bp-nope", "off"))))
        .hasMessageContaining("rules.bp-nope");
    assertThatThrownBy(() -> ValidatorConfig.parse(Map.of("rules", Map.of("bp-security", "loud"))))
        .hasMessageContaining("rules.bp-security").hasMessageContaining("loud");
    // the same config reads back from its YAML form (a map here, as the CLI parses it)
    assertThat(c.toYaml()).contains("bp-image-pull-policy: off", "\"bp-security#host-ipc\": warning");
  }

  @Test
  void kubeLinterAndPolarisConfigsConvert() {
    ValidatorConfig kl = ValidatorConfig.fromKubeLinter(Map.of("checks", Map.of(
        "doNotAutoAddDefaults", true, "include", List.of("host-ipc", "no-node-affinity"), "exclude", List.of("ssh-port"))));
    assertThat(kl.levels()).containsEntry("bp-security#host-ipc", "error").containsEntry("bp-node-affinity", "error")
        .containsEntry("bp-hardening#ssh-port", "off").containsEntry("bp-security#host-pid", "off")
        .doesNotContainKey("k8s-selector");
    ValidatorConfig pol = ValidatorConfig.fromPolaris(Map.of("checks", Map.of(
        "hostIPCSet", "warning", "priorityClassNotSet", "ignore", "tagNotSpecified", "danger")));
    assertThat(pol.levels()).containsExactlyInAnyOrderEntriesOf(Map.of("bp-security#host-ipc", "warning",
        "bp-scheduling#priority-class", "off", "bp-image-tag", "error"));
    assertThatThrownBy(() -> ValidatorConfig.fromPolaris(Map.of("checks", Map.of("hostIPCSet", "loud"))))
        .hasMessageContaining("checks.hostIPCSet");
  }

  @Test
  void everyCheckOfTheThreeToolsIsInTheTableOnce() {
    assertThat(Correspondence.entries()).extracting(e -> e.tool() + "/" + e.check()).doesNotHaveDuplicates();
    assertThat(Correspondence.entries().stream().filter(e -> e.tool() == Correspondence.Tool.KUBE_LINTER)).hasSize(63);
    assertThat(Correspondence.entries().stream().filter(e -> e.tool() == Correspondence.Tool.POLARIS)).hasSize(45);
    java.util.Set<String> ids = new java.util.HashSet<>();
    dev.stskit.validation.rules.BuiltInRules.ALL.forEach(r -> ids.add(RuleDescriptor.of(r).id()));
    for (Correspondence.Entry e : Correspondence.entries()) {
      for (String t : e.targets()) {
        assertThat(ids).as(e.check()).contains(t.contains("#") ? t.substring(0, t.indexOf('#')) : t);
      }
    }
  }

  @Test
  void readmeTableAndDocsPagesNameEveryCheck() throws java.io.IOException {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    for (Correspondence.Entry e : Correspondence.entries()) {
      String row = "| " + e.tool().display() + " | `" + e.check() + "` | " + e.toolDefault() + " | ";
      assertThat(readme).as("README row of %s", e.check()).contains(row + (e.covered() ? "covered by " : "not applicable"));
      for (String t : e.targets()) {
        String rule = t.contains("#") ? t.substring(0, t.indexOf('#')) : t;
        if (rule.startsWith("bp-")) {
          assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("docs", "rules", rule + ".md")))
              .as("docs page of %s names %s", rule, e.check()).contains("| " + e.tool().display() + " | `" + e.check() + "` |");
        }
      }
    }
    assertThat(readme).contains("**" + (LinterFixturesTest.POLARIS_APPLICABLE) + " of " + LinterFixturesTest.POLARIS_APPLICABLE)
        .contains("**" + LinterFixturesTest.KUBE_LINTER_APPLICABLE + " of " + LinterFixturesTest.KUBE_LINTER_APPLICABLE);
  }

  /**
   * Each best-practice rule's default severity is the strongest default of the kube-linter and Polaris
   * checks it covers (Polaris {@code danger} → error, {@code warning} → warning; kube-linter on → warning,
   * off → info). kube-score grades each finding rather than each check, so its checks, and sts-kit's own
   * advice with no check of any tool, give info.
   */
  @Test
  void severitiesFollowTheToolsDefaults() throws java.io.IOException {
    Map<String, Severity> expected = new LinkedHashMap<>();
    for (Correspondence.Entry e : Correspondence.entries()) {
      Severity s = switch (e.tool()) {
        case POLARIS -> e.toolDefault().equals("danger") ? Severity.ERROR
            : e.toolDefault().equals("warning") ? Severity.WARNING : Severity.INFO;
        case KUBE_LINTER -> e.toolDefault().equals("on") ? Severity.WARNING : Severity.INFO;
        case KUBE_SCORE -> Severity.INFO;
      };
      for (String t : e.targets()) {
        expected.merge(t.contains("#") ? t.substring(0, t.indexOf('#')) : t, s,
            (a, b) -> a.compareTo(b) <= 0 ? a : b); // ERROR sorts first
      }
    }
    for (RuleDescriptor d : RuleSet.bestPractice().rules()) {
      Severity want = expected.getOrDefault(d.id(), Severity.INFO);
      assertThat(d.defaultSeverity()).as("default severity of %s", d.id()).isEqualTo(want);
      String word = want.name().toLowerCase(java.util.Locale.ROOT);
      assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("docs", "rules", d.id() + ".md")))
          .as("docs page of %s", d.id()).contains("**Severity:** " + word + " ");
      assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("docs", "rules", "README.md")))
          .as("rules table row of %s", d.id()).contains("[`" + d.id() + "`](" + d.id() + ".md) | " + word + " |");
    }
    // the six rules sts-kit had before the linters' checks follow the same defaults
    assertThat(Map.of("bp-image-tag", Severity.ERROR, "bp-run-as-non-root", Severity.ERROR,
        "bp-anti-affinity", Severity.WARNING, "bp-resources", Severity.WARNING,
        "bp-readiness-probe", Severity.WARNING, "bp-claim-template", Severity.INFO))
        .allSatisfy((id, s) -> assertThat(expected.getOrDefault(id, Severity.INFO)).as(id).isEqualTo(s));
  }

  private static List<String> checks(Report r) {
    return r.findings().stream().map(f -> f.ruleId() + "#" + f.check().orElse("")).toList();
  }
}
