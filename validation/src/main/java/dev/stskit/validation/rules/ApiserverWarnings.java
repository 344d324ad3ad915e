package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The warnings kube-apiserver returns with an accepted StatefulSet ({@code kubectl} prints them as
 * {@code Warning: …}). They never make an object invalid.
 *
 * <p>Follows {@code WarningsOnCreate} of the StatefulSet strategy ({@code pkg/registry/apps/statefulset}),
 * which calls {@code GetWarningsForPodTemplate} / {@code warningsForPodSpecAndMeta}
 * ({@code pkg/api/pod/warnings.go}), {@code nodeapi.GetNodeLabelDeprecatedMessage}
 * ({@code pkg/api/node/util.go}) and {@code GetWarningsForPersistentVolumeClaimSpec}
 * ({@code pkg/api/persistentvolumeclaim/util.go}). Warnings have no error type upstream; sts-kit
 * reports duplicates as {@code Duplicate} and everything else as {@code Invalid}.
 *
 * <p>Checked fields: deprecated node labels in {@code nodeSelector}, node affinity and
 * {@code topologySpreadConstraints[*].topologyKey}; a null spread {@code labelSelector}; deprecated
 * annotations; deprecated volume plugins; duplicate {@code hostAliases} IPs; duplicate or empty
 * {@code imagePullSecrets}; fractional memory and ephemeral-storage; env entries hiding earlier ones;
 * duplicate or ambiguous ports; {@code hostIP} without {@code hostPort}; finalizer names that are not
 * domain-qualified; negative
 * {@code terminationGracePeriodSeconds} and {@code revisionHistoryLimit}; fractional claim storage.
 *
 * <p>Allowed values: anything the apiserver accepts without a warning.
 */
@RuleInfo(id = "k8s-apiserver-warnings", severity = Severity.WARNING,
    summary = "What kube-apiserver accepts but answers with a warning")
public final class ApiserverWarnings implements Rule {
  private static final Map<String, String[]> DEPRECATED_NODE_LABELS = Map.of(
      "beta.kubernetes.io/arch", new String[] {"v1.14", "kubernetes.io/arch"},
      "beta.kubernetes.io/os", new String[] {"v1.14", "kubernetes.io/os"},
      "failure-domain.beta.kubernetes.io/region", new String[] {"v1.17", "topology.kubernetes.io/region"},
      "failure-domain.beta.kubernetes.io/zone", new String[] {"v1.17", "topology.kubernetes.io/zone"},
      "beta.kubernetes.io/instance-type", new String[] {"v1.17", "node.kubernetes.io/instance-type"});
  private static final Map<String, String> DEPRECATED_VOLUMES = new LinkedHashMap<>();

