package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The upstream Pod Security Admission conformance fixtures (policy v1.37, {@code psa/INDEX.md}): each
 * bare Pod's metadata annotations and spec are wrapped into a StatefulSet pod template and validated
 * with the level's rule set. A {@code pass} pod gets no error; a {@code fail} pod gets at least one
 * error, and one from the rule porting the check its file is named after.
 */
class PodSecurityConformanceTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** File prefix (lower-cased check id) to rule id, per level; at restricted, overridden checks map to their replacement. */
  private static final Map<String, String> BASELINE = Map.ofEntries(
      Map.entry("apparmorprofile", "pss-apparmor"),
      Map.entry("capabilities_baseline", "pss-capabilities-baseline"),
      Map.entry("hostnamespaces", "pss-host-namespaces"),
      Map.entry("hostpathvolumes", "pss-host-path-volumes"),
      Map.entry("hostports", "pss-host-ports"),
      Map.entry("hostprobesandhostlifecycle", "pss-host-probes"),
      Map.entry("privileged", "pss-privileged"),
      Map.entry("procmount", "pss-proc-mount"),
      Map.entry("seccompprofile_baseline", "pss-seccomp-baseline"),
      Map.entry("selinuxoptions", "pss-selinux"),
      Map.entry("sysctls", "pss-sysctls"),
      Map.entry("windowshostprocess", "pss-windows-host-process"));
  private static final Map<String, String> RESTRICTED = restricted();

  private static Map<String, String> restricted() {
    Map<String, String> m = new LinkedHashMap<>(BASELINE);
    m.put("capabilities_baseline", "pss-capabilities-restricted");
    m.put("hostpathvolumes", "pss-restricted-volumes");
    m.put("seccompprofile_baseline", "pss-seccomp-restricted");
    m.put("procmount", "pss-proc-mount-restricted");
    m.put("allowprivilegeescalation", "pss-allow-privilege-escalation");
    m.put("capabilities_restricted", "pss-capabilities-restricted");
    m.put("procmount_restricted", "pss-proc-mount-restricted");
    m.put("restrictedvolumes", "pss-restricted-volumes");
    m.put("runasnonroot", "pss-run-as-non-root");
    m.put("runasuser", "pss-run-as-user");
    m.put("seccompprofile_restricted", "pss-seccomp-restricted");
    return Map.copyOf(m);
  }

  record Case(String level, boolean pass, String file) {
    @Override
    public String toString() {
      return level + "/" + (pass ? "pass" : "fail") + "/" + file;
    }
  }

  static List<Case> cases() throws IOException, URISyntaxException {
    URL root = PodSecurityConformanceTest.class.getClassLoader().getResource("psa");
    assertThat(root).isNotNull();
    Path dir = Path.of(root.toURI());
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(p -> {
        Path rel = dir.relativize(p);
        return new Case(rel.getName(0).toString(), rel.getName(1).toString().equals("pass"),
            rel.getName(2).toString());
      }).collect(Collectors.toList());
    }
  }

  @Test
  void allFixturesAreHere() throws Exception {
    List<Case> all = cases();
    assertThat(all).hasSize(148);
    assertThat(all.stream().filter(c -> c.level().equals("baseline") && c.pass())).hasSize(15);
    assertThat(all.stream().filter(c -> c.level().equals("baseline") && !c.pass())).hasSize(34);
    assertThat(all.stream().filter(c -> c.level().equals("restricted") && c.pass())).hasSize(23);
    assertThat(all.stream().filter(c -> c.level().equals("restricted") && !c.pass())).hasSize(76);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void verdictMatchesUpstream(Case c) {
    StatefulSet sts = wrap(read(c));
    RuleSet set = Validator.ruleSet("pss-" + c.level());
    Report report = Validator.of(set).validate(sts);
    List<String> errors = report.errors().stream().map(Finding::format).collect(Collectors.toList());
    if (c.pass()) {
      assertThat(errors).as("errors for %s", c).isEmpty();
      assertThat(report.findings()).isEmpty();
      return;
    }
    String prefix = c.file().replaceAll("[0-9]*\\.yaml$", "");
    String rule = (c.level().equals("baseline") ? BASELINE : RESTRICTED).get(prefix);
    assertThat(rule).as("rule for prefix %s", prefix).isNotNull();
    assertThat(report.errors()).as("errors for %s", c).extracting(Finding::ruleId).contains(rule);
    assertThat(report.errors()).allSatisfy(f -> assertThat(f.path()).startsWith("spec.template."));
  }

  private static Pod read(Case c) {
    String resource = "psa/" + c;
    try (InputStream in = PodSecurityConformanceTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return YAML.readValue(in, Pod.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pod's annotations and spec as the pod template of a StatefulSet {@code test}. */
  static StatefulSet wrap(Pod pod) {
    ObjectMeta meta = pod.getMetadata() == null ? new ObjectMeta() : pod.getMetadata();
    return new StatefulSetBuilder()
        .withNewMetadata().withName("test").withNamespace("default").endMetadata()
        .withNewSpec()
          .withServiceName("test")
          .withNewSelector().addToMatchLabels("app", "test").endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "test").withAnnotations(meta.getAnnotations()).endMetadata()
            .withSpec(pod.getSpec())
          .endTemplate()
        .endSpec()
        .build();
  }
}
