package dev.stskit.core.internal;

import static dev.stskit.core.internal.Nulls.orEmpty;

import dev.stskit.core.AccessService;
import dev.stskit.core.CompileOptions;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Dns;
import dev.stskit.core.DnsPolicy;
import dev.stskit.core.Extras;
import dev.stskit.core.Lifted;
import dev.stskit.core.PodManagementPolicy;
import dev.stskit.core.ServerFields;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.UpdateStrategy;
import dev.stskit.core.Volume;
import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.NodeTerm;
import dev.stskit.core.scheduling.Operator;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.gpu.GpuMappers;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Lifts fabric8 objects to a {@link StatefulSetSpec}: every field the spec models is read into
 * it, then the difference between the compiled spec and the input becomes the spec's {@link
 * Extras}, so that compiling gives back the input (minus server-populated fields) exactly.
 */
public final class Lifter {
  private Lifter() {}

  /** See {@link StatefulSetSpec#lift(StatefulSet, List, CompileOptions)}. */
  public static Lifted lift(StatefulSet input, List<Service> services, CompileOptions options) {
    Objects.requireNonNull(input, "statefulSet");
    StatefulSet x = ServerFields.strip(input);
    ObjectMeta meta = x.getMetadata() == null ? new ObjectMeta() : x.getMetadata();
    io.fabric8.kubernetes.api.model.apps.StatefulSetSpec xs =
        x.getSpec() == null ? new io.fabric8.kubernetes.api.model.apps.StatefulSetSpec() : x.getSpec();
    ObjectMeta podMeta = xs.getTemplate() == null || xs.getTemplate().getMetadata() == null
        ? new ObjectMeta() : xs.getTemplate().getMetadata();
    PodSpec pod = xs.getTemplate() == null || xs.getTemplate().getSpec() == null
        ? new PodSpec() : xs.getTemplate().getSpec();
    List<String> notRepresented = new ArrayList<>();

    StatefulSetSpec.Builder b = StatefulSetSpec.builder();
    if (meta.getName() == null || meta.getName().isEmpty()) {
      throw new SpecException("metadata.name", "required");
    }
    b.name(meta.getName());
    if (meta.getNamespace() != null) {
      b.namespace(meta.getNamespace());
    }
    if (xs.getReplicas() != null) {
      b.replicas(xs.getReplicas());
    }
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    String description = annotations.get(StatefulSetSpec.DESCRIPTION_ANNOTATION);
    if (description != null && !description.isEmpty()) {
      // an empty one is no description (the spec refuses it): it stays a plain annotation
      annotations.remove(StatefulSetSpec.DESCRIPTION_ANNOTATION);
      b.description(description);
    }
    b.annotations(annotations);
    b.labels(orEmpty(meta.getLabels()));

    Map<String, String> selector = xs.getSelector() == null ? Map.of() : orEmpty(xs.getSelector().getMatchLabels());
    b.selector(selector);
    Map<String, String> podLabels = new LinkedHashMap<>();
    orEmpty(podMeta.getLabels()).forEach((k, v) -> {
      if (!selector.containsKey(k)) {
        podLabels.put(k, v);
      }
    });
    b.podLabels(podLabels);

    Map<String, String> podAnnotations = new LinkedHashMap<>(orEmpty(podMeta.getAnnotations()));
    NetworkAnnotations.liftNetwork(podAnnotations).ifPresent(b::network);

    // containers, with GPU detection against the pod annotations and required node affinity
    GpuMappers mappers = options.gpuMappers();
    Map<String, String> gpuAnnotations = new LinkedHashMap<>();
    List<NodeSelectorRequirement> commonRequired = commonRequiredRequirements(pod);
    List<NodeSelectorRequirement> gpuRequirements = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      List<Container> cs = orEmpty(pass == 0 ? pod.getInitContainers() : pod.getContainers());
      String base = pass == 0 ? "spec.template.spec.initContainers" : "spec.template.spec.containers";
      for (int i = 0; i < cs.size(); i++) {
        ContainerSpec c = Containers.liftContainer(cs.get(i), base + "[" + i + "]", mappers,
            orEmpty(podMeta.getAnnotations()), commonRequired, gpuAnnotations, gpuRequirements,
            notRepresented);
        if (pass == 0) {
          // hooks and probes the form refuses on init containers (a native sidecar's) stay extras
          b.addInitContainer(ContainerSpec.builder().from(c).postStart(Optional.empty())
              .preStop(Optional.empty()).livenessProbe(Optional.empty()).readinessProbe(Optional.empty())
              .startupProbe(Optional.empty()).build());
        } else {
          b.addContainer(c);
        }
      }
    }
    gpuAnnotations.keySet().forEach(podAnnotations::remove);
    b.podAnnotations(podAnnotations);