  static {
    DEPRECATED_VOLUMES.put("photonPersistentDisk", "deprecated in v1.11, non-functional in v1.16+");
    DEPRECATED_VOLUMES.put("gitRepo", "deprecated in v1.11");
    DEPRECATED_VOLUMES.put("scaleIO", "deprecated in v1.16, non-functional in v1.22+");
    DEPRECATED_VOLUMES.put("flocker", "deprecated in v1.22, non-functional in v1.25+");
    DEPRECATED_VOLUMES.put("storageos", "deprecated in v1.22, non-functional in v1.25+");
    DEPRECATED_VOLUMES.put("quobyte", "deprecated in v1.22, non-functional in v1.25+");
    DEPRECATED_VOLUMES.put("glusterfs", "deprecated in v1.25, non-functional in v1.26+");
    DEPRECATED_VOLUMES.put("cephfs", "deprecated in v1.28, non-functional in v1.31+");
    DEPRECATED_VOLUMES.put("rbd", "deprecated in v1.28, non-functional in v1.31+");
  }

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    FieldPath ps = Pods.POD_SPEC;
    Map<String, String> nodeSelector = pod.getNodeSelector() == null ? Map.of() : new TreeMap<>(pod.getNodeSelector());
    for (String k : nodeSelector.keySet()) {
      deprecatedLabel(out, k, ps.child("nodeSelector").key(k));
    }
    if (pod.getAffinity() != null && pod.getAffinity().getNodeAffinity() != null) {
      var na = pod.getAffinity().getNodeAffinity();
      if (na.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        List<NodeSelectorTerm> terms = Defaults.list(na.getRequiredDuringSchedulingIgnoredDuringExecution()
            .getNodeSelectorTerms());
        for (int i = 0; i < terms.size(); i++) {
          term(out, terms.get(i), ps.child("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
              "nodeSelectorTerms").index(i));
        }
      }
      List<PreferredSchedulingTerm> pref = Defaults.list(na.getPreferredDuringSchedulingIgnoredDuringExecution());
      for (int i = 0; i < pref.size(); i++) {
        if (pref.get(i) != null) {
          term(out, pref.get(i).getPreference(), ps.child("affinity", "nodeAffinity",
              "preferredDuringSchedulingIgnoredDuringExecution").index(i).child("preference"));
        }
      }
    }
    List<TopologySpreadConstraint> spread = Defaults.list(pod.getTopologySpreadConstraints());
    for (int i = 0; i < spread.size(); i++) {
      TopologySpreadConstraint t = spread.get(i);
      if (t == null) {
        continue;
      }
      FieldPath p = ps.child("topologySpreadConstraints").index(i);
      deprecatedLabel(out, Pods.str(t.getTopologyKey()), p.child("topologyKey"));
      if (t.getLabelSelector() == null) {
        out.add(Violation.invalid(p.child("labelSelector"), "null", Message.of("warn-null-spread-selector")));
      }
    }
    annotations(out, sts, pod);
    List<Volume> volumes = Defaults.list(pod.getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v == null) {
        continue;
      }
      for (String src : dev.stskit.validation.internal.VolumeSources.names(v)) {
        if (DEPRECATED_VOLUMES.containsKey(src)) {
          String name = src.equals("storageos") ? "storageOS" : src;
          out.add(Violation.invalid(ps.child("volumes").index(i).child(name), "{...}",
              Message.of("warn-deprecated-volume", DEPRECATED_VOLUMES.get(src))));
        }
      }
    }
    List<HostAlias> aliases = Defaults.list(pod.getHostAliases());
    Set<String> ips = new HashSet<>();
    for (int i = 0; i < aliases.size(); i++) {
      String ip = aliases.get(i) == null ? "" : Pods.str(aliases.get(i).getIp());
      if (aliases.size() > 1 && !ips.add(ip)) {
        out.add(Violation.duplicate(ps.child("hostAliases").index(i).child("ip"), ip)
            .withHint(Message.of("warn-duplicate-ip", Violation.quote(ip))));
      }
    }
    List<LocalObjectReference> secrets = Defaults.list(pod.getImagePullSecrets());
    Set<String> names = new HashSet<>();
    for (int i = 0; i < secrets.size(); i++) {
      String name = secrets.get(i) == null ? "" : Pods.str(secrets.get(i).getName());
      FieldPath p = ps.child("imagePullSecrets").index(i).child("name");
      if (secrets.size() > 1 && !names.add(name)) {
        out.add(Violation.duplicate(p, name));
      }
      if (name.isEmpty()) {
        out.add(Violation.invalid(p, "", Message.of("warn-empty-secret")));
      }
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      container(out, c.container(), c.path());
    }
    ports(out, sts);
    if (pod.getTerminationGracePeriodSeconds() != null && pod.getTerminationGracePeriodSeconds() < 0) {
      out.add(Violation.invalid(ps.child("terminationGracePeriodSeconds"), pod.getTerminationGracePeriodSeconds(),
          Message.of("warn-negative-grace")));
    }
    List<String> finalizers = Defaults.list(Pods.meta(sts).getFinalizers());
    for (String f : finalizers) {
      // rest.BeforeCreate warnings: finalizer names should be domain-qualified
      if (f != null && !f.contains("/") && !Set.of("kubernetes", "orphan", "foregroundDeletion").contains(f)) {
        out.add(Violation.invalid(FieldPath.of("metadata", "finalizers"), f, Message.of("finalizer-name")));
      }
    }
    Integer rhl = Pods.spec(sts).getRevisionHistoryLimit();
    if (rhl != null && rhl < 0) {
      out.add(Violation.invalid(Pods.SPEC.child("revisionHistoryLimit"), rhl, Message.of("warn-revision-history")));
    }
    List<PersistentVolumeClaim> claims = Defaults.list(Pods.spec(sts).getVolumeClaimTemplates());
    for (int i = 0; i < claims.size(); i++) {
      PersistentVolumeClaim pvc = claims.get(i);
      if (pvc == null || pvc.getSpec() == null || pvc.getSpec().getResources() == null) {
        continue;
      }
      FieldPath p = Pods.SPEC.child("volumeClaimTemplates").index(i).child("spec", "resources");
      fractional(out, pvc.getSpec().getResources().getRequests(), "storage", p.child("requests").key("storage"));
      fractional(out, pvc.getSpec().getResources().getLimits(), "storage", p.child("limits").key("storage"));
    }
    return out;
  }

  private static void deprecatedLabel(List<Violation> out, String key, FieldPath path) {
    String[] d = DEPRECATED_NODE_LABELS.get(key);
    if (d != null) {
      out.add(Violation.invalid(path, key, Message.of("warn-deprecated-node-label", key, d[0], d[1])));
    }
  }

  private static void term(List<Violation> out, NodeSelectorTerm term, FieldPath path) {
    if (term == null) {
      return;
    }
    List<NodeSelectorRequirement> exprs = Defaults.list(term.getMatchExpressions());
    for (int j = 0; j < exprs.size(); j++) {
      if (exprs.get(j) != null) {
        deprecatedLabel(out, Pods.str(exprs.get(j).getKey()), path.child("matchExpressions").index(j).child("key"));
      }
    }
  }

  private static void annotations(List<Violation> out, StatefulSet sts, PodSpec pod) {
    Map<String, String> ann = Pods.templateMeta(sts).getAnnotations() == null ? Map.of()
        : Pods.templateMeta(sts).getAnnotations();
    FieldPath ap = Pods.TEMPLATE.child("metadata", "annotations");
    for (String[] d : new String[][] {
        {"scheduler.alpha.kubernetes.io/critical-pod", "v1.16+", "priorityClassName"},
        {"security.alpha.kubernetes.io/sysctls", "v1.11+", "sysctls"},
        {"security.alpha.kubernetes.io/unsafe-sysctls", "v1.11+", "sysctls"}}) {
      if (ann.containsKey(d[0])) {
        out.add(Violation.invalid(ap.key(d[0]), ann.get(d[0]), Message.of("warn-deprecated-annotation", d[1], d[2])));
      }
    }
    boolean podSeccomp = pod.getSecurityContext() != null && pod.getSecurityContext().getSeccompProfile() != null;
    String podKey = "seccomp.security.alpha.kubernetes.io/pod";
    if (!podSeccomp && ann.containsKey(podKey)) {
      out.add(Violation.invalid(ap.key(podKey), ann.get(podKey),
          Message.of("warn-deprecated-annotation", "v1.27+", "seccompProfile")));
    }
    boolean podAppArmor = pod.getSecurityContext() != null && pod.getSecurityContext().getAppArmorProfile() != null;
    for (Pods.Located c : Pods.allContainers(sts)) {
      Container ctr = c.container();
      String name = Pods.str(ctr.getName());
      String seccompKey = "container.seccomp.security.alpha.kubernetes.io/" + name;
      if ((ctr.getSecurityContext() == null || ctr.getSecurityContext().getSeccompProfile() == null)
          && ann.containsKey(seccompKey)) {
        out.add(Violation.invalid(ap.key(seccompKey), ann.get(seccompKey),
            Message.of("warn-deprecated-annotation", "v1.27+", "seccompProfile")));
      }
      String appArmorKey = "container.apparmor.security.beta.kubernetes.io/" + name;
      boolean hasField = podAppArmor || (ctr.getSecurityContext() != null
          && ctr.getSecurityContext().getAppArmorProfile() != null);
      if (!hasField && ann.containsKey(appArmorKey)) {
        out.add(Violation.invalid(ap.key(appArmorKey), ann.get(appArmorKey), Message.of("warn-apparmor-annotation")));
      }
    }
  }

  private static void container(List<Violation> out, Container c, FieldPath path) {
    if (c.getResources() != null) {
      for (String r : List.of("memory", "ephemeral-storage")) {
        fractional(out, c.getResources().getLimits(), r, path.child("resources", "limits").key(r));
        fractional(out, c.getResources().getRequests(), r, path.child("resources", "requests").key(r));
      }
    }
    List<EnvVar> env = Defaults.list(c.getEnv());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = env.get(i);
      if (e == null) {
        continue;
      }
      String name = Pods.str(e.getName());
      if (env.size() > 1 && !seen.add(name)) {
        String ref = "$(" + name + ")";
        String value = Pods.str(e.getValue());
        if (e.getValueFrom() != null || value.equals(ref) || !value.contains(ref)) {
          out.add(Violation.duplicate(path.child("env").index(i), name)
              .withHint(Message.of("warn-env-hides", Violation.quote(name))));
        }
      }
    }
  }

  private static void fractional(List<Violation> out, Map<String, Quantity> list, String resource, FieldPath path) {
    if (list == null || !list.containsKey(resource)) {
      return;
    }
    Optional<BigDecimal> v = Quantities.parse(list.get(resource));
    if (v.isPresent() && Quantities.milliValueNotWhole(v.get())) {
      String text = Quantities.text(list.get(resource));
      out.add(Violation.invalid(path, text, Message.of("warn-fractional-bytes", Violation.quote(text))));
    }
  }

  /**
   * The ports of one {@code containerPort/protocol} seen so far, indexed so that each new port finds the
   * first earlier port it conflicts with in constant time.
   */
  private static final class PortGroup {
    FieldPath first;
    FieldPath firstWithoutHostPort;
    final Map<String, FieldPath> byHost = new HashMap<>();
    final Map<Integer, FieldPath> withHostIpByHostPort = new HashMap<>();
    final Map<Integer, FieldPath> withoutHostIpByHostPort = new HashMap<>();

    void add(FieldPath p, String hostIp, int hostPort) {
      if (first == null) {
        first = p;
      }
      if (hostPort == 0 && firstWithoutHostPort == null) {
        firstWithoutHostPort = p;
      }
      byHost.putIfAbsent(hostIp + "/" + hostPort, p);
      (hostIp.isEmpty() ? withoutHostIpByHostPort : withHostIpByHostPort).putIfAbsent(hostPort, p);
    }
  }

  /**
   * {@code warningsForPodSpec}'s port checks ({@code pkg/api/pod/warnings.go}): a port with the same
   * {@code containerPort/protocol} as an earlier one is a duplicate (same host IP and port),
   * overlapping (either without host port) or dangerously ambiguous (same host port, one host IP
   * empty). Upstream warns once for every such pair; sts-kit warns once per port, naming the first
   * earlier port it conflicts with, so that many containers on one port cost linear time.
   */
  private static void ports(List<Violation> out, StatefulSet sts) {
    Map<String, PortGroup> all = new HashMap<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      List<ContainerPort> ports = Defaults.list(c.container().getPorts());
      for (int i = 0; i < ports.size(); i++) {
        ContainerPort port = ports.get(i);
        if (port == null) {
          continue;
        }
        FieldPath p = c.path().child("ports").index(i);
        String hostIp = Pods.str(port.getHostIP());
        int hostPort = port.getHostPort() == null ? 0 : port.getHostPort();
        if (!hostIp.isEmpty() && hostPort == 0) {
          out.add(Violation.invalid(p, hostIp, Message.of("warn-host-ip-without-port")));
        }
        String key = port.getContainerPort() + "/" + Pods.str(port.getProtocol());
        PortGroup group = all.computeIfAbsent(key, k -> new PortGroup());
        FieldPath same = group.byHost.get(hostIp + "/" + hostPort);
        FieldPath overlapping = hostPort == 0 ? group.first : group.firstWithoutHostPort;
        FieldPath ambiguous = hostPort == 0 ? null
            : (hostIp.isEmpty() ? group.withHostIpByHostPort : group.withoutHostIpByHostPort).get(hostPort);
        if (same != null) {
          out.add(Violation.duplicate(p, key).withHint(Message.of("warn-duplicate-port", same.toString())));
        } else if (overlapping != null) {
          out.add(Violation.invalid(p, key, Message.of("warn-overlapping-port", overlapping.toString())));
        } else if (ambiguous != null) {
          out.add(Violation.invalid(p, key, Message.of("warn-ambiguous-port", ambiguous.toString())));
        }
        group.add(p, hostIp, hostPort);
      }
    }
  }
}
