package dev.stskit.core.internal;

import dev.stskit.core.AccessService;
import dev.stskit.core.CompileOptions;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Dns;
import dev.stskit.core.Manifests;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.UpdateStrategy;
import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.NodeTerm;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.gpu.GpuPlacement;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Compiles a {@link StatefulSetSpec} to fabric8 objects. Stateless; deterministic. */
public final class Compiler {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  /** The extras path that leaves the StatefulSet's namespace out. */
  public static final String NAMESPACE = "metadata.namespace";

  private Compiler() {}

  /** Compiles, applies the extras, then the customizers. */
  public static Manifests compile(StatefulSetSpec spec, CompileOptions options) {
    Raw raw = compileRaw(spec, options);
    StatefulSet sts = ExtrasStep.apply(raw.statefulSet(), spec.extras(), "extras",
        "StatefulSet " + spec.name(), s -> new StatefulSetBuilder(s).build(), raw.derived());
    Service governing = ExtrasStep.apply(raw.governingService(), spec.governingServiceExtras(),
        "governingServiceExtras", "Service " + spec.serviceName(), s -> new ServiceBuilder(s).build(),
        Services.GOVERNING_DERIVED);
    List<Service> access = new ArrayList<>();
    for (int i = 0; i < spec.services().size(); i++) {
      AccessService svc = spec.services().get(i);
      access.add(ExtrasStep.apply(raw.accessServices().get(i), svc.extras(), "services[" + i + "].extras",
          "Service " + svc.name(), s -> new ServiceBuilder(s).build(), List.of()));
    }
    for (UnaryOperator<StatefulSet> customizer : options.customizers()) {
      sts = customizer.apply(new StatefulSetBuilder(sts).build());
      if (sts == null) {
        throw new SpecException("", "a customizer returned null");
      }
    }
    return new Manifests(sts, governing, access);
  }

  /**
   * The objects built from the modelled fields only, without extras and customizers, and the
   * paths of the StatefulSet that compile derived rather than took from a field (container ports
   * added for Service targets).
   */
  public record Raw(StatefulSet statefulSet, Service governingService, List<Service> accessServices,
      List<String> derived) {}

  /** Builds the objects from the modelled fields only. */
  public static Raw compileRaw(StatefulSetSpec spec, CompileOptions options) {
    Map<String, String> owners = new LinkedHashMap<>();
    Map<String, String> selector = new LinkedHashMap<>(spec.effectiveSelector());

    Map<String, String> podAnnotations = new LinkedHashMap<>(spec.podAnnotations());
    spec.network().ifPresent(n -> NetworkAnnotations.networkAnnotations(n).forEach((k, v) ->
        putOwned(owners, podAnnotations, k, v, "spec.template.metadata.annotations", "the network settings")));

    List<NodeSelectorRequirement> gpuNodeRequirements = new ArrayList<>();
    Map<String, String> requirementOwners = new LinkedHashMap<>();
    String[] schedulerName = {null};
    List<Container> containers = new ArrayList<>();
    List<Container> initContainers = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      List<ContainerSpec> specs = pass == 0 ? spec.initContainers() : spec.containers();
      String base = pass == 0 ? "spec.template.spec.initContainers" : "spec.template.spec.containers";
      for (int i = 0; i < specs.size(); i++) {
        ContainerSpec c = specs.get(i);
        String at = base + "[" + i + "]";
        Optional<GpuPlacement> placement = c.gpu().map(g -> place(options, g, at));
        placement.ifPresent(p -> {
          p.podAnnotations().forEach((k, v) -> putOwned(owners, podAnnotations, k, v,
              "spec.template.metadata.annotations", "the GPU request of " + at));
          for (NodeSelectorRequirement r : p.requiredNodeSelectorRequirements()) {
            if (gpuNodeRequirements.contains(r)) {
              continue;
            }
            // node affinity is per pod: two GPU requests pinning one node label to different
            // values (e.g. MIG single on one product, whole cards on another) fit no node
            String owner = requirementOwners.putIfAbsent(r.getKey(), "the GPU request of " + at);
            if (owner != null) {
              NodeSelectorRequirement first = gpuNodeRequirements.stream()
                  .filter(x -> x.getKey().equals(r.getKey())).findFirst().orElseThrow();
              throw new SpecException(at + ".resources.limits",
                  "the GPU request of " + at + " needs node label " + r.getKey() + " " + r.getOperator()
                  + " " + r.getValues() + ", but " + owner + " needs " + first.getOperator() + " "
                  + first.getValues() + ": one pod lands on one node");
            }
            gpuNodeRequirements.add(r);
          }
          p.schedulerName().ifPresent(s -> {
            if (schedulerName[0] != null && !schedulerName[0].equals(s)) {
              throw new SpecException("spec.template.spec.schedulerName",
                  "GPU requests need two schedulers: " + schedulerName[0] + " and " + s);
            }
            schedulerName[0] = s;
          });
        });
        (pass == 0 ? initContainers : containers).add(Containers.container(c, placement));
      }
    }
    List<String> derived = Services.addServiceTargetPorts(spec, containers);