    orEmpty(pod.getImagePullSecrets()).forEach(s -> b.addImagePullSecret(s.getName() == null ? "" : s.getName()));
    Optional.ofNullable(pod.getServiceAccountName()).ifPresent(b::serviceAccountName);
    Optional.ofNullable(pod.getPriorityClassName()).ifPresent(b::priorityClassName);
    Optional.ofNullable(pod.getRuntimeClassName()).ifPresent(b::runtimeClassName);
    Optional.ofNullable(pod.getHostNetwork()).ifPresent(b::hostNetwork);
    Optional.ofNullable(pod.getHostPID()).ifPresent(b::hostPID);
    Optional.ofNullable(pod.getHostIPC()).ifPresent(b::hostIPC);
    Optional.ofNullable(xs.getMinReadySeconds()).ifPresent(b::minReadySeconds);
    if (xs.getOrdinals() != null && xs.getOrdinals().getStart() != null) {
      b.ordinalsStart(xs.getOrdinals().getStart());
    }
    if (xs.getPersistentVolumeClaimRetentionPolicy() != null) {
      Optional.ofNullable(xs.getPersistentVolumeClaimRetentionPolicy().getWhenDeleted())
          .ifPresent(b::claimRetentionWhenDeleted);
      Optional.ofNullable(xs.getPersistentVolumeClaimRetentionPolicy().getWhenScaled())
          .ifPresent(b::claimRetentionWhenScaled);
    }
    if (pod.getSecurityContext() != null && pod.getSecurityContext().getRunAsUser() != null) {
      b.runAsUser(pod.getSecurityContext().getRunAsUser());
    }
    Security.liftPod(pod.getSecurityContext()).ifPresent(b::podSecurity);
    List<io.fabric8.kubernetes.api.model.Volume> volumes = orEmpty(pod.getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = Volumes.liftVolume(volumes.get(i));
      if (v instanceof Volume.Raw) {
        notRepresented.add("spec.template.spec.volumes[" + i + "]");
      }
      b.addVolume(v);
    }
    Volumes.liftClaims(orEmpty(xs.getVolumeClaimTemplates())).ifPresent(b::volumeClaimTemplates);
    if (xs.getServiceName() != null) {
      b.serviceName(xs.getServiceName());
    }
    liftDns(pod).ifPresent(b::dns);
    if (xs.getUpdateStrategy() != null && "OnDelete".equals(xs.getUpdateStrategy().getType())) {
      b.updateStrategy(UpdateStrategy.recreate());
    } else if (xs.getUpdateStrategy() != null && xs.getUpdateStrategy().getRollingUpdate() != null
        && xs.getUpdateStrategy().getRollingUpdate().getPartition() != null) {
      b.updateStrategy(UpdateStrategy.rolling(xs.getUpdateStrategy().getRollingUpdate().getPartition()));
    }
    if (xs.getRevisionHistoryLimit() != null) {
      b.revisionHistoryLimit(xs.getRevisionHistoryLimit());
    }
    if (pod.getTerminationGracePeriodSeconds() != null) {
      b.terminationGracePeriodSeconds(pod.getTerminationGracePeriodSeconds());
    }
    PodManagementPolicy.fromValue(xs.getPodManagementPolicy()).ifPresent(b::podManagementPolicy);
    b.scheduling(liftScheduling(pod, gpuRequirements));

