package dev.stskit.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which sts-kit rule (and, for rules grouping several checks, which of its checks) covers each check of
 * kube-linter, Polaris and kube-score, or why a check does not apply to StatefulSets. It drives the
 * tools' suppression annotations ({@link #suppressedRules}), the conversion of their configuration files
 * ({@link ValidatorConfig#fromKubeLinter}, {@link ValidatorConfig#fromPolaris}) and the table in the
 * validation module's README.
 *
 * <p>A target is {@code rule-id} (every finding of the rule) or {@code rule-id#check} (the findings
 * whose {@link Finding#check()} is {@code check}).
 */
public final class Correspondence {
  /** A linter. */
  public enum Tool {
    /** stackrox/kube-linter. */
    KUBE_LINTER("kube-linter"),
    /** FairwindsOps/polaris. */
    POLARIS("Polaris"),
    /** zegl/kube-score. */
    KUBE_SCORE("kube-score");

    private final String display;

    Tool(String display) {
      this.display = display;
    }

    /** {@return the tool's name as its users write it} */
    public String display() {
      return display;
    }
  }

  /**
   * One check of one tool: its default ({@code on}/{@code off} for kube-linter, the severity of Polaris's
   * default configuration, {@code default}/{@code optional} for kube-score), the sts-kit targets covering
   * it, or the reason it does not apply.
   */
  public record Entry(Tool tool, String check, String toolDefault, List<String> targets, String reason) {
    /**
     * Checks the arguments.
     *
     * @param tool the linter
     * @param check the linter's check name
     * @param toolDefault the check's default in the linter's own configuration
     * @param targets the sts-kit rules or {@code rule#check}s covering it; empty when it does not apply
     * @param reason why it does not apply to StatefulSets; empty when covered
     * @throws IllegalArgumentException unless exactly one of targets and reason is given
     */
    public Entry {
      Objects.requireNonNull(tool, "tool");
      Objects.requireNonNull(check, "check");
      targets = List.copyOf(targets);
      if (targets.isEmpty() == reason.isEmpty()) {
        throw new IllegalArgumentException(check + ": either targets or a reason");
      }
    }

    /** {@return whether an sts-kit rule covers the check} */
    public boolean covered() {
      return !targets.isEmpty();
    }
  }

  private static final List<Entry> ENTRIES = build();

  private Correspondence() {}

  /**
   * Every check of the three tools, kube-linter first, then Polaris, then kube-score, each in the tool's order.
   *
   * @return the entries, immutable
   */
  public static List<Entry> entries() {
    return ENTRIES;
  }

  /**
   * The entry of {@code tool}'s {@code check}.
   *
   * @param tool the linter
   * @param check its check name, e.g. {@code host-ipc}
   * @return the entry, or empty for a check the table does not know
   */
  public static Optional<Entry> find(Tool tool, String check) {
    return ENTRIES.stream().filter(e -> e.tool() == tool && e.check().equals(check)).findFirst();
  }

  /**
   * The entries whose targets include rule {@code ruleId} (whole or one of its checks).
   *
   * @param ruleId an sts-kit rule id
   * @return the entries, in table order
   */
  public static List<Entry> coveredBy(String ruleId) {
    List<Entry> out = new ArrayList<>();
    for (Entry e : ENTRIES) {
      if (e.targets().stream().anyMatch(t -> t.equals(ruleId) || t.startsWith(ruleId + "#"))) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The targets an object's annotations suppress: {@code ignore-check.kube-linter.io/<check>} (any
   * value), {@code polaris.fairwinds.com/<check>-exempt: "true"}, {@code polaris.fairwinds.com/exempt:
   * "true"} (every check Polaris has), {@code kube-score/ignore: <check>,<check>}. Unknown checks are
   * ignored, as the tools ignore them.
   *
   * @param annotations the object's annotations
   * @return the suppressed targets, {@code rule-id} or {@code rule-id#check}
   */
  public static Set<String> suppressedRules(Map<String, String> annotations) {
    if (annotations == null || annotations.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, String> a : annotations.entrySet()) {
      String key = a.getKey();
      String value = a.getValue() == null ? "" : a.getValue().strip();
      if (key.startsWith("ignore-check.kube-linter.io/")) {
        find(Tool.KUBE_LINTER, key.substring("ignore-check.kube-linter.io/".length())).ifPresent(e -> out.addAll(e.targets()));
      } else if (key.equals("polaris.fairwinds.com/exempt") && value.equalsIgnoreCase("true")) {
        ENTRIES.stream().filter(e -> e.tool() == Tool.POLARIS).forEach(e -> out.addAll(e.targets()));
      } else if (key.startsWith("polaris.fairwinds.com/") && key.endsWith("-exempt") && value.equalsIgnoreCase("true")) {
        String check = key.substring("polaris.fairwinds.com/".length(), key.length() - "-exempt".length());
        find(Tool.POLARIS, check).ifPresent(e -> out.addAll(e.targets()));
      } else if (key.equals("kube-score/ignore")) {
        for (String c : value.split(",")) {
          find(Tool.KUBE_SCORE, c.strip().toLowerCase(Locale.ROOT)).ifPresent(e -> out.addAll(e.targets()));
        }
      }
    }
    // an annotation never switches off what kube-apiserver itself rejects
    out.removeIf(t -> !t.startsWith("bp-"));
    return out;
  }

  private static List<Entry> build() {
    List<Entry> l = new ArrayList<>();
    Tool k = Tool.KUBE_LINTER;
    String rbac = "it checks RBAC objects (Roles, bindings), which a StatefulSet's file does not hold";
    String otherKind = "it checks another kind of object";
    na(l, k, "access-to-create-pods", "off", rbac);
    na(l, k, "access-to-secrets", "off", rbac);
    na(l, k, "cluster-admin-role-binding", "off", rbac);
    na(l, k, "dangling-horizontalpodautoscaler", "off", "it checks HorizontalPodAutoscalers; a StatefulSet's replicas are the form's own");
    na(l, k, "dangling-ingress", "off", "it checks Ingresses");
    na(l, k, "dangling-networkpolicy", "off", "it checks NetworkPolicies");
    na(l, k, "dangling-networkpolicypeer-podselector", "off", "it checks NetworkPolicies");
    on(l, k, "dangling-service", "on", "bp-governing-service#selects-pods");
    na(l, k, "dangling-servicemonitor", "off", "it checks Prometheus ServiceMonitors");
    on(l, k, "default-service-account", "off", "bp-service-account#default-service-account");
    on(l, k, "deprecated-service-account-field", "on", "bp-service-account#deprecated-field");
    on(l, k, "dnsconfig-options", "off", "bp-dns-ndots");
    on(l, k, "docker-sock", "on", "bp-security#docker-socket");
    on(l, k, "drop-net-raw-capability", "on", "bp-hardening#net-raw");
    on(l, k, "duplicate-env-var", "on", "k8s-apiserver-warnings");
    on(l, k, "env-value-from", "off", "bp-env-refs#missing-ref");
    on(l, k, "env-var-secret", "on", "bp-env#sensitive-env");
    na(l, k, "exposed-services", "off", "it checks NodePort and LoadBalancer Services; the governing Service is headless");
    on(l, k, "host-ipc", "on", "bp-security#host-ipc");
    on(l, k, "host-network", "on", "bp-security#host-network");
    on(l, k, "host-pid", "on", "bp-security#host-pid");
    na(l, k, "hpa-minimum-three-replicas", "off", "it checks HorizontalPodAutoscalers");
    na(l, k, "invalid-target-ports", "on", "it checks Service targetPort names; a container port name that is not an IANA service name is already an apiserver error (k8s-containers)");
    na(l, k, "job-ttl-seconds-after-finished", "on", "it checks Jobs");
    on(l, k, "latest-tag", "on", "bp-image-tag");
    on(l, k, "liveness-port", "on", "bp-probes#probe-port");
    on(l, k, "minimum-three-replicas", "off", "bp-statefulset#replicas");
    on(l, k, "mismatching-selector", "on", "k8s-selector");
    on(l, k, "no-anti-affinity", "on", "bp-anti-affinity");
    na(l, k, "no-extensions-v1beta", "on", "it checks extensions/v1beta1 objects; sts-kit reads apps/v1 StatefulSets only");
    on(l, k, "no-liveness-probe", "off", "bp-probes#liveness-missing");
    on(l, k, "no-node-affinity", "off", "bp-node-affinity");
    on(l, k, "no-read-only-root-fs", "on", "bp-hardening#read-only-root-fs");
    on(l, k, "no-readiness-probe", "off", "bp-readiness-probe", "bp-probes#readiness-missing");
    on(l, k, "no-rolling-update-strategy", "off", "bp-statefulset#update-strategy");
    on(l, k, "non-existent-service-account", "on", "bp-service-account#non-existent");
    na(l, k, "non-isolated-pod", "off", "it needs the namespace's NetworkPolicies, which are cluster state, not the StatefulSet's file");
    on(l, k, "pdb-max-unavailable", "on", "bp-pod-disruption-budget#disruptions-zero");
    on(l, k, "pdb-min-available", "on", "bp-pod-disruption-budget#disruptions-zero");
    on(l, k, "pdb-unhealthy-pod-eviction-policy", "on", "bp-pod-disruption-budget#unhealthy-pod-eviction-policy");
    na(l, k, "priority-class-name", "off", "it checks the class against a list the user configures (by default only the system classes, meant for add-ons); sts-kit asks that a class is set (bp-scheduling#priority-class)");
    on(l, k, "privilege-escalation-container", "on", "bp-security#privilege-escalation");
    on(l, k, "privileged-container", "on", "bp-security#privileged");
    on(l, k, "privileged-ports", "off", "bp-hardening-strict#privileged-port");
    on(l, k, "read-secret-from-env-var", "off", "bp-env-refs#secret-in-env");
    on(l, k, "readiness-port", "on", "bp-probes#probe-port");
    na(l, k, "required-annotation-email", "off", "it checks an annotation a team configures; sts-kit's config has no per-check parameters");
    na(l, k, "required-label-owner", "off", "it checks a label a team configures; sts-kit's config has no per-check parameters");
    na(l, k, "restart-policy", "off", "a StatefulSet's pods must have restartPolicy Always; anything else is an apiserver error (k8s-pod-spec)");
    on(l, k, "run-as-non-root", "on", "bp-run-as-non-root");
    na(l, k, "scc-deny-privileged-container", "off", "it checks OpenShift SecurityContextConstraints");
    na(l, k, "schema-validation", "off", "sts-kit's kubernetes rule set and strict reading validate against the API itself");
    on(l, k, "sensitive-host-mounts", "on", "bp-security#sensitive-host-mount");
    na(l, k, "sorted-keys", "off", "it checks the order of YAML keys; sts-kit's renderer writes a fixed order");
    on(l, k, "ssh-port", "on", "bp-hardening#ssh-port");
    on(l, k, "startup-port", "on", "bp-probes#probe-port");
    on(l, k, "unsafe-proc-mount", "off", "bp-hardening#proc-mount");
    on(l, k, "unsafe-sysctls", "on", "bp-hardening#unsafe-sysctls");
    on(l, k, "unset-cpu-requirements", "on", "bp-resources#cpu-request");
    on(l, k, "unset-memory-requirements", "on", "bp-resources#memory-limit");
    na(l, k, "use-namespace", "off", "the request namespace fills a missing one (Validator.requestNamespace); the form always sets it");
    na(l, k, "wildcard-in-rules", "off", rbac);
    on(l, k, "writable-host-mount", "off", "bp-hardening-strict#writable-host-mount");

    Tool p = Tool.POLARIS;
    na(l, p, "deploymentMissingReplicas", "warning", "it checks Deployments; StatefulSet replicas default to 1 and bp-statefulset#replicas asks for 3");
    on(l, p, "priorityClassNotSet", "warning", "bp-scheduling#priority-class");
    on(l, p, "tagNotSpecified", "danger", "bp-image-tag");
    on(l, p, "pullPolicyNotAlways", "warning", "bp-image-pull-policy");
    on(l, p, "readinessProbeMissing", "warning", "bp-readiness-probe", "bp-probes#readiness-missing");
    on(l, p, "livenessProbeMissing", "warning", "bp-probes#liveness-missing");
    on(l, p, "metadataAndInstanceMismatched", "warning", "bp-app-labels#instance");
    on(l, p, "pdbDisruptionsIsZero", "warning", "bp-pod-disruption-budget#disruptions-zero");
    on(l, p, "missingPodDisruptionBudget", "warning", "bp-pod-disruption-budget#missing");
    on(l, p, "topologySpreadConstraint", "warning", "bp-scheduling#topology-spread");
    na(l, p, "hpaMaxAvailability", "warning", "it checks HorizontalPodAutoscalers");
    na(l, p, "hpaMinAvailability", "warning", "it checks HorizontalPodAutoscalers");
    na(l, p, "pdbMinAvailableGreaterThanHPAMinReplicas", "warning", "it compares a PodDisruptionBudget with a HorizontalPodAutoscaler");
    on(l, p, "cpuRequestsMissing", "warning", "bp-resources#cpu-request");
    on(l, p, "cpuLimitsMissing", "warning", "bp-resources#cpu-limit");
    on(l, p, "memoryRequestsMissing", "warning", "bp-resources#memory-request");
    on(l, p, "memoryLimitsMissing", "warning", "bp-resources#memory-limit");
    on(l, p, "automountServiceAccountToken", "warning", "bp-service-account#automount-token");
    on(l, p, "hostIPCSet", "danger", "bp-security#host-ipc");
    on(l, p, "hostPathSet", "warning", "bp-hardening#host-path");
    on(l, p, "hostProcess", "warning", "bp-hardening#host-process");
    on(l, p, "hostPIDSet", "danger", "bp-security#host-pid");
    on(l, p, "linuxHardening", "warning", "bp-hardening#linux-hardening");
    na(l, p, "missingNetworkPolicy", "warning", "it needs the namespace's NetworkPolicies, which are cluster state");
    on(l, p, "notReadOnlyRootFilesystem", "warning", "bp-hardening#read-only-root-fs");
    on(l, p, "privilegeEscalationAllowed", "danger", "bp-security#privilege-escalation");
    on(l, p, "procMount", "warning", "bp-hardening#proc-mount");
    on(l, p, "runAsRootAllowed", "danger", "bp-run-as-non-root");
    on(l, p, "runAsPrivileged", "danger", "bp-security#privileged");
    on(l, p, "dangerousCapabilities", "danger", "bp-security#dangerous-capabilities");
    on(l, p, "insecureCapabilities", "warning", "bp-hardening#insecure-capabilities");
    on(l, p, "hostNetworkSet", "danger", "bp-security#host-network");
    on(l, p, "hostPortSet", "warning", "bp-hardening#host-port");
    na(l, p, "tlsSettingsMissing", "warning", "it checks Ingresses");
    on(l, p, "sensitiveContainerEnvVar", "danger", "bp-env#sensitive-env");
    on(l, p, "sensitiveConfigmapContent", "danger", "bp-env#sensitive-configmap");
    for (String c : List.of("clusterrolePodExecAttach", "rolePodExecAttach", "clusterrolebindingPodExecAttach",
        "rolebindingClusterRolePodExecAttach", "rolebindingRolePodExecAttach", "clusterrolebindingClusterAdmin",
        "rolebindingClusterAdminClusterRole", "rolebindingClusterAdminRole")) {
      na(l, p, c, "danger", rbac);
    }
    na(l, p, "resourceRange", "off", "it is an example custom check whose bounds a team writes; kube-apiserver's own range checks are in k8s-container-resources");

    Tool s = Tool.KUBE_SCORE;
    na(l, s, "ingress-targets-service", "default", otherKind + " (Ingress)");
    na(l, s, "cronjob-has-deadline", "default", otherKind + " (CronJob)");
    na(l, s, "cronjob-restartpolicy", "default", otherKind + " (CronJob)");
    on(l, s, "container-resources", "default", "bp-resources");
    on(l, s, "container-resource-requests-equal-limits", "optional", "bp-resource-hygiene#requests-equal-limits");
    on(l, s, "container-cpu-requests-equal-limits", "optional", "bp-resource-hygiene#requests-equal-limits");
    on(l, s, "container-memory-requests-equal-limits", "optional", "bp-resource-hygiene#requests-equal-limits");
    on(l, s, "container-image-tag", "default", "bp-image-tag");
    on(l, s, "container-image-pull-policy", "default", "bp-image-pull-policy");
    on(l, s, "container-ephemeral-storage-request-and-limit", "default", "bp-resource-hygiene#ephemeral-storage");
    on(l, s, "container-ephemeral-storage-request-equals-limit", "optional", "bp-resource-hygiene#requests-equal-limits");
    na(l, s, "container-ports-check", "optional", "duplicate port names and port 0 are apiserver errors (k8s-containers)");
    on(l, s, "environment-variable-key-duplication", "default", "k8s-apiserver-warnings");
    on(l, s, "statefulset-has-poddisruptionbudget", "default", "bp-pod-disruption-budget#missing");
    na(l, s, "deployment-has-poddisruptionbudget", "default", otherKind + " (Deployment)");
    on(l, s, "poddisruptionbudget-has-policy", "default", "bp-pod-disruption-budget#no-policy");
    na(l, s, "pod-networkpolicy", "default", "it needs the namespace's NetworkPolicies, which are cluster state");
    na(l, s, "networkpolicy-targets-pod", "default", otherKind + " (NetworkPolicy)");
    on(l, s, "pod-probes", "default", "bp-readiness-probe", "bp-probes#readiness-missing", "bp-probes#liveness-missing");
    on(l, s, "pod-probes-identical", "default", "bp-probes#identical");
    on(l, s, "container-security-context-user-group-id", "default", "bp-hardening-strict#high-uid-gid");
    on(l, s, "container-security-context-privileged", "default", "bp-security#privileged");
    on(l, s, "container-security-context-readonlyrootfilesystem", "default", "bp-hardening#read-only-root-fs");
    on(l, s, "container-seccomp-profile", "optional", "bp-hardening#linux-hardening");
    on(l, s, "service-targets-pod", "default", "bp-governing-service#selects-pods");
    na(l, s, "service-type", "default", "it checks NodePort Services; the governing Service is headless");
    na(l, s, "stable-version", "default", "sts-kit reads apps/v1 StatefulSets only, the stable version");
    na(l, s, "deployment-strategy", "default", otherKind + " (Deployment)");
    na(l, s, "deployment-replicas", "default", otherKind + " (Deployment)");
    on(l, s, "statefulset-has-host-podantiaffinity", "default", "bp-anti-affinity");
    na(l, s, "deployment-has-host-podantiaffinity", "default", otherKind + " (Deployment)");
    na(l, s, "deployment-targeted-by-hpa-does-not-have-replicas-configured", "default", otherKind + " (Deployment)");
    on(l, s, "statefulset-has-servicename", "default", "bp-governing-service#service-name", "bp-governing-service#missing");
    na(l, s, "deployment-pod-selector-labels-match-template-metadata-labels", "default", otherKind + " (Deployment)");
    on(l, s, "statefulset-pod-selector-labels-match-template-metadata-labels", "default", "k8s-selector");
    on(l, s, "label-values", "default", "k8s-object-metadata");
    na(l, s, "horizontalpodautoscaler-has-target", "default", otherKind + " (HorizontalPodAutoscaler)");
    na(l, s, "horizontalpodautoscaler-replicas", "default", otherKind + " (HorizontalPodAutoscaler)");
    on(l, s, "pod-topology-spread-constraints", "default", "k8s-scheduling");
    return Collections.unmodifiableList(l);
  }

  private static void on(List<Entry> l, Tool t, String check, String def, String... targets) {
    l.add(new Entry(t, check, def, List.of(targets), ""));
  }

  private static void na(List<Entry> l, Tool t, String check, String def, String reason) {
    l.add(new Entry(t, check, def, List.of(), reason));
  }
}
