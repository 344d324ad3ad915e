package dev.stskit.validation;

import dev.stskit.testing.rules.RuleTester;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The linters' own fixtures, wrapped into StatefulSets, get the linters' verdicts from the sts-kit checks
 * that correspond to theirs ({@link Correspondence}).
 *
 * <p>Fixtures: {@code lint/polaris} (FairwindsOps/polaris at c0e23a2, {@code checks/} and
 * {@code fixtures/<check>/{success,failure}*.yaml}: the file name is the verdict) and
 * {@code lint/kube-linter} (stackrox/kube-linter at 35de568, {@code checks/*.yml} with the expected
 * reports in {@code bats-tests.sh}: objects named {@code dont-fire…} must not be reported, the others
 * must). Both Apache-2.0; see {@code lint/NOTICE.md}. A Pod's spec, or a workload's pod template,
 * becomes the template of a StatefulSet of the same name, labels and annotations; other objects of the
 * file (Services, PodDisruptionBudgets, ConfigMaps, ServiceAccounts) stay its file.
 */
class LinterFixturesTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> WORKLOADS = Set.of("Pod", "Deployment", "DeploymentConfig", "StatefulSet",
      "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob");

  /**
   * Fixtures of covered checks that are not applicable, with why. Each is a case where the linter reads a
   * field Kubernetes does not have, or a kind of object that is not a StatefulSet's.
   */
  static final Map<String, String> NOT_APPLICABLE = new TreeMap<>(Map.ofEntries(
      Map.entry("polaris/privilegeEscalationAllowed/success.pod.yaml",
          "sets allowPrivilegeEscalation on the pod's securityContext, a field PodSecurityContext does not have"),
      Map.entry("polaris/privilegeEscalationAllowed/failure.pod.yaml",
          "sets allowPrivilegeEscalation on the pod's securityContext, a field PodSecurityContext does not have")));

  @Test
  void polarisFixturesAgree() throws IOException {
    Path root = resource("lint/polaris/fixtures");
    List<String> disagree = new ArrayList<>();
    int applicable = 0;
    try (Stream<Path> dirs = Files.list(root)) {
      for (Path dir : dirs.sorted().toList()) {
        String check = dir.getFileName().toString();
        Correspondence.Entry e = Correspondence.find(Correspondence.Tool.POLARIS, check).orElseThrow();
        if (!e.covered()) {
          continue;
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path f : files.sorted().toList()) {
            String name = f.getFileName().toString();
            boolean failure = name.startsWith("failure");
            if (!failure && !name.startsWith("success")) {
              continue; // mutated*.yaml: what polaris fix makes of a failure
            }
            if (NOT_APPLICABLE.containsKey("polaris/" + check + "/" + name)) {
              continue;
            }
            applicable++;
            boolean reported = reported(e, Files.readString(f, StandardCharsets.UTF_8), check);
            if (reported != failure) {
              disagree.add(check + "/" + name + ": Polaris " + (failure ? "fails" : "passes") + " it, sts-kit "
                  + (reported ? "reports" : "does not"));
            }
          }
        }
      }
    }
    System.out.println("Polaris fixtures agreeing: " + (applicable - disagree.size()) + " / " + applicable);
    assertThat(disagree).isEmpty();
    assertThat(applicable).isEqualTo(POLARIS_APPLICABLE);
  }

  /**
   * kube-linter checks whose subject is another object than the workload: the objects bats-tests.sh
   * reports, by name.
   */
  static final Map<String, Set<String>> KUBE_LINTER_OTHER_SUBJECTS = Map.of(
      "pdb-max-unavailable", Set.of("foo"),
      "pdb-min-available", Set.of("baz", "baz2", "baz3"),
      "pdb-unhealthy-pod-eviction-policy", Set.of("fire"));

  /** kube-linter check files of covered checks that are not applicable, with why. */
  static final Map<String, String> KUBE_LINTER_NOT_APPLICABLE = new TreeMap<>(Map.of(
      "dangling-service", "kube-linter reports the Service that selects no workload; sts-kit reports the StatefulSet "
          + "whose governing Service does not select it (bp-governing-service#selects-pods), the same fact from the "
          + "other object, tested with that rule's fixtures",
      "duplicate-env-var", "covered by k8s-apiserver-warnings of the kubernetes rule set, tested with the apiserver's cases",
      "no-rolling-update-strategy app3", "writes no strategy: kube-linter reports the missing field, while the apiserver "
          + "defaults a StatefulSet's updateStrategy to RollingUpdate, what the check asks for",
      "no-rolling-update-strategy app4", "writes no strategy (as app3)"));

  @Test
  void kubeLinterFixturesAgree() throws IOException {
    Path root = resource("lint/kube-linter/checks");
    List<String> disagree = new ArrayList<>();
    int applicable = 0;
    for (Correspondence.Entry e : Correspondence.entries()) {
      if (e.tool() != Correspondence.Tool.KUBE_LINTER || !e.covered() || KUBE_LINTER_NOT_APPLICABLE.containsKey(e.check())) {
        continue;
      }
      Path f = Stream.of(e.check() + ".yml", e.check() + ".yaml", e.check() + "-ndots.yml")
          .map(root::resolve).filter(Files::exists).findFirst().orElse(null);
      if (f == null) {
        f = root.resolve("env-var-value-from.yml"); // env-value-from's fixture file has its own name
        if (!e.check().equals("env-value-from")) {
          continue; // no fixture for this check
        }
      }
      List<Map<String, Object>> docs = docs(Files.readString(f, StandardCharsets.UTF_8));
      Set<String> others = KUBE_LINTER_OTHER_SUBJECTS.get(e.check());
      List<HasMetadata> file = new ArrayList<>();
      List<StatefulSet> workloads = new ArrayList<>();
      for (Map<String, Object> d : docs) {
        if (WORKLOADS.contains(String.valueOf(d.get("kind")))) {
          StatefulSet sts = wrap(d, others != null);
          workloads.add(sts);
          file.add(sts);
        } else {
          file.addAll(RuleTester.parseAll(YAML.writeValueAsString(d)));
        }
      }
      Validator v = validator(e);
      if (others != null) {
        for (Map<String, Object> d : docs) {
          if (!"PodDisruptionBudget".equals(d.get("kind"))) {
            continue;
          }
          String name = String.valueOf(((Map<?, ?>) d.get("metadata")).get("name"));
          List<HasMetadata> own = new ArrayList<>(file);
          own.removeIf(o -> "PodDisruptionBudget".equals(o.getKind()));
          List<StatefulSet> subjects = new ArrayList<>(workloads);
          if (subjects.isEmpty()) {
            StatefulSet c = companion(List.of(d)); // gives a budget without a selector one that picks it
            subjects.add(c);
            own.add(0, c);
          }
          own.addAll(RuleTester.parseAll(YAML.writeValueAsString(d)));
          boolean reported = false;
          for (StatefulSet sts : subjects) {
            reported |= v.validate(sts, own).findings().stream().anyMatch(x -> matches(e, x) && x.message().contains(name));
          }
          applicable++;
          if (reported != others.contains(name)) {
            disagree.add(e.check() + " " + name + ": kube-linter " + (others.contains(name) ? "reports" : "passes")
                + " it, sts-kit " + (reported ? "reports" : "does not"));
          }
        }
        continue;
      }
      for (StatefulSet sts : workloads) {
        if (KUBE_LINTER_NOT_APPLICABLE.containsKey(e.check() + " " + sts.getMetadata().getName())) {
          continue;
        }
        boolean fire = expectedToFire(sts);
        boolean reported = v.validate(sts, file).findings().stream().anyMatch(x -> matches(e, x));
        applicable++;
        if (reported != fire) {
          disagree.add(e.check() + " " + sts.getMetadata().getName() + ": kube-linter " + (fire ? "reports" : "passes")
              + " it, sts-kit " + (reported ? "reports" : "does not"));
        }
      }
    }
    System.out.println("kube-linter fixture objects agreeing: " + (applicable - disagree.size()) + " / " + applicable);
    assertThat(disagree).isEmpty();
    assertThat(applicable).isEqualTo(KUBE_LINTER_APPLICABLE);
  }

  /** The number of applicable kube-linter fixture objects, as the validation README states it. */
  static final int KUBE_LINTER_APPLICABLE = 130;

  /**
   * kube-linter's fixtures name what must not fire {@code dont-fire…} (or {@code good…}, {@code should-pass…}),
   * per object or, in files of one object, per container ({@code fire-…} containers fire).
   */
  private static boolean expectedToFire(StatefulSet sts) {
    String name = sts.getMetadata().getName();
    var podSpec = sts.getSpec().getTemplate() == null ? null : sts.getSpec().getTemplate().getSpec();
    boolean anyFireContainer = podSpec != null && podSpec.getContainers() != null && podSpec.getContainers().stream()
        .anyMatch(c -> c.getName() != null && c.getName().startsWith("fire"));
    if (name.equals("fixture")) {
      return anyFireContainer;
    }
    return !(name.startsWith("dont-fire") || name.startsWith("good") || name.startsWith("should-pass")
        || name.startsWith("valid"));
  }

  /** The number of applicable Polaris fixtures, as the validation README states it. */
  static final int POLARIS_APPLICABLE = 132;

  private boolean reported(Correspondence.Entry e, String yaml, String polarisCheck) {
    List<Map<String, Object>> docs = docs(yaml);
    List<HasMetadata> file = new ArrayList<>();
    List<StatefulSet> subjects = new ArrayList<>();
    if (docs.stream().noneMatch(d -> WORKLOADS.contains(String.valueOf(d.get("kind"))))) {
      // the fixture is the object shipped with a StatefulSet (a PodDisruptionBudget, a ConfigMap): add one that uses it
      StatefulSet sts = companion(docs);
      subjects.add(sts);
      file.add(sts);
    }
    for (Map<String, Object> d : docs) {
      if (WORKLOADS.contains(String.valueOf(d.get("kind")))) {
        StatefulSet sts = wrap(d);
        subjects.add(sts);
        file.add(sts);
      } else {
        file.addAll(RuleTester.parseAll(YAML.writeValueAsString(d)));
      }
    }
    Validator v = validator(e);
    for (StatefulSet sts : subjects) {
      for (Finding f : v.validate(sts, file).findings()) {
        if (matches(e, f)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean matches(Correspondence.Entry e, Finding f) {
    for (String t : e.targets()) {
      if (t.equals(f.ruleId()) || t.equals(f.ruleId() + "#" + f.check().orElse(""))) {
        return true;
      }
    }
    return false;
  }

  private static Validator validator(Correspondence.Entry e) {
    Set<String> rules = new java.util.HashSet<>();
    e.targets().forEach(t -> rules.add(t.contains("#") ? t.substring(0, t.indexOf('#')) : t));
    List<Rule> list = new ArrayList<>();
    for (RuleDescriptor r : RuleSet.bestPractice().rules()) {
      if (rules.contains(r.id())) {
        list.add(r.rule());
      }
    }
    for (RuleDescriptor r : RuleSet.kubernetes().rules()) {
      if (rules.contains(r.id())) {
        return Validator.of(RuleSet.of("under-test", List.of(r.rule()), true));
      }
    }
    return Validator.of(RuleSet.of("under-test", list, false));
  }

  /** A StatefulSet with the workload's name, namespace, labels, annotations, replicas, selector and pod template. */
  @SuppressWarnings("unchecked")
  static StatefulSet wrap(Map<String, Object> doc) {
    return wrap(doc, false);
  }

  /** {@link #wrap(Map)}; {@code fillTemplateLabels} gives a template without labels the selector's. */
  @SuppressWarnings("unchecked")
  static StatefulSet wrap(Map<String, Object> doc, boolean fillTemplateLabels) {
    String kind = String.valueOf(doc.get("kind"));
    Map<String, Object> meta = (Map<String, Object>) doc.getOrDefault("metadata", Map.of());
    Map<String, Object> spec = (Map<String, Object>) doc.getOrDefault("spec", Map.of());
    Map<String, Object> template;
    if (kind.equals("Pod")) {
      template = new LinkedHashMap<>();
      Map<String, Object> tm = new LinkedHashMap<>();
      if (meta.get("labels") != null) {
        tm.put("labels", meta.get("labels"));
      }
      if (meta.get("annotations") != null) {
        tm.put("annotations", meta.get("annotations"));
      }
      template.put("metadata", tm);
      template.put("spec", spec);
    } else if (kind.equals("CronJob")) {
      Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) spec.getOrDefault("jobTemplate", Map.of()))
          .getOrDefault("spec", Map.of());
      template = (Map<String, Object>) job.getOrDefault("template", Map.of());
    } else {
      template = (Map<String, Object>) spec.getOrDefault("template", Map.of());
    }
    Map<String, Object> sts = new LinkedHashMap<>();
    sts.put("apiVersion", "apps/v1");
    sts.put("kind", "StatefulSet");
    Map<String, Object> m = new LinkedHashMap<>(meta);
    m.putIfAbsent("name", "fixture");
    sts.put("metadata", m);
    Map<String, Object> s = new LinkedHashMap<>();
    if (spec.get("replicas") != null) {
      s.put("replicas", spec.get("replicas"));
    }
    Object selector = spec.get("selector");
    if (selector instanceof Map<?, ?> sel && !sel.containsKey("matchLabels") && !sel.containsKey("matchExpressions")) {
      selector = Map.of("matchLabels", sel); // DeploymentConfig, ReplicationController: a plain map
    }
    if (selector != null) {
      s.put("selector", selector);
    }
    s.put("serviceName", m.get("name"));
    Object strategy = spec.get("strategy");
    if (strategy instanceof Map<?, ?> st && st.get("type") != null) {
      s.put("updateStrategy", Map.of("type", st.get("type")));
    }
    // the apiserver requires template labels that match the selector; budget fixtures that leave them out get them
    if (fillTemplateLabels && selector instanceof Map<?, ?> sel && sel.get("matchLabels") instanceof Map<?, ?> ml) {
      Map<String, Object> t = new LinkedHashMap<>(template);
      Map<String, Object> tm = new LinkedHashMap<>((Map<String, Object>) t.getOrDefault("metadata", Map.of()));
      if (tm.get("labels") == null) {
        tm.put("labels", ml);
        t.put("metadata", tm);
        template = t;
      }
    }
    s.put("template", template);
    sts.put("spec", s);
    return JSON.convertValue(sts, StatefulSet.class);
  }

  /** A StatefulSet that uses the fixture's PodDisruptionBudget (its labels) or ConfigMap (envFrom). */
  @SuppressWarnings("unchecked")
  private static StatefulSet companion(List<Map<String, Object>> docs) {
    Map<String, Object> labels = new LinkedHashMap<>(Map.of("app", "fixture"));
    List<Map<String, Object>> envFrom = new ArrayList<>();
    String namespace = null;
    for (Map<String, Object> d : docs) {
      Map<String, Object> meta = (Map<String, Object>) d.getOrDefault("metadata", Map.of());
      namespace = namespace == null ? (String) meta.get("namespace") : namespace;
      if ("PodDisruptionBudget".equals(d.get("kind"))) {
        Map<String, Object> spec = (Map<String, Object>) d.getOrDefault("spec", Map.of());
        Object sel = spec.get("selector");
        if (sel instanceof Map<?, ?> s && s.get("matchLabels") instanceof Map<?, ?> ml) {
          labels = new LinkedHashMap<>((Map<String, Object>) ml);
        } else {
          // a budget without a selector: give it one that picks the companion, as the linters judge the budget alone
          spec.put("selector", Map.of("matchLabels", labels));
          d.put("spec", spec);
        }
      }
      if ("ConfigMap".equals(d.get("kind"))) {
        envFrom.add(Map.of("configMapRef", Map.of("name", meta.get("name"))));
      }
    }
    Map<String, Object> container = new LinkedHashMap<>(Map.of("name", "app", "image", "app:1.0"));
    if (!envFrom.isEmpty()) {
      container.put("envFrom", envFrom);
    }
    Map<String, Object> meta = new LinkedHashMap<>(Map.of("name", "fixture"));
    if (namespace != null) {
      meta.put("namespace", namespace);
    }
    Map<String, Object> sts = Map.of("apiVersion", "apps/v1", "kind", "StatefulSet", "metadata", meta,
        // Polaris judges a budget alone: many replicas, so that only the budget's own values decide
        "spec", Map.of("replicas", 100, "serviceName", "fixture", "selector", Map.of("matchLabels", labels),
            "template", Map.of("metadata", Map.of("labels", labels), "spec", Map.of("containers", List.of(container)))));
    return JSON.convertValue(sts, StatefulSet.class);
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> docs(String yaml) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String part : yaml.split("(?m)^---[ \t]*$")) {
      if (part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      Map<String, Object> d = YAML.readValue(part, Map.class);
      if (d != null) {
        out.add(d);
      }
    }
    return out;
  }

  static Path resource(String name) {
    try {
      return Path.of(LinterFixturesTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (NullPointerException e) {
      throw new UncheckedIOException(new IOException("test resource not found: " + name));
    }
  }
}