    ObjectMeta meta = new ObjectMeta();
    meta.setName(spec.name());
    meta.setNamespace(spec.namespace());
    meta.setLabels(new LinkedHashMap<>(spec.labels()));
    Map<String, String> annotations = new LinkedHashMap<>(spec.annotations());
    spec.description().ifPresent(d ->
        putOwned(owners, annotations, spec.descriptionAnnotation(), d, "metadata.annotations", "the description"));
    meta.setAnnotations(annotations);

    ObjectMeta podMeta = new ObjectMeta();
    Map<String, String> podLabels = new LinkedHashMap<>(selector);
    spec.podLabels().forEach(podLabels::putIfAbsent);
    podMeta.setLabels(podLabels);
    podMeta.setAnnotations(podAnnotations);

    PodSpec pod = new PodSpec();
    pod.setVolumes(spec.volumes().stream().map(Volumes::volume).toList());
    pod.setInitContainers(initContainers);
    pod.setContainers(containers);
    pod.setTerminationGracePeriodSeconds(spec.terminationGracePeriodSeconds());
    spec.dns().flatMap(Dns::policy).ifPresent(p -> pod.setDnsPolicy(p.value()));
    pod.setSecurityContext(Security.pod(spec.runAsUser(), spec.podSecurity()));
    pod.setImagePullSecrets(spec.imagePullSecrets().stream().map(LocalObjectReference::new).toList());
    spec.serviceAccountName().ifPresent(pod::setServiceAccountName);
    spec.priorityClassName().ifPresent(pod::setPriorityClassName);
    spec.runtimeClassName().ifPresent(pod::setRuntimeClassName);
    spec.hostNetwork().ifPresent(pod::setHostNetwork);
    spec.hostPID().ifPresent(pod::setHostPID);
    spec.hostIPC().ifPresent(pod::setHostIPC);
    pod.setNodeSelector(new LinkedHashMap<>(spec.scheduling().nodeSelector()));
    spec.dns().ifPresent(d -> dns(d, pod));
    pod.setAffinity(affinity(spec.scheduling(), gpuNodeRequirements));
    if (schedulerName[0] != null) {
      pod.setSchedulerName(schedulerName[0]);
    }
    pod.setTolerations(tolerations(spec.scheduling()));
    pod.setTopologySpreadConstraints(spec.scheduling().topologySpreadConstraints().stream()
        .map(Compiler::topologySpread).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));

    PodTemplateSpec template = new PodTemplateSpec(podMeta, pod);
    StatefulSet sts = new StatefulSetBuilder()
        .withMetadata(meta)
        .withSpec(new StatefulSetSpecBuilder()
            .withReplicas(spec.replicas())
            .withSelector(new LabelSelector(List.of(), new LinkedHashMap<>(selector)))
            .withTemplate(template)
            .withVolumeClaimTemplates(spec.volumeClaimTemplates().stream().map(Volumes::claim).toList())
            .withServiceName(spec.serviceName())
            .withPodManagementPolicy(spec.podManagementPolicy().value())
            .withUpdateStrategy(updateStrategy(spec.updateStrategy()))
            .withRevisionHistoryLimit(spec.revisionHistoryLimit())
            .build())
        .build();
    spec.minReadySeconds().ifPresent(sts.getSpec()::setMinReadySeconds);
    spec.ordinalsStart().ifPresent(n ->
        sts.getSpec().setOrdinals(new io.fabric8.kubernetes.api.model.apps.StatefulSetOrdinals(n)));
    if (spec.claimRetentionWhenDeleted().isPresent() || spec.claimRetentionWhenScaled().isPresent()) {
      var retention = new io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy();
      spec.claimRetentionWhenDeleted().ifPresent(retention::setWhenDeleted);
      spec.claimRetentionWhenScaled().ifPresent(retention::setWhenScaled);
      sts.getSpec().setPersistentVolumeClaimRetentionPolicy(retention);
    }

    Service governing = Services.governingService(spec, selector, containers);
    List<Service> access = spec.services().stream().map(s -> Services.accessService(spec, s, selector)).toList();
    if (spec.extras().omit().contains(NAMESPACE) && "default".equals(spec.namespace())) {
      // the Services go where the StatefulSet goes: an imported StatefulSet without a namespace
      // (created in kubectl's current one) gets Services without one, not "default" invented;
      // the omission holds only while the spec keeps the default namespace (see ExtrasStep)
      governing.getMetadata().setNamespace(null);
      access.forEach(s -> s.getMetadata().setNamespace(null));
    }
    return new Raw(sts, governing, access, derived);
  }

  private static GpuPlacement place(CompileOptions options, dev.stskit.gpu.GpuRequest request, String at) {
    try {
      return options.gpuMappers().place(request);
    } catch (IllegalArgumentException e) {
      SpecException s = new SpecException(at + ".resources.limits", e.getMessage());
      s.initCause(e);
      throw s;
    }
  }

  /**
   * Puts a key the library writes itself; a different value already there (set by hand or by
   * another intent) is a conflict naming both sides.
   */
  static void putOwned(Map<String, String> owners, Map<String, String> map, String key, String value,
      String path, String owner) {
    String old = map.get(key);
    if (old != null && !old.equals(value)) {
      String oldOwner = owners.getOrDefault(path + "[" + key + "]", "a hand-written entry");
      throw new SpecException(path + "[" + key + "]",
          "\"" + old + "\" from " + oldOwner + " conflicts with \"" + value + "\" from " + owner);
    }
    map.put(key, value);
    owners.putIfAbsent(path + "[" + key + "]", owner);
  }

  // DNS, scheduling and the update strategy; containers, volumes, the network annotations and the
  // Services are compiled by Containers, Volumes, NetworkAnnotations and Services

  private static void dns(Dns d, PodSpec pod) {
    if (!d.nameservers().isEmpty() || !d.searches().isEmpty() || !d.options().isEmpty()) {
      io.fabric8.kubernetes.api.model.PodDNSConfig config = new io.fabric8.kubernetes.api.model.PodDNSConfig();
      config.setNameservers(new ArrayList<>(d.nameservers()));
      config.setSearches(new ArrayList<>(d.searches()));
      config.setOptions(d.options().stream()
          .map(o -> new io.fabric8.kubernetes.api.model.PodDNSConfigOption(o.name(), o.value().orElse(null)))
          .toList());
      pod.setDnsConfig(config);
    }
    pod.setHostAliases(d.hostAliases().stream()
        .map(h -> new io.fabric8.kubernetes.api.model.HostAlias(new ArrayList<>(h.hostnames()), h.ip()))
        .toList());
  }

  private static List<Toleration> tolerations(Scheduling s) {
    List<Toleration> out = new ArrayList<>();
    for (String key : List.of(NOT_READY, UNREACHABLE)) {
      Toleration t = new Toleration();
      t.setKey(key);
      t.setOperator("Exists");
      t.setEffect("NoExecute");
      t.setTolerationSeconds(s.tolerationSeconds());
      out.add(t);
    }
    for (var r : s.tolerations()) {
      Toleration t = new Toleration();
      r.key().ifPresent(t::setKey);
      r.operator().ifPresent(t::setOperator);
      r.value().ifPresent(t::setValue);
      r.effect().ifPresent(t::setEffect);
      r.tolerationSeconds().ifPresent(t::setTolerationSeconds);
      out.add(t);
    }
    return out;
  }

  private static io.fabric8.kubernetes.api.model.TopologySpreadConstraint topologySpread(
      dev.stskit.core.scheduling.TopologySpread t) {
    var out = new io.fabric8.kubernetes.api.model.TopologySpreadConstraint();
    out.setMaxSkew(t.maxSkew());
    out.setTopologyKey(t.topologyKey());
    out.setWhenUnsatisfiable(t.whenUnsatisfiable());
    if (!t.matchLabels().isEmpty() || !t.matchExpressions().isEmpty()) {
      out.setLabelSelector(new LabelSelector(t.matchExpressions().stream().map(r -> new LabelSelectorRequirement(
              r.key(), r.operator().value(), new ArrayList<>(r.values())))
          .collect(java.util.stream.Collectors.toCollection(ArrayList::new)), new LinkedHashMap<>(t.matchLabels())));
    }
    t.minDomains().ifPresent(out::setMinDomains);
    t.nodeAffinityPolicy().ifPresent(out::setNodeAffinityPolicy);
    t.nodeTaintsPolicy().ifPresent(out::setNodeTaintsPolicy);
    out.setMatchLabelKeys(new ArrayList<>(t.matchLabelKeys()));
    return out;
  }

  private static Affinity affinity(Scheduling s, List<NodeSelectorRequirement> gpu) {
    Affinity out = new Affinity();
    boolean any = false;
    if (!s.requiredNodeTerms().isEmpty() || !s.preferredNodeTerms().isEmpty() || !gpu.isEmpty()) {
      NodeAffinity node = new NodeAffinity();
      List<NodeSelectorTerm> required = new ArrayList<>();
      for (NodeTerm t : s.requiredNodeTerms()) {
        List<NodeSelectorRequirement> reqs = new ArrayList<>(t.rules().stream().map(Compiler::nodeRequirement).toList());
        for (NodeSelectorRequirement g : gpu) {
          if (!reqs.contains(g)) {
            reqs.add(g);
          }
        }
        NodeSelectorTerm term = new NodeSelectorTerm();
        term.setMatchExpressions(reqs);
        required.add(term);
      }
      if (required.isEmpty() && !gpu.isEmpty()) {
        NodeSelectorTerm term = new NodeSelectorTerm();
        term.setMatchExpressions(new ArrayList<>(gpu));
        required.add(term);
      }
      if (!required.isEmpty()) {
        node.setRequiredDuringSchedulingIgnoredDuringExecution(new NodeSelector(required));
      }
      node.setPreferredDuringSchedulingIgnoredDuringExecution(s.preferredNodeTerms().stream().map(t -> {
        NodeSelectorTerm term = new NodeSelectorTerm();
        term.setMatchExpressions(t.rules().stream().map(Compiler::nodeRequirement).toList());
        return new PreferredSchedulingTerm(term, t.weight().orElse(1));
      }).toList());
      out.setNodeAffinity(node);
      any = true;
    }
    if (!s.podAffinity().isEmpty()) {
      io.fabric8.kubernetes.api.model.PodAffinity pa = new io.fabric8.kubernetes.api.model.PodAffinity();
      pa.setRequiredDuringSchedulingIgnoredDuringExecution(required(s.podAffinity()));
      pa.setPreferredDuringSchedulingIgnoredDuringExecution(preferred(s.podAffinity()));
      out.setPodAffinity(pa);
      any = true;
    }
    if (!s.podAntiAffinity().isEmpty()) {
      io.fabric8.kubernetes.api.model.PodAntiAffinity pa = new io.fabric8.kubernetes.api.model.PodAntiAffinity();
      pa.setRequiredDuringSchedulingIgnoredDuringExecution(required(s.podAntiAffinity()));
      pa.setPreferredDuringSchedulingIgnoredDuringExecution(preferred(s.podAntiAffinity()));
      out.setPodAntiAffinity(pa);
      any = true;
    }
    return any ? out : null;
  }

  private static NodeSelectorRequirement nodeRequirement(LabelRule r) {
    return new NodeSelectorRequirement(r.key(), r.operator().value(), new ArrayList<>(r.values()));
  }

  private static List<PodAffinityTerm> required(List<PodAffinityRule> rules) {
    return rules.stream().filter(r -> r.weight().isEmpty()).map(Compiler::podAffinityTerm).toList();
  }

  private static List<WeightedPodAffinityTerm> preferred(List<PodAffinityRule> rules) {
    return rules.stream().filter(r -> r.weight().isPresent())
        .map(r -> new WeightedPodAffinityTerm(podAffinityTerm(r), r.weight().get())).toList();
  }

  private static PodAffinityTerm podAffinityTerm(PodAffinityRule r) {
    PodAffinityTerm t = new PodAffinityTerm();
    LabelSelector sel = new LabelSelector();
    sel.setMatchLabels(new LinkedHashMap<>(r.matchLabels()));
    sel.setMatchExpressions(r.matchExpressions().stream()
        .map(e -> new LabelSelectorRequirement(e.key(), e.operator().value(), new ArrayList<>(e.values())))
        .toList());
    t.setLabelSelector(sel);
    t.setNamespaces(new ArrayList<>(r.namespaces()));
    t.setTopologyKey(r.topologyKey());
    return t;
  }

  private static io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy updateStrategy(UpdateStrategy u) {
    io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy out = new io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy();
    if (u.mode() == UpdateStrategy.Mode.RECREATE) {
      out.setType("OnDelete");
    } else {
      out.setType("RollingUpdate");
      io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy r = new io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy();
      r.setPartition(u.partition());
      out.setRollingUpdate(r);
    }
    return out;
  }
}
