package dev.stskit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.security.SecurityPreset;
import dev.stskit.testing.spec.SpecArbitraries;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code SecurityPreset.restricted()} proved against the real kube-apiserver v1.37.2's PodSecurity
 * admission plugin, in a namespace labelled {@code pod-security.kubernetes.io/enforce: restricted}
 * ({@code enforce-version: v1.37}). PodSecurity judges pods, not StatefulSets, so each generated
 * spec's pod template is created as the pod the StatefulSet controller would make of it, with a
 * server-side dry run. The checks the server runs are upstream's k8s.io/pod-security-admission
 * policy/check_*.go (v0.37.2: check_privileged.go, check_allowPrivilegeEscalation.go,
 * check_capabilities_restricted.go, check_runAsNonRoot.go, check_runAsUser.go,
 * check_seccompProfile_restricted.go, check_restrictedVolumes.go, check_hostNamespaces.go,
 * check_hostPathVolumes.go, check_sysctls.go, check_seLinuxOptions.go, check_appArmorProfile.go,
 * check_procMount_restricted.go, check_hostProbesAndhostLifecycle.go …), run by policy/checks.go's
 * restricted level.
 *
 * <p>Every preset-applied spec's pod must be admitted (and clean under {@code pss-restricted}); on the
 * specs as generated, the server must forbid exactly the pods {@code pss-restricted} reports an error
 * on. Only specs the {@code kubernetes} rule set finds valid are drawn, so every drawn spec's pod must
 * also be valid to the server: a 422 on one is a gap in that rule set (listed on stderr) and fails the
 * test. The four gaps this found (a {@code fileKeyRef} volume that is missing or not an emptyDir, a cpu
 * {@code divisor} other than 1m or 1, {@code ReadWriteOncePod} beside another access mode in an
 * ephemeral volume's claim template, {@code matchLabelKeys} without a {@code labelSelector}) are closed.
 * {@code -Dpreset.specs=N} and {@code -Dpreset.seed=S} change the run.
 */
@ControlPlaneTest
class SecurityPresetAdmissionTest {
  static final int SPECS = Integer.getInteger("preset.specs", 400);
  static final long SEED = Long.getLong("preset.seed", 20261203L);
  static final Map<String, String> RESTRICTED = Map.of("pod-security.kubernetes.io/enforce", "restricted",
      "pod-security.kubernetes.io/enforce-version", "v1.37");

  /** One spec's two pods: as generated, and through the preset (absent when the preset refuses it). */
  record Case(int index, StatefulSetSpec spec, StatefulSet raw, Optional<StatefulSet> hardened) {}

  @Test
  void presetPodsAreAdmittedAndPssRestrictedAgreesWithTheServer(ControlPlane cp) {
    ApiServer api = new ApiServer(cp);
    String ns = cp.createNamespace("preset", RESTRICTED);
    Validator pss = Validator.builder().addRuleSet("pss-restricted").requestNamespace(ns).build();

    // the arbitraries draw specs that build and compile, not only ones kube-apiserver accepts; a pod the
    // server finds invalid is refused (422) before PodSecurity sees it, so only kube-valid specs are judged
    Validator kubernetes = Validator.defaults();
    List<StatefulSetSpec> specs = new ArrayList<>();
    JqwikSession.run(Long.toString(SEED), () -> specs.addAll(SpecArbitraries.specs().sampleStream().limit(50L * SPECS)
        .filter(s -> kubernetes.validate(s.compile().statefulSet()).valid()).limit(SPECS).toList()));
    assertThat(specs).as("kube-valid generated specs").hasSize(SPECS);
    List<Case> cases = new ArrayList<>();
    int refused = 0;
    for (int i = 0; i < specs.size(); i++) {
      StatefulSetSpec spec = specs.get(i);
      Optional<StatefulSet> hardened;
      try {
        hardened = Optional.of(SecurityPreset.restricted().apply(spec).compile().statefulSet());
      } catch (SpecException e) {
        hardened = Optional.empty();
        refused++;
      }
      cases.add(new Case(i, spec, spec.compile().statefulSet(), hardened));
    }

    List<String> problems = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    int admitted = 0;
    int agreedRefusals = 0;
    int agreedAdmissions = 0;
    int batch = 32;
    for (int from = 0; from < cases.size(); from += batch) {
      List<Case> slice = cases.subList(from, Math.min(cases.size(), from + batch));
      List<CompletableFuture<ApiServer.Answer>> rawAnswers = new ArrayList<>();
      List<CompletableFuture<ApiServer.Answer>> hardenedAnswers = new ArrayList<>();
      for (Case c : slice) {
        rawAnswers.add(dryRunPod(api, ns, c.raw()));
        hardenedAnswers.add(c.hardened().map(h -> dryRunPod(api, ns, h)).orElse(null));
      }
      for (int k = 0; k < slice.size(); k++) {
        Case c = slice.get(k);
        String id = "spec " + c.index() + " (seed " + SEED + ")";
        ApiServer.Answer raw = rawAnswers.get(k).join();
        if (!raw.ok() && raw.status() != 403) {
          // invalid as a pod (422) although the kubernetes rule set accepts the spec: a gap in that rule
          // set; the server never ran admission, so there is no Pod Security verdict to compare either
          invalid.add(id + ": " + raw.status() + " " + message(raw));
          continue;
        }
        if (hardenedAnswers.get(k) != null) {
          ApiServer.Answer a = hardenedAnswers.get(k).join();
          List<String> errors = errors(pss, inNamespace(c.hardened().get(), ns));
          if (!a.ok()) {
            problems.add(id + ": the server refuses the preset's pod: " + a.status() + " " + message(a));
          } else if (!errors.isEmpty()) {
            problems.add(id + ": the server admits the preset's pod; pss-restricted reports " + errors);
          } else {
            admitted++;
          }
        }
        List<String> errors = errors(pss, inNamespace(c.raw(), ns));
        if (raw.ok() != errors.isEmpty()) {
          problems.add(id + ": without the preset the server " + (raw.ok() ? "admits" : "forbids (" + message(raw) + ")")
              + "; pss-restricted " + (errors.isEmpty() ? "reports no error" : "reports " + errors));
        } else if (raw.ok()) {
          agreedAdmissions++;
        } else {
          agreedRefusals++;
        }
      }
    }
    System.err.printf("SecurityPresetAdmissionTest: %d kube-valid specs, %d of them invalid as pods; "
        + "preset applied to %d, refused %d; the server and pss-restricted agree on %d preset pods admitted, "
        + "and without the preset on %d admitted and %d forbidden%n",
        cases.size(), invalid.size(), cases.size() - refused, refused, admitted, agreedAdmissions, agreedRefusals);
    invalid.forEach(i -> System.err.println("  invalid as a pod: " + i));
    assertThat(invalid).as("pods the server refuses (422) of specs the kubernetes rule set accepts").isEmpty();
    assertThat(problems).as("disagreements with the server").isEmpty();
    // the run must judge enough on both sides: preset pods admitted, and generated pods both forbid
    assertThat(admitted).as("preset pods admitted").isGreaterThanOrEqualTo(SPECS / 2);
    assertThat(agreedRefusals).as("generated pods the server and pss-restricted both forbid").isGreaterThanOrEqualTo(SPECS / 2);
  }

  /**
   * Through the StatefulSet controller: a one-replica StatefulSet with the preset gets its pod; the same
   * spec without it gets none, and a {@code FailedCreate} event naming PodSecurity.
   */
  @Test
  @ControlPlaneTest(controllers = true)
  void theStatefulSetControllerCreatesThePresetsPodAndNotTheOther(ControlPlane cp) throws InterruptedException {
    ApiServer api = new ApiServer(cp);
    String ns = cp.createNamespace("preset-sts", RESTRICTED);
    StatefulSetSpec plain = StatefulSetSpec.builder().name("plain").namespace(ns).replicas(1)
        .addContainer(ContainerSpec.builder().name("web").image("nginx:1.27").build()).build();
    StatefulSetSpec hardened = SecurityPreset.restricted().apply(StatefulSetSpec.builder().from(plain).name("hardened").build());
    for (StatefulSetSpec s : List.of(plain, hardened)) {
      ApiServer.Answer a = api.create(ApiServer.collection("apps/v1", "StatefulSet", ns),
          ApiServer.JSON.writeValueAsString(s.compile().statefulSet()));
      assertThat(a.status()).as(a.body()).isEqualTo(201);
    }
    String pods = ApiServer.collection("v1", "Pod", ns);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    boolean hardenedPod = false;
    Optional<String> failedCreate = Optional.empty();
    while (System.nanoTime() < deadline && !(hardenedPod && failedCreate.isPresent())) {
      hardenedPod = exists(api, pods + "/hardened-0");
      failedCreate = failedCreate(api, ns, "plain");
      if (!(hardenedPod && failedCreate.isPresent())) {
        Thread.sleep(250);
      }
    }
    assertThat(hardenedPod).as("pod hardened-0 created by the StatefulSet controller").isTrue();
    assertThat(failedCreate).as("FailedCreate event of StatefulSet plain").hasValueSatisfying(
        m -> assertThat(m).contains("violates PodSecurity \"restricted:v1.37\""));
    assertThat(exists(api, pods + "/plain-0")).as("pod plain-0").isFalse();
    assertThat(failedCreate(api, ns, "hardened")).as("FailedCreate event of StatefulSet hardened").isEmpty();
  }

  private static boolean exists(ApiServer api, String path) {
    ApiServer.Answer a = api.get(path);
    if (a.status() != 200 && a.status() != 404) {
      throw new IllegalStateException("GET " + path + ": " + a.status() + " " + a.body());
    }
    return a.ok();
  }

  private static Optional<String> failedCreate(ApiServer api, String ns, String statefulSet) {
    ApiServer.Answer a = api.get("/api/v1/namespaces/" + ns + "/events");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    for (JsonNode e : a.json().path("items")) {
      if ("FailedCreate".equals(e.path("reason").asString(""))
          && "StatefulSet".equals(e.path("involvedObject").path("kind").asString(""))
          && statefulSet.equals(e.path("involvedObject").path("name").asString(""))) {
        return Optional.of(e.path("message").asString(""));
      }
    }
    return Optional.empty();
  }

  /** A dry-run create of the StatefulSet's pod 0 in {@code ns}. */
  private static CompletableFuture<ApiServer.Answer> dryRunPod(ApiServer api, String ns, StatefulSet sts) {
    return api.dryRunCreate(ApiServer.collection("v1", "Pod", ns), ApiServer.JSON.writeValueAsString(podOf(sts, ns)), false);
  }

  /**
   * Pod 0 as the StatefulSet controller makes it of the template (k8s.io/kubernetes
   * pkg/controller/statefulset/stateful_set_utils.go, newStatefulSetPod: the template's metadata and
   * spec, the name {@code <set>-0}, hostname and subdomain, and per claim template a
   * persistentVolumeClaim volume {@code <claim>-<set>-0} of that name, replacing a template volume of
   * the same name).
   */
  static Pod podOf(StatefulSet sts, String ns) {
    PodTemplateSpec template = sts.getSpec().getTemplate();
    String name = sts.getMetadata().getName() + "-0";
    ObjectMeta meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(ns);
    Map<String, String> labels = new LinkedHashMap<>();
    if (template.getMetadata() != null && template.getMetadata().getLabels() != null) {
      labels.putAll(template.getMetadata().getLabels());
    }
    labels.put("statefulset.kubernetes.io/pod-name", name);
    meta.setLabels(labels);
    if (template.getMetadata() != null) {
      meta.setAnnotations(template.getMetadata().getAnnotations());
    }
    PodSpec spec = ApiServer.JSON.convertValue(template.getSpec(), PodSpec.class); // a deep copy
    spec.setHostname(name);
    spec.setSubdomain(sts.getSpec().getServiceName());
    List<io.fabric8.kubernetes.api.model.Volume> volumes = new ArrayList<>();
    List<String> claims = new ArrayList<>();
    if (sts.getSpec().getVolumeClaimTemplates() != null) {
      sts.getSpec().getVolumeClaimTemplates().forEach(c -> claims.add(c.getMetadata().getName()));
    }
    if (spec.getVolumes() != null) {
      spec.getVolumes().stream().filter(v -> !claims.contains(v.getName())).forEach(volumes::add);
    }
    for (String claim : claims) {
      volumes.add(new VolumeBuilder().withName(claim).withNewPersistentVolumeClaim()
          .withClaimName(claim + "-" + sts.getMetadata().getName() + "-0").endPersistentVolumeClaim().build());
    }
    spec.setVolumes(volumes);
    Pod pod = new Pod();
    pod.setMetadata(meta);
    pod.setSpec(spec);
    return pod;
  }

  private static List<String> errors(Validator v, StatefulSet sts) {
    Report report = v.validate(sts);
    return report.findings().stream().filter(f -> f.severity() == Severity.ERROR).map(Finding::toString).toList();
  }

  private static StatefulSet inNamespace(StatefulSet sts, String ns) {
    return new StatefulSetBuilder(sts).editMetadata().withNamespace(ns).endMetadata().build();
  }

  private static String message(ApiServer.Answer a) {
    try {
      return a.json().path("message").asString(a.body());
    } catch (RuntimeException e) {
      return a.body();
    }
  }
}
