package dev.stskit.core.internal;

import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.CompileOptions;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Dns;
import dev.stskit.core.EnvFrom;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Manifests;
import dev.stskit.core.Network;
import dev.stskit.core.Probe;
import dev.stskit.core.ServicePort;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.UpdateStrategy;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.NodeTerm;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.gpu.GpuPlacement;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.VolumeResourceRequirements;
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
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Compiles a {@link StatefulSetSpec} to fabric8 objects. Stateless; deterministic. */
public final class Compiler {
  static final String NOT_READY = "node.kubernetes.io/not-ready";
  static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  static final String MULTUS_DEFAULT = "v1.multus-cni.io/default-network";
  static final String MULTUS_NETWORKS = "k8s.v1.cni.cncf.io/networks";
  static final String SPIDER_IPPOOL = "ipam.spidernet.io/ippool";
  static final String SPIDER_IPPOOLS = "ipam.spidernet.io/ippools";
  static final String SPIDER_SUBNET = "ipam.spidernet.io/subnet";
  static final String SPIDER_SUBNETS = "ipam.spidernet.io/subnets";
  static final String SPIDER_IP_NUMBER = "ipam.spidernet.io/ippool-ip-number";
  static final String SPIDER_ROUTES = "ipam.spidernet.io/routes";
  static final String METALLB_POOL = "metallb.universe.tf/address-pool";
  static final String METALLB_IPS = "metallb.universe.tf/loadBalancerIPs";
  private static final Pattern IANA_SVC_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?");

  private Compiler() {}

  /** Compiles, applies the extras, then the customizers. */
  public static Manifests compile(StatefulSetSpec spec, CompileOptions options) {
    Raw raw = compileRaw(spec, options);
    ObjectNode stsTree = Trees.toTree(raw.statefulSet());
    Trees.apply(stsTree, spec.extras(), "StatefulSet " + spec.name());
    StatefulSet sts = Trees.fromTree(stsTree, StatefulSet.class);

    ObjectNode govTree = Trees.toTree(raw.governingService());
    Trees.apply(govTree, spec.governingServiceExtras(), "Service " + spec.serviceName());
    Service governing = Trees.fromTree(govTree, Service.class);

    List<Service> access = new ArrayList<>();
    for (int i = 0; i < spec.services().size(); i++) {
      AccessService svc = spec.services().get(i);
      ObjectNode tree = Trees.toTree(raw.accessServices().get(i));
      Trees.apply(tree, svc.extras(), "Service " + svc.name());
      access.add(Trees.fromTree(tree, Service.class));
    }
    for (UnaryOperator<StatefulSet> customizer : options.customizers()) {
      sts = customizer.apply(new StatefulSetBuilder(sts).build());
      if (sts == null) {
        throw new SpecException("", "a customizer returned null");
      }
    }
    return new Manifests(sts, governing, access);
  }

  /** The objects built from the modelled fields only, without extras and customizers. */
  public record Raw(StatefulSet statefulSet, Service governingService, List<Service> accessServices) {}