    // services
    String serviceName = xs.getServiceName() == null ? meta.getName() : xs.getServiceName();
    Service governing = null;
    List<Service> access = new ArrayList<>();
    for (Service s : services) {
      Service stripped = ServerFields.strip(s);
      String n = stripped.getMetadata() == null ? null : stripped.getMetadata().getName();
      if (governing == null && serviceName.equals(n)) {
        governing = stripped;
      } else {
        access.add(stripped);
      }
    }
    Map<String, String> effectiveSelector = selector.isEmpty() ? Map.of("app", meta.getName()) : selector;
    for (Service s : access) {
      b.addService(Services.liftAccessService(s, effectiveSelector));
    }

    StatefulSetSpec plain = b.build();
    Compiler.Raw raw = Compiler.compileRaw(plain, options);
    StatefulSetSpec.Builder withExtras = StatefulSetSpec.builder().from(plain);
    Extras stsExtras = ExtrasStep.liftExtras(raw.statefulSet(), x, raw.derived());
    withExtras.extras(stsExtras);
    report("", stsExtras, notRepresented);
    if (stsExtras.omit().contains(Compiler.NAMESPACE)) {
      // without a namespace the Services compile without one too: compare them with those
      raw = Compiler.compileRaw(StatefulSetSpec.builder().from(plain).extras(stsExtras).build(), options);
    }
    if (governing != null) {
      Extras gov = ExtrasStep.liftExtras(raw.governingService(), governing, Services.GOVERNING_DERIVED);
      withExtras.governingServiceExtras(gov);
      report("Service " + serviceName + ": ", gov, notRepresented);
    }
    List<AccessService> lifted = new ArrayList<>();
    for (int i = 0; i < access.size(); i++) {
      AccessService svc = plain.services().get(i);
      Extras e = ExtrasStep.liftExtras(raw.accessServices().get(i), access.get(i), List.of());
      report("Service " + svc.name() + ": ", e, notRepresented);
      lifted.add(AccessService.builder().from(svc).extras(e).build());
    }
    withExtras.services(lifted);
    List<String> warnings = new ArrayList<>(ServerFields.ownerReferenceWarnings(input));
    for (Service s : services) {
      String n = s.getMetadata() == null ? null : s.getMetadata().getName();
      ServerFields.ownerReferenceWarnings(s).forEach(w -> warnings.add("Service " + n + ": " + w));
    }
    return new Lifted(withExtras.build(), notRepresented, warnings);
  }

  private static void report(String prefix, Extras e, List<String> out) {
    e.set().keySet().forEach(p -> out.add(prefix + p));
    e.omit().forEach(p -> out.add(prefix + p + " (absent)"));
  }

  // DNS and scheduling; containers, volumes, the network annotations and the Services are lifted by
  // Containers, Volumes, NetworkAnnotations and Services

  private static Optional<Dns> liftDns(PodSpec pod) {
    Dns.Builder b = Dns.builder();
    boolean any = false;
    Optional<DnsPolicy> policy = DnsPolicy.fromValue(pod.getDnsPolicy());
    if (policy.isPresent()) {
      b.policy(policy.get());
      any = true;
    }
    if (pod.getDnsConfig() != null) {
      b.nameservers(orEmpty(pod.getDnsConfig().getNameservers()));
      b.searches(orEmpty(pod.getDnsConfig().getSearches()));
      for (var o : orEmpty(pod.getDnsConfig().getOptions())) {
        if (o.getName() != null) {
          b.addOption(o.getValue() == null ? Dns.Option.of(o.getName()) : Dns.Option.of(o.getName(), o.getValue()));
        }
      }
      any = true;
    }
    for (var h : orEmpty(pod.getHostAliases())) {
      if (h.getIp() != null) {
        b.addHostAlias(Dns.HostAlias.of(h.getIp(), orEmpty(h.getHostnames()).toArray(String[]::new)));
        any = true;
      }
    }
    return any ? Optional.of(b.build()) : Optional.empty();
  }

  /** The requirements every required node-affinity term carries (what a GPU placement ANDs in). */
  private static List<NodeSelectorRequirement> commonRequiredRequirements(PodSpec pod) {
    Affinity a = pod.getAffinity();
    if (a == null || a.getNodeAffinity() == null
        || a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return List.of();
    }
    List<NodeSelectorTerm> terms =
        orEmpty(a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms());
    if (terms.isEmpty()) {
      return List.of();
    }
    List<NodeSelectorRequirement> common = new ArrayList<>(orEmpty(terms.get(0).getMatchExpressions()));
    for (NodeSelectorTerm t : terms.subList(1, terms.size())) {
      common.retainAll(orEmpty(t.getMatchExpressions()));
    }
    return common;
  }

  /**
   * The form's scheduling tab, without the node requirements a GPU placement accounts for (compile
   * ANDs those back into every required term).
   */
  private static Scheduling liftScheduling(PodSpec pod, List<NodeSelectorRequirement> gpuRequirements) {
    Scheduling.Builder b = Scheduling.builder();
    List<Toleration> t = orEmpty(pod.getTolerations());
    int custom = 0;
    if (t.size() >= 2 && isFormToleration(t.get(0), Compiler.NOT_READY)
        && isFormToleration(t.get(1), Compiler.UNREACHABLE)
        && t.get(0).getTolerationSeconds().equals(t.get(1).getTolerationSeconds())) {
      b.tolerationSeconds(t.get(0).getTolerationSeconds());
      custom = 2;
    }
    for (Toleration x : t.subList(custom, t.size())) {
      var r = dev.stskit.core.scheduling.TolerationRule.builder();
      Optional.ofNullable(x.getKey()).ifPresent(r::key);
      Optional.ofNullable(x.getOperator()).ifPresent(r::operator);
      Optional.ofNullable(x.getValue()).ifPresent(r::value);
      Optional.ofNullable(x.getEffect()).ifPresent(r::effect);
      Optional.ofNullable(x.getTolerationSeconds()).ifPresent(r::tolerationSeconds);
      b.addTolerations(r.build());
    }
    b.nodeSelector(orEmpty(pod.getNodeSelector()));
    liftTopologySpread(orEmpty(pod.getTopologySpreadConstraints())).ifPresent(b::topologySpreadConstraints);
    Affinity a = pod.getAffinity();
    if (a != null && a.getNodeAffinity() != null) {
      var na = a.getNodeAffinity();
      if (na.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        List<NodeSelectorTerm> terms =
            orEmpty(na.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms());
        for (NodeSelectorTerm term : terms) {
          NodeSelectorTerm own = new NodeSelectorTerm();
          own.setMatchExpressions(orEmpty(term.getMatchExpressions()).stream()
              .filter(r -> !gpuRequirements.contains(r)).toList());
          own.setMatchFields(term.getMatchFields());
          if (terms.size() == 1 && own.getMatchExpressions().isEmpty() && !gpuRequirements.isEmpty()) {
            continue;   // the GPU placement's own term: compile writes it again
          }
          nodeRules(own).ifPresent(r -> b.addRequiredNodeTerm(NodeTerm.required(r.toArray(LabelRule[]::new))));
        }
      }
      for (var p : orEmpty(na.getPreferredDuringSchedulingIgnoredDuringExecution())) {
        if (p.getPreference() != null && p.getWeight() != null) {
          nodeRules(p.getPreference()).ifPresent(r ->
              b.addPreferredNodeTerm(NodeTerm.preferred(p.getWeight(), r.toArray(LabelRule[]::new))));
        }
      }
    }
    if (a != null && a.getPodAffinity() != null) {
      b.podAffinity(podRules(a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
          a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution()));
    }
    if (a != null && a.getPodAntiAffinity() != null) {
      b.podAntiAffinity(podRules(a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
          a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution()));
    }
    return b.build();
  }

  /**
   * The constraints, or nothing when one of them is not expressible (a required field missing, a
   * selector operator no label selector has): the list then stays in the extras as it is.
   */
  private static Optional<List<dev.stskit.core.scheduling.TopologySpread>> liftTopologySpread(
      List<io.fabric8.kubernetes.api.model.TopologySpreadConstraint> constraints) {
    List<dev.stskit.core.scheduling.TopologySpread> out = new ArrayList<>();
    for (var c : constraints) {
      if (c == null || c.getMaxSkew() == null || c.getTopologyKey() == null || c.getWhenUnsatisfiable() == null
          || orEmpty(c.getMatchLabelKeys()).contains(null) || !c.getAdditionalProperties().isEmpty()) {
        return Optional.empty();
      }
      var b = dev.stskit.core.scheduling.TopologySpread.builder().maxSkew(c.getMaxSkew())
          .topologyKey(c.getTopologyKey()).whenUnsatisfiable(c.getWhenUnsatisfiable());
      LabelSelector sel = c.getLabelSelector();
      if (sel != null) {
        if (orEmpty(sel.getMatchLabels()).isEmpty() && orEmpty(sel.getMatchExpressions()).isEmpty()) {
          return Optional.empty();   // an empty selector (matches nothing) is not the absent one
        }
        b.matchLabels(orEmpty(sel.getMatchLabels()));
        for (LabelSelectorRequirement r : orEmpty(sel.getMatchExpressions())) {
          Optional<Operator> op = Operator.fromValue(r.getOperator());
          if (r.getKey() == null || op.isEmpty() || op.get() == Operator.GT || op.get() == Operator.LT
              || orEmpty(r.getValues()).contains(null)) {
            return Optional.empty();
          }
          b.addMatchExpression(LabelRule.of(r.getKey(), op.get(), orEmpty(r.getValues()).toArray(String[]::new)));
        }
      }
      Optional.ofNullable(c.getMinDomains()).ifPresent(b::minDomains);
      Optional.ofNullable(c.getNodeAffinityPolicy()).ifPresent(b::nodeAffinityPolicy);
      Optional.ofNullable(c.getNodeTaintsPolicy()).ifPresent(b::nodeTaintsPolicy);
      b.matchLabelKeys(orEmpty(c.getMatchLabelKeys()));
      out.add(b.build());
    }
    return Optional.of(out);
  }

  private static boolean isFormToleration(Toleration t, String key) {
    return key.equals(t.getKey()) && "Exists".equals(t.getOperator()) && "NoExecute".equals(t.getEffect())
        && t.getValue() == null && t.getTolerationSeconds() != null
        && t.getAdditionalProperties().isEmpty();
  }

  private static Optional<List<LabelRule>> nodeRules(NodeSelectorTerm term) {
    List<LabelRule> out = new ArrayList<>();
    for (NodeSelectorRequirement r : orEmpty(term.getMatchExpressions())) {
      Optional<Operator> op = Operator.fromValue(r.getOperator());
      if (r.getKey() == null || op.isEmpty()) {
        return Optional.empty();
      }
      out.add(LabelRule.of(r.getKey(), op.get(), orEmpty(r.getValues()).toArray(String[]::new)));
    }
    return Optional.of(out);
  }

  private static List<PodAffinityRule> podRules(List<PodAffinityTerm> required,
      List<io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm> preferred) {
    List<PodAffinityRule> out = new ArrayList<>();
    for (PodAffinityTerm t : orEmpty(required)) {
      out.add(podRule(t, Optional.empty()));
    }
    for (var w : orEmpty(preferred)) {
      out.add(podRule(w.getPodAffinityTerm() == null ? new PodAffinityTerm() : w.getPodAffinityTerm(),
          Optional.of(w.getWeight() == null ? 1 : w.getWeight())));
    }
    return out;
  }

  private static PodAffinityRule podRule(PodAffinityTerm t, Optional<Integer> weight) {
    PodAffinityRule.Builder b = PodAffinityRule.builder().weight(weight)
        .topologyKey(t.getTopologyKey() == null ? "" : t.getTopologyKey())
        .namespaces(orEmpty(t.getNamespaces()));
    if (t.getLabelSelector() != null) {
      b.matchLabels(orEmpty(t.getLabelSelector().getMatchLabels()));
      for (LabelSelectorRequirement r : orEmpty(t.getLabelSelector().getMatchExpressions())) {
        Operator.fromValue(r.getOperator()).filter(o -> r.getKey() != null).ifPresent(op ->
            b.addMatchExpression(LabelRule.of(r.getKey(), op, orEmpty(r.getValues()).toArray(String[]::new))));
      }
    }
    return b.build();
  }
}