  /** Builds the objects from the modelled fields only. */
  public static Raw compileRaw(StatefulSetSpec spec, CompileOptions options) {
    Map<String, String> owners = new LinkedHashMap<>();
    Map<String, String> selector = new LinkedHashMap<>(spec.effectiveSelector());

    Map<String, String> podAnnotations = new LinkedHashMap<>(spec.podAnnotations());
    spec.network().ifPresent(n -> networkAnnotations(n).forEach((k, v) ->
        putOwned(owners, podAnnotations, k, v, "spec.template.metadata.annotations", "the network settings")));

    List<NodeSelectorRequirement> gpuNodeRequirements = new ArrayList<>();
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
            if (!gpuNodeRequirements.contains(r)) {
              gpuNodeRequirements.add(r);
            }
          }
          p.schedulerName().ifPresent(s -> {
            if (schedulerName[0] != null && !schedulerName[0].equals(s)) {
              throw new SpecException("spec.template.spec.schedulerName",
                  "GPU requests need two schedulers: " + schedulerName[0] + " and " + s);
            }
            schedulerName[0] = s;
          });
        });
        (pass == 0 ? initContainers : containers).add(container(c, placement));
      }
    }
    addServiceTargetPorts(spec, containers);

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
    pod.setVolumes(spec.volumes().stream().map(Compiler::volume).toList());
    pod.setInitContainers(initContainers);
    pod.setContainers(containers);
    pod.setTerminationGracePeriodSeconds(spec.terminationGracePeriodSeconds());
    spec.dns().flatMap(Dns::policy).ifPresent(p -> pod.setDnsPolicy(p.value()));
    spec.runAsUser().ifPresent(u -> {
      io.fabric8.kubernetes.api.model.PodSecurityContext sc = new io.fabric8.kubernetes.api.model.PodSecurityContext();
      sc.setRunAsUser(u);
      pod.setSecurityContext(sc);
    });
    pod.setImagePullSecrets(spec.imagePullSecrets().stream().map(LocalObjectReference::new).toList());
    spec.dns().ifPresent(d -> dns(d, pod));
    pod.setAffinity(affinity(spec.scheduling(), gpuNodeRequirements));
    if (schedulerName[0] != null) {
      pod.setSchedulerName(schedulerName[0]);
    }
    pod.setTolerations(tolerations(spec.scheduling()));

    PodTemplateSpec template = new PodTemplateSpec(podMeta, pod);
    StatefulSet sts = new StatefulSetBuilder()
        .withMetadata(meta)
        .withSpec(new StatefulSetSpecBuilder()
            .withReplicas(spec.replicas())
            .withSelector(new LabelSelector(List.of(), new LinkedHashMap<>(selector)))
            .withTemplate(template)
            .withVolumeClaimTemplates(spec.volumeClaimTemplates().stream().map(Compiler::claim).toList())
            .withServiceName(spec.serviceName())
            .withPodManagementPolicy(spec.podManagementPolicy().value())
            .withUpdateStrategy(updateStrategy(spec.updateStrategy()))
            .withRevisionHistoryLimit(spec.revisionHistoryLimit())
            .build())
        .build();

    Service governing = governingService(spec, selector, containers);
    List<Service> access = spec.services().stream().map(s -> accessService(spec, s, selector)).toList();
    return new Raw(sts, governing, access);
  }

  private static GpuPlacement place(CompileOptions options, dev.stskit.gpu.GpuRequest request, String at) {
    try {
      return options.gpuMappers().place(request);
    } catch (IllegalArgumentException e) {
      throw new SpecException(at + ".resources.limits", e.getMessage());
    }
  }

  /**
   * Puts a key the library writes itself; a different value already there (set by hand or by
   * another intent) is a conflict naming both sides.
   */
  private static void putOwned(Map<String, String> owners, Map<String, String> map, String key, String value,
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



  // ---------------------------------------------------------------- containers

  private static Container container(ContainerSpec c, Optional<GpuPlacement> placement) {
    Container out = new Container();
    out.setName(c.name());
    out.setImage(c.image().toString());
    out.setImagePullPolicy(c.pullPolicy().value());
    out.setCommand(new ArrayList<>(c.command()));
    out.setArgs(new ArrayList<>(c.args()));
    out.setPorts(c.ports().stream().map(Compiler::containerPort).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    out.setEnv(c.env().stream().map(Compiler::envVar).toList());
    out.setEnvFrom(c.envFrom().stream().map(Compiler::envFrom).toList());

    Map<String, Quantity> requests = new LinkedHashMap<>();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    c.cpuRequest().ifPresent(q -> requests.put("cpu", q.toQuantity()));
    c.memoryRequest().ifPresent(q -> requests.put("memory", q.toQuantity()));
    c.cpuLimit().ifPresent(q -> limits.put("cpu", q.toQuantity()));
    c.memoryLimit().ifPresent(q -> limits.put("memory", q.toQuantity()));
    placement.ifPresent(p -> p.limits().forEach((k, v) -> {
      limits.put(k, new Quantity(v.toString()));
      if (c.gpuRequestsEqualLimits()) {
        requests.put(k, new Quantity(v.toString()));
      }
    }));
    ResourceRequirements resources = new ResourceRequirements();
    resources.setRequests(requests);
    resources.setLimits(limits);
    out.setResources(resources);

    out.setVolumeMounts(c.volumeMounts().stream().map(Compiler::mount).toList());
    c.livenessProbe().ifPresent(p -> out.setLivenessProbe(probe(p)));
    c.readinessProbe().ifPresent(p -> out.setReadinessProbe(probe(p)));
    c.startupProbe().ifPresent(p -> out.setStartupProbe(probe(p)));
    if (c.postStart().isPresent() || c.preStop().isPresent()) {
      io.fabric8.kubernetes.api.model.Lifecycle lifecycle = new io.fabric8.kubernetes.api.model.Lifecycle();
      c.postStart().ifPresent(a -> lifecycle.setPostStart(hook(a)));
      c.preStop().ifPresent(a -> lifecycle.setPreStop(hook(a)));
      out.setLifecycle(lifecycle);
    }
    if (c.privileged() || c.runAsUser().isPresent()) {
      io.fabric8.kubernetes.api.model.SecurityContext sc = new io.fabric8.kubernetes.api.model.SecurityContext();
      if (c.privileged()) {
        sc.setPrivileged(true);
      }
      c.runAsUser().ifPresent(sc::setRunAsUser);
      out.setSecurityContext(sc);
    }
    return out;
  }

  private static io.fabric8.kubernetes.api.model.ContainerPort containerPort(ContainerPort p) {
    io.fabric8.kubernetes.api.model.ContainerPort out = new io.fabric8.kubernetes.api.model.ContainerPort();
    p.name().ifPresent(out::setName);
    out.setContainerPort(p.containerPort());
    p.protocol().ifPresent(pr -> out.setProtocol(pr.value()));
    return out;
  }

  /** Container ports follow the Service ports: a numeric target no container declares is added. */
  private static void addServiceTargetPorts(StatefulSetSpec spec, List<Container> containers) {
    if (containers.isEmpty()) {
      return;
    }
    for (AccessService svc : spec.services()) {
      for (ServicePort sp : svc.ports()) {
        int target = sp.targetPort().map(t -> t.asNumber().orElse(-1)).orElse(sp.port());
        if (target < 0) {
          continue;
        }
        String protocol = sp.protocol().value();
        boolean declared = containers.stream().flatMap(c -> c.getPorts().stream())
            .anyMatch(p -> p.getContainerPort() == target
                && protocol.equals(p.getProtocol() == null ? "TCP" : p.getProtocol()));
        if (declared) {
          continue;
        }
        Container first = containers.get(0);
        io.fabric8.kubernetes.api.model.ContainerPort added = new io.fabric8.kubernetes.api.model.ContainerPort();
        sp.name().filter(n -> IANA_SVC_NAME.matcher(n).matches())
            .filter(n -> first.getPorts().stream().noneMatch(p -> n.equals(p.getName())))
            .ifPresent(added::setName);
        added.setContainerPort(target);
        added.setProtocol(protocol);
        first.getPorts().add(added);
      }
    }
  }

  private static io.fabric8.kubernetes.api.model.EnvVar envVar(EnvVar e) {
    if (e instanceof EnvVar.Raw r) {
      return new io.fabric8.kubernetes.api.model.EnvVarBuilder(r.envVar()).build();
    }
    io.fabric8.kubernetes.api.model.EnvVar out = new io.fabric8.kubernetes.api.model.EnvVar();
    out.setName(e.name());
    if (e instanceof EnvVar.Literal l) {
      out.setValue(l.value());
      return out;
    }
    EnvVarSource from = new EnvVarSource();
    if (e instanceof EnvVar.PodField f) {
      from.setFieldRef(new io.fabric8.kubernetes.api.model.ObjectFieldSelector(f.apiVersion(), f.fieldPath()));
    } else if (e instanceof EnvVar.ResourceField r) {
      from.setResourceFieldRef(new io.fabric8.kubernetes.api.model.ResourceFieldSelector(
          r.containerName().orElse(null), r.divisor().map(Quantity::new).orElse(null), r.resource()));
    } else if (e instanceof EnvVar.ConfigMapKey k) {
      from.setConfigMapKeyRef(new io.fabric8.kubernetes.api.model.ConfigMapKeySelector(
          k.key(), k.configMap(), k.optional().orElse(null)));
    } else if (e instanceof EnvVar.SecretKey k) {
      from.setSecretKeyRef(new io.fabric8.kubernetes.api.model.SecretKeySelector(
          k.key(), k.secret(), k.optional().orElse(null)));
    }
    out.setValueFrom(from);
    return out;
  }

  private static EnvFromSource envFrom(EnvFrom e) {
    EnvFromSource out = new EnvFromSource();
    e.prefix().ifPresent(out::setPrefix);
    if (e instanceof EnvFrom.ConfigMap c) {
      out.setConfigMapRef(new io.fabric8.kubernetes.api.model.ConfigMapEnvSource(c.configMap(), c.optional().orElse(null)));
    } else if (e instanceof EnvFrom.Secret s) {
      out.setSecretRef(new io.fabric8.kubernetes.api.model.SecretEnvSource(s.secret(), s.optional().orElse(null)));
    }
    return out;
  }

  private static io.fabric8.kubernetes.api.model.VolumeMount mount(VolumeMount m) {
    io.fabric8.kubernetes.api.model.VolumeMount out = new io.fabric8.kubernetes.api.model.VolumeMount();
    out.setName(m.name());
    out.setMountPath(m.mountPath());
    m.subPath().ifPresent(out::setSubPath);
    m.readOnly().ifPresent(out::setReadOnly);
    return out;
  }

  private static io.fabric8.kubernetes.api.model.Probe probe(Probe p) {
    io.fabric8.kubernetes.api.model.Probe out = new io.fabric8.kubernetes.api.model.Probe();
    Action a = p.action();
    if (a instanceof Action.Exec e) {
      out.setExec(new io.fabric8.kubernetes.api.model.ExecAction(new ArrayList<>(e.command())));
    } else if (a instanceof Action.HttpGet h) {
      out.setHttpGet(httpGet(h));
    } else if (a instanceof Action.TcpSocket t) {
      out.setTcpSocket(new io.fabric8.kubernetes.api.model.TCPSocketAction(t.host().orElse(null), t.port().toIntOrString()));
    } else if (a instanceof Action.Grpc g) {
      io.fabric8.kubernetes.api.model.GRPCAction grpc = new io.fabric8.kubernetes.api.model.GRPCAction();
      grpc.setPort(g.port());
      g.service().ifPresent(grpc::setService);
      out.setGrpc(grpc);
    }
    p.initialDelaySeconds().ifPresent(out::setInitialDelaySeconds);
    p.timeoutSeconds().ifPresent(out::setTimeoutSeconds);
    p.periodSeconds().ifPresent(out::setPeriodSeconds);
    p.successThreshold().ifPresent(out::setSuccessThreshold);
    p.failureThreshold().ifPresent(out::setFailureThreshold);
    return out;
  }

  private static io.fabric8.kubernetes.api.model.HTTPGetAction httpGet(Action.HttpGet h) {
    io.fabric8.kubernetes.api.model.HTTPGetAction out = new io.fabric8.kubernetes.api.model.HTTPGetAction();
    h.path().ifPresent(out::setPath);
    out.setPort(h.port().toIntOrString());
    h.host().ifPresent(out::setHost);
    h.scheme().ifPresent(s -> out.setScheme(s.value()));
    return out;
  }

  private static LifecycleHandler hook(Action a) {
    LifecycleHandler out = new LifecycleHandler();
    if (a instanceof Action.Exec e) {
      out.setExec(new io.fabric8.kubernetes.api.model.ExecAction(new ArrayList<>(e.command())));
    } else if (a instanceof Action.HttpGet h) {
      out.setHttpGet(httpGet(h));
    }
    return out;
  }

  // ---------------------------------------------------------------- volumes

  private static io.fabric8.kubernetes.api.model.Volume volume(Volume v) {
    if (v instanceof Volume.Raw r) {
      return new io.fabric8.kubernetes.api.model.VolumeBuilder(r.volume()).build();
    }
    io.fabric8.kubernetes.api.model.Volume out = new io.fabric8.kubernetes.api.model.Volume();
    out.setName(v.name());
    if (v instanceof Volume.ConfigMap c) {
      io.fabric8.kubernetes.api.model.ConfigMapVolumeSource s = new io.fabric8.kubernetes.api.model.ConfigMapVolumeSource();
      s.setName(c.configMap());
      c.defaultMode().ifPresent(s::setDefaultMode);
      c.optional().ifPresent(s::setOptional);
      out.setConfigMap(s);
    } else if (v instanceof Volume.Secret c) {
      io.fabric8.kubernetes.api.model.SecretVolumeSource s = new io.fabric8.kubernetes.api.model.SecretVolumeSource();
      s.setSecretName(c.secret());
      c.defaultMode().ifPresent(s::setDefaultMode);
      c.optional().ifPresent(s::setOptional);
      out.setSecret(s);
    } else if (v instanceof Volume.HostPath h) {
      out.setHostPath(new io.fabric8.kubernetes.api.model.HostPathVolumeSource(h.path(), h.hostPathType().orElse(null)));
    } else if (v instanceof Volume.EmptyDir e) {
      io.fabric8.kubernetes.api.model.EmptyDirVolumeSource s = new io.fabric8.kubernetes.api.model.EmptyDirVolumeSource();
      e.medium().ifPresent(s::setMedium);
      e.sizeLimit().ifPresent(q -> s.setSizeLimit(q.toQuantity()));
      out.setEmptyDir(s);
    } else if (v instanceof Volume.Claim c) {
      out.setPersistentVolumeClaim(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource(
          c.claimName(), c.readOnly().orElse(null)));
    }
    return out;
  }

  private static PersistentVolumeClaim claim(ClaimTemplate t) {
    PersistentVolumeClaim out = new PersistentVolumeClaim();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(t.name());
    meta.setLabels(new LinkedHashMap<>(t.labels()));
    meta.setAnnotations(new LinkedHashMap<>(t.annotations()));
    out.setMetadata(meta);
    PersistentVolumeClaimSpec spec = new PersistentVolumeClaimSpec();
    spec.setAccessModes(t.accessModes().isEmpty()
        ? List.of("ReadWriteOnce")
        : t.accessModes().stream().map(m -> m.value()).toList());
    VolumeResourceRequirements resources = new VolumeResourceRequirements();
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("storage", t.size().toQuantity());
    resources.setRequests(requests);
    spec.setResources(resources);
    t.storageClass().ifPresent(spec::setStorageClassName);
    t.volumeMode().ifPresent(m -> spec.setVolumeMode(m.value()));
    out.setSpec(spec);
    return out;
  }

  // ---------------------------------------------------------------- pod-level

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

  // ---------------------------------------------------------------- network

  /** The pod annotations {@code n} stands for, in a fixed order. */
  public static Map<String, String> networkAnnotations(Network n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.defaultNetwork().ifPresent(d -> out.put(MULTUS_DEFAULT, d));
    if (!n.additionalNetworks().isEmpty()) {
      out.put(MULTUS_NETWORKS, String.join(",", n.additionalNetworks()));
    }
    pools(n.ipPools(), SPIDER_IPPOOL, SPIDER_IPPOOLS, out);
    pools(n.subnets(), SPIDER_SUBNET, SPIDER_SUBNETS, out);
    n.flexibleIps().ifPresent(f -> out.put(SPIDER_IP_NUMBER, "+" + f));
    if (!n.routes().isEmpty()) {
      ArrayNode routes = JsonNodeFactory.instance.arrayNode();
      for (Network.Route r : n.routes()) {
        routes.addObject().put("dst", r.dst()).put("gw", r.gw());
      }
      out.put(SPIDER_ROUTES, Trees.MAPPER.writeValueAsString(routes));
    }
    return out;
  }

  private static void pools(List<Network.IpPools> pools, String single, String multi, Map<String, String> out) {
    if (pools.isEmpty()) {
      return;
    }
    if (pools.size() == 1 && pools.get(0).nic().isEmpty()) {
      out.put(single, Trees.MAPPER.writeValueAsString(poolNode(pools.get(0))));
      return;
    }
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    pools.forEach(p -> all.add(poolNode(p)));
    out.put(multi, Trees.MAPPER.writeValueAsString(all));
  }

  private static ObjectNode poolNode(Network.IpPools p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    p.nic().ifPresent(i -> o.put("interface", i));
    if (!p.ipv4().isEmpty()) {
      ArrayNode a = o.putArray("ipv4");
      p.ipv4().forEach(a::add);
    }
    if (!p.ipv6().isEmpty()) {
      ArrayNode a = o.putArray("ipv6");
      p.ipv6().forEach(a::add);
    }
    p.cleanGateway().ifPresent(c -> o.put("cleangateway", c));
    return o;
  }

  // ---------------------------------------------------------------- services

  private static Service governingService(StatefulSetSpec spec, Map<String, String> selector, List<Container> containers) {
    Service out = new Service();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(spec.serviceName());
    meta.setNamespace(spec.namespace());
    meta.setLabels(new LinkedHashMap<>(selector));
    out.setMetadata(meta);
    ServiceSpec s = new ServiceSpec();
    s.setClusterIP("None");
    s.setSelector(new LinkedHashMap<>(selector));
    List<io.fabric8.kubernetes.api.model.ServicePort> ports = new ArrayList<>();
    for (Container c : containers) {
      for (io.fabric8.kubernetes.api.model.ContainerPort p : c.getPorts()) {
        io.fabric8.kubernetes.api.model.ServicePort sp = new io.fabric8.kubernetes.api.model.ServicePort();
        sp.setName(p.getName());
        sp.setPort(p.getContainerPort());
        sp.setProtocol(p.getProtocol() == null ? "TCP" : p.getProtocol());
        ports.add(sp);
      }
    }
    s.setPorts(ports);
    out.setSpec(s);
    return out;
  }

  private static Service accessService(StatefulSetSpec spec, AccessService svc, Map<String, String> selector) {
    Map<String, String> owners = new LinkedHashMap<>();
    Service out = new Service();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(svc.name());
    meta.setNamespace(spec.namespace());
    meta.setLabels(new LinkedHashMap<>(svc.labels()));
    Map<String, String> annotations = new LinkedHashMap<>(svc.annotations());
    String at = "Service " + svc.name() + " metadata.annotations";
    svc.metallbAddressPool().ifPresent(p -> putOwned(owners, annotations, METALLB_POOL, p, at, "the MetalLB pool"));
    if (!svc.loadBalancerIps().isEmpty()) {
      putOwned(owners, annotations, METALLB_IPS, String.join(",", svc.loadBalancerIps()), at, "the load-balancer addresses");
    }
    meta.setAnnotations(annotations);
    out.setMetadata(meta);
    ServiceSpec s = new ServiceSpec();
    s.setType(svc.type().value());
    s.setSelector(new LinkedHashMap<>(svc.selector().isEmpty() ? selector : svc.selector()));
    s.setPorts(svc.ports().stream().map(p -> {
      io.fabric8.kubernetes.api.model.ServicePort sp = new io.fabric8.kubernetes.api.model.ServicePort();
      p.name().ifPresent(sp::setName);
      sp.setProtocol(p.protocol().value());
      sp.setPort(p.port());
      p.targetPort().ifPresent(t -> sp.setTargetPort(t.toIntOrString()));
      p.nodePort().ifPresent(sp::setNodePort);
      return sp;
    }).toList());
    if (svc.sessionAffinity()) {
      s.setSessionAffinity("ClientIP");
      io.fabric8.kubernetes.api.model.SessionAffinityConfig config = new io.fabric8.kubernetes.api.model.SessionAffinityConfig();
      config.setClientIP(new io.fabric8.kubernetes.api.model.ClientIPConfig(svc.sessionAffinityTimeoutSeconds()));
      s.setSessionAffinityConfig(config);
    } else {
      s.setSessionAffinity("None");
    }
    svc.externalTrafficPolicy().ifPresent(p -> s.setExternalTrafficPolicy(p.value()));
    out.setSpec(s);
    return out;
  }
}
