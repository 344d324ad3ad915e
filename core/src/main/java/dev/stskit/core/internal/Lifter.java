package dev.stskit.core.internal;

import dev.stskit.core.AccessMode;
import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.CompileOptions;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Dns;
import dev.stskit.core.DnsPolicy;
import dev.stskit.core.EnvFrom;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Extras;
import dev.stskit.core.Image;
import dev.stskit.core.Lifted;
import dev.stskit.core.Network;
import dev.stskit.core.PodManagementPolicy;
import dev.stskit.core.Probe;
import dev.stskit.core.Protocol;
import dev.stskit.core.PullPolicy;
import dev.stskit.core.Scheme;
import dev.stskit.core.ServerFields;
import dev.stskit.core.ServicePort;
import dev.stskit.core.ServiceType;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.TrafficPolicy;
import dev.stskit.core.UpdateStrategy;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMode;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.NodeTerm;
import dev.stskit.core.scheduling.Operator;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.units.Cpu;
import dev.stskit.core.units.Memory;
import dev.stskit.core.units.Port;
import dev.stskit.core.units.Storage;
import dev.stskit.gpu.GpuMappers;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

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
    String description = annotations.remove(StatefulSetSpec.DESCRIPTION_ANNOTATION);
    if (description != null) {
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
    liftNetwork(podAnnotations).ifPresent(b::network);

    // containers, with GPU detection against the pod annotations and required node affinity
    GpuMappers mappers = options.gpuMappers();
    Map<String, String> gpuAnnotations = new LinkedHashMap<>();
    List<NodeSelectorRequirement> commonRequired = commonRequiredRequirements(pod);
    List<NodeSelectorRequirement> gpuRequirements = new ArrayList<>();
    for (int pass = 0; pass < 2; pass++) {
      List<Container> cs = orEmpty(pass == 0 ? pod.getInitContainers() : pod.getContainers());
      String base = pass == 0 ? "spec.template.spec.initContainers" : "spec.template.spec.containers";
      for (int i = 0; i < cs.size(); i++) {
        ContainerSpec c = container(cs.get(i), base + "[" + i + "]", mappers,
            orEmpty(podMeta.getAnnotations()), commonRequired, gpuAnnotations, gpuRequirements,
            notRepresented);
        if (pass == 0) {
          b.addInitContainer(c);
        } else {
          b.addContainer(c);
        }
      }
    }
    gpuAnnotations.keySet().forEach(podAnnotations::remove);
    b.podAnnotations(podAnnotations);

    orEmpty(pod.getImagePullSecrets()).forEach(s -> b.addImagePullSecret(s.getName() == null ? "" : s.getName()));
    if (pod.getSecurityContext() != null && pod.getSecurityContext().getRunAsUser() != null) {
      b.runAsUser(pod.getSecurityContext().getRunAsUser());
    }
    List<io.fabric8.kubernetes.api.model.Volume> volumes = orEmpty(pod.getVolumes());
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volume(volumes.get(i));
      if (v instanceof Volume.Raw) {
        notRepresented.add("spec.template.spec.volumes[" + i + "]");
      }
      b.addVolume(v);
    }
    liftClaims(orEmpty(xs.getVolumeClaimTemplates())).ifPresent(b::volumeClaimTemplates);
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
    b.scheduling(scheduling(pod, gpuRequirements));

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
      b.addService(accessService(s, effectiveSelector));
    }

    StatefulSetSpec plain = b.build();
    Compiler.Raw raw = Compiler.compileRaw(plain, options);
    StatefulSetSpec.Builder withExtras = StatefulSetSpec.builder().from(plain);
    Extras stsExtras = Trees.diff(Trees.toTree(raw.statefulSet()), Trees.toTree(x));
    withExtras.extras(stsExtras);
    report("", stsExtras, notRepresented);
    if (governing != null) {
      Extras gov = Trees.diff(Trees.toTree(raw.governingService()), Trees.toTree(governing));
      withExtras.governingServiceExtras(gov);
      report("Service " + serviceName + ": ", gov, notRepresented);
    }
    List<AccessService> lifted = new ArrayList<>();
    for (int i = 0; i < access.size(); i++) {
      AccessService svc = plain.services().get(i);
      Extras e = Trees.diff(Trees.toTree(raw.accessServices().get(i)), Trees.toTree(access.get(i)));
      report("Service " + svc.name() + ": ", e, notRepresented);
      lifted.add(AccessService.builder().from(svc).extras(e).build());
    }
    withExtras.services(lifted);
    return new Lifted(withExtras.build(), notRepresented);
  }

  private static void report(String prefix, Extras e, List<String> out) {
    e.set().keySet().forEach(p -> out.add(prefix + p));
    e.omit().forEach(p -> out.add(prefix + p + " (absent)"));
  }

  // ---------------------------------------------------------------- containers

  private static ContainerSpec container(Container c, String at, GpuMappers mappers,
      Map<String, String> podAnnotations, List<NodeSelectorRequirement> required,
      Map<String, String> gpuAnnotations, List<NodeSelectorRequirement> gpuRequirements,
      List<String> notRepresented) {
    ContainerSpec.Builder b = ContainerSpec.builder();
    b.name(c.getName() == null ? "" : c.getName());
    if (c.getImage() == null || c.getImage().isEmpty()) {
      throw new SpecException(at + ".image", "required");
    }
    try {
      b.image(Image.parse(c.getImage()));
    } catch (SpecException e) {
      throw new SpecException(at + ".image", e.problem());
    }
    PullPolicy.fromValue(c.getImagePullPolicy()).ifPresent(b::pullPolicy);
    b.command(orEmpty(c.getCommand()));
    b.args(orEmpty(c.getArgs()));
    for (io.fabric8.kubernetes.api.model.ContainerPort p : orEmpty(c.getPorts())) {
      if (p.getContainerPort() == null) {
        continue;
      }
      ContainerPort.Builder pb = ContainerPort.builder().containerPort(p.getContainerPort());
      Optional.ofNullable(p.getName()).ifPresent(pb::name);
      Protocol.fromValue(p.getProtocol()).ifPresent(pb::protocol);
      b.addPort(pb.build());
    }

    Map<String, Quantity> limits = c.getResources() == null ? Map.of() : orEmpty(c.getResources().getLimits());
    Map<String, Quantity> requests = c.getResources() == null ? Map.of() : orEmpty(c.getResources().getRequests());
    quantity(requests.get("cpu"), Cpu::of).ifPresent(b::cpuRequest);
    quantity(limits.get("cpu"), Cpu::of).ifPresent(b::cpuLimit);
    quantity(requests.get("memory"), Memory::of).ifPresent(b::memoryRequest);
    quantity(limits.get("memory"), Memory::of).ifPresent(b::memoryLimit);
    mappers.detect(limits, podAnnotations, required).ifPresent(d -> {
      b.gpu(d.request());
      d.nodeSelectorRequirements().stream().filter(r -> !gpuRequirements.contains(r))
          .forEach(gpuRequirements::add);
      gpuAnnotations.putAll(d.podAnnotationKeys().stream()
          .filter(podAnnotations::containsKey)
          .collect(LinkedHashMap::new, (m, k) -> m.put(k, podAnnotations.get(k)), Map::putAll));
      boolean mirrored = !d.limitKeys().isEmpty() && d.limitKeys().stream()
          .allMatch(k -> limits.get(k) != null && limits.get(k).equals(requests.get(k))
              && Objects.equals(limits.get(k).toString(), String.valueOf(requests.get(k))));
      b.gpuRequestsEqualLimits(mirrored);
    });

    io.fabric8.kubernetes.api.model.SecurityContext sc = c.getSecurityContext();
    if (sc != null) {
      b.privileged(Boolean.TRUE.equals(sc.getPrivileged()));
      Optional.ofNullable(sc.getRunAsUser()).ifPresent(b::runAsUser);
    }
    if (c.getLifecycle() != null) {
      hook(c.getLifecycle().getPostStart()).ifPresent(b::postStart);
      hook(c.getLifecycle().getPreStop()).ifPresent(b::preStop);
    }
    probe(c.getLivenessProbe()).ifPresent(b::livenessProbe);
    probe(c.getReadinessProbe()).ifPresent(b::readinessProbe);
    probe(c.getStartupProbe()).ifPresent(b::startupProbe);

    List<io.fabric8.kubernetes.api.model.EnvVar> env = orEmpty(c.getEnv());
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = envVar(env.get(i));
      if (e instanceof EnvVar.Raw) {
        notRepresented.add(at + ".env[" + i + "]");
      }
      b.addEnv(e);
    }
    List<EnvFrom> envFrom = new ArrayList<>();
    for (EnvFromSource s : orEmpty(c.getEnvFrom())) {
      Optional<EnvFrom> e = envFrom(s);
      if (e.isEmpty()) {
        envFrom = null;
        break;
      }
      envFrom.add(e.get());
    }
    if (envFrom != null) {
      b.envFrom(envFrom);
    }
    for (io.fabric8.kubernetes.api.model.VolumeMount m : orEmpty(c.getVolumeMounts())) {
      VolumeMount.Builder mb = VolumeMount.builder()
          .name(m.getName() == null ? "" : m.getName())
          .mountPath(m.getMountPath() == null ? "" : m.getMountPath());
      Optional.ofNullable(m.getSubPath()).ifPresent(mb::subPath);
      Optional.ofNullable(m.getReadOnly()).ifPresent(mb::readOnly);
      b.addVolumeMount(mb.build());
    }
    return b.build();
  }

  private static <T> Optional<T> quantity(Quantity q, Function<String, T> parse) {
    if (q == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(q.toString()));
    } catch (SpecException e) {
      return Optional.empty();
    }
  }

  private static Optional<Action> hook(LifecycleHandler h) {
    if (h == null) {
      return Optional.empty();
    }
    if (h.getExec() != null) {
      return Optional.of(Action.exec(orEmpty(h.getExec().getCommand()).toArray(String[]::new)));
    }
    if (h.getHttpGet() != null && h.getHttpGet().getPort() != null) {
      return httpGet(h.getHttpGet());
    }
    return Optional.empty();
  }

  private static Optional<Action> httpGet(io.fabric8.kubernetes.api.model.HTTPGetAction h) {
    Optional<Port> port = port(h.getPort());
    if (port.isEmpty()) {
      return Optional.empty();
    }
    Action.HttpGet.Builder b = Action.HttpGet.builder().port(port.get());
    Optional.ofNullable(h.getPath()).ifPresent(b::path);
    Optional.ofNullable(h.getHost()).ifPresent(b::host);
    Scheme.fromValue(h.getScheme()).ifPresent(b::scheme);
    return Optional.of(b.build());
  }

  private static Optional<Port> port(io.fabric8.kubernetes.api.model.IntOrString p) {
    if (p == null || (p.getIntVal() == null && (p.getStrVal() == null || p.getStrVal().isEmpty()))) {
      return Optional.empty();
    }
    return Optional.of(Port.of(p));
  }

  private static Optional<Probe> probe(io.fabric8.kubernetes.api.model.Probe p) {
    if (p == null) {
      return Optional.empty();
    }
    Optional<Action> action = Optional.empty();
    if (p.getExec() != null) {
      action = Optional.of(Action.exec(orEmpty(p.getExec().getCommand()).toArray(String[]::new)));
    } else if (p.getHttpGet() != null) {
      action = httpGet(p.getHttpGet());
    } else if (p.getTcpSocket() != null) {
      action = port(p.getTcpSocket().getPort()).map(port -> {
        var tb = dev.stskit.core.Action.TcpSocket.builder().port(port);
        Optional.ofNullable(p.getTcpSocket().getHost()).ifPresent(tb::host);
        return tb.build();
      });
    } else if (p.getGrpc() != null && p.getGrpc().getPort() != null) {
      var gb = dev.stskit.core.Action.Grpc.builder().port(p.getGrpc().getPort());
      Optional.ofNullable(p.getGrpc().getService()).ifPresent(gb::service);
      action = Optional.of(gb.build());
    }
    if (action.isEmpty()) {
      return Optional.empty();
    }
    Probe.Builder b = Probe.builder().action(action.get());
    Optional.ofNullable(p.getInitialDelaySeconds()).ifPresent(b::initialDelaySeconds);
    Optional.ofNullable(p.getTimeoutSeconds()).ifPresent(b::timeoutSeconds);
    Optional.ofNullable(p.getPeriodSeconds()).ifPresent(b::periodSeconds);
    Optional.ofNullable(p.getSuccessThreshold()).ifPresent(b::successThreshold);
    Optional.ofNullable(p.getFailureThreshold()).ifPresent(b::failureThreshold);
    return Optional.of(b.build());
  }

  private static EnvVar envVar(io.fabric8.kubernetes.api.model.EnvVar e) {
    String name = e.getName();
    EnvVarSource from = e.getValueFrom();
    if (name == null) {
      return EnvVar.raw(e);
    }
    if (from == null) {
      return EnvVar.of(name, e.getValue() == null ? "" : e.getValue());
    }
    if (e.getValue() != null) {
      return EnvVar.raw(e);
    }
    int kinds = (from.getFieldRef() != null ? 1 : 0) + (from.getResourceFieldRef() != null ? 1 : 0)
        + (from.getConfigMapKeyRef() != null ? 1 : 0) + (from.getSecretKeyRef() != null ? 1 : 0)
        + (from.getFileKeyRef() != null ? 1 : 0);
    if (kinds != 1) {
      return EnvVar.raw(e);
    }
    if (from.getFieldRef() != null && from.getFieldRef().getFieldPath() != null) {
      var b = dev.stskit.core.EnvVar.PodField.builder().name(name)
          .fieldPath(from.getFieldRef().getFieldPath());
      Optional.ofNullable(from.getFieldRef().getApiVersion()).ifPresent(b::apiVersion);
      return b.build();
    }
    if (from.getResourceFieldRef() != null && from.getResourceFieldRef().getResource() != null) {
      var r = from.getResourceFieldRef();
      var b = dev.stskit.core.EnvVar.ResourceField.builder().name(name).resource(r.getResource());
      Optional.ofNullable(r.getContainerName()).ifPresent(b::containerName);
      Optional.ofNullable(r.getDivisor()).map(Quantity::toString).ifPresent(b::divisor);
      return b.build();
    }
    if (from.getConfigMapKeyRef() != null && from.getConfigMapKeyRef().getName() != null
        && from.getConfigMapKeyRef().getKey() != null) {
      var r = from.getConfigMapKeyRef();
      var b = dev.stskit.core.EnvVar.ConfigMapKey.builder().name(name)
          .configMap(r.getName()).key(r.getKey());
      Optional.ofNullable(r.getOptional()).ifPresent(b::optional);
      return b.build();
    }
    if (from.getSecretKeyRef() != null && from.getSecretKeyRef().getName() != null
        && from.getSecretKeyRef().getKey() != null) {
      var r = from.getSecretKeyRef();
      var b = dev.stskit.core.EnvVar.SecretKey.builder().name(name)
          .secret(r.getName()).key(r.getKey());
      Optional.ofNullable(r.getOptional()).ifPresent(b::optional);
      return b.build();
    }
    return EnvVar.raw(e);
  }

  private static Optional<EnvFrom> envFrom(EnvFromSource s) {
    if (s.getConfigMapRef() != null && s.getSecretRef() == null && s.getConfigMapRef().getName() != null) {
      EnvFrom.ConfigMap.Builder b = EnvFrom.ConfigMap.builder().configMap(s.getConfigMapRef().getName());
      Optional.ofNullable(s.getPrefix()).ifPresent(b::prefix);
      Optional.ofNullable(s.getConfigMapRef().getOptional()).ifPresent(b::optional);
      return Optional.of(b.build());
    }
    if (s.getSecretRef() != null && s.getConfigMapRef() == null && s.getSecretRef().getName() != null) {
      EnvFrom.Secret.Builder b = EnvFrom.Secret.builder().secret(s.getSecretRef().getName());
      Optional.ofNullable(s.getPrefix()).ifPresent(b::prefix);
      Optional.ofNullable(s.getSecretRef().getOptional()).ifPresent(b::optional);
      return Optional.of(b.build());
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- volumes

  private static Volume volume(io.fabric8.kubernetes.api.model.Volume v) {
    String name = v.getName();
    if (name == null) {
      return Volume.raw(v);
    }
    int sources = countSources(v);
    if (sources != 1) {
      return Volume.raw(v);
    }
    try {
      if (v.getConfigMap() != null && v.getConfigMap().getName() != null) {
        Volume.ConfigMap.Builder b = Volume.ConfigMap.builder().name(name).configMap(v.getConfigMap().getName());
        Optional.ofNullable(v.getConfigMap().getDefaultMode()).ifPresent(b::defaultMode);
        Optional.ofNullable(v.getConfigMap().getOptional()).ifPresent(b::optional);
        return b.build();
      }
      if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
        Volume.Secret.Builder b = Volume.Secret.builder().name(name).secret(v.getSecret().getSecretName());
        Optional.ofNullable(v.getSecret().getDefaultMode()).ifPresent(b::defaultMode);
        Optional.ofNullable(v.getSecret().getOptional()).ifPresent(b::optional);
        return b.build();
      }
      if (v.getHostPath() != null && v.getHostPath().getPath() != null) {
        var b = dev.stskit.core.Volume.HostPath.builder().name(name).path(v.getHostPath().getPath());
        Optional.ofNullable(v.getHostPath().getType()).ifPresent(b::hostPathType);
        return b.build();
      }
      if (v.getEmptyDir() != null) {
        var b = dev.stskit.core.Volume.EmptyDir.builder().name(name);
        Optional.ofNullable(v.getEmptyDir().getMedium()).ifPresent(b::medium);
        if (v.getEmptyDir().getSizeLimit() != null) {
          b.sizeLimit(Storage.of(v.getEmptyDir().getSizeLimit().toString()));
        }
        return b.build();
      }
      if (v.getPersistentVolumeClaim() != null && v.getPersistentVolumeClaim().getClaimName() != null) {
        var b = dev.stskit.core.Volume.Claim.builder().name(name)
            .claimName(v.getPersistentVolumeClaim().getClaimName());
        Optional.ofNullable(v.getPersistentVolumeClaim().getReadOnly()).ifPresent(b::readOnly);
        return b.build();
      }
    } catch (SpecException e) {
      return Volume.raw(v);
    }
    return Volume.raw(v);
  }

  private static int countSources(io.fabric8.kubernetes.api.model.Volume v) {
    JsonNode tree = Trees.toTree(v);
    int n = 0;
    for (String k : tree.propertyNames()) {
      if (!k.equals("name")) {
        n++;
      }
    }
    return n;
  }

  private static Optional<List<ClaimTemplate>> liftClaims(List<PersistentVolumeClaim> claims) {
    List<ClaimTemplate> out = new ArrayList<>();
    for (PersistentVolumeClaim c : claims) {
      if (c.getMetadata() == null || c.getMetadata().getName() == null || c.getSpec() == null
          || c.getSpec().getResources() == null) {
        return Optional.empty();
      }
      Quantity size = orEmpty(c.getSpec().getResources().getRequests()).get("storage");
      Optional<Storage> storage = quantity(size, Storage::of);
      if (storage.isEmpty()) {
        return Optional.empty();
      }
      ClaimTemplate.Builder b = ClaimTemplate.builder().name(c.getMetadata().getName()).size(storage.get());
      for (String m : orEmpty(c.getSpec().getAccessModes())) {
        Optional<AccessMode> mode = AccessMode.fromValue(m);
        if (mode.isEmpty()) {
          return Optional.empty();
        }
        b.addAccessMode(mode.get());
      }
      Optional.ofNullable(c.getSpec().getStorageClassName()).ifPresent(b::storageClass);
      VolumeMode.fromValue(c.getSpec().getVolumeMode()).ifPresent(b::volumeMode);
      b.labels(orEmpty(c.getMetadata().getLabels()));
      b.annotations(orEmpty(c.getMetadata().getAnnotations()));
      out.add(b.build());
    }
    return Optional.of(out);
  }

  // ---------------------------------------------------------------- pod-level

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
  private static Scheduling scheduling(PodSpec pod, List<NodeSelectorRequirement> gpuRequirements) {
    Scheduling.Builder b = Scheduling.builder();
    List<Toleration> t = orEmpty(pod.getTolerations());
    if (t.size() == 2 && isFormToleration(t.get(0), Compiler.NOT_READY)
        && isFormToleration(t.get(1), Compiler.UNREACHABLE)
        && t.get(0).getTolerationSeconds().equals(t.get(1).getTolerationSeconds())) {
      b.tolerationSeconds(t.get(0).getTolerationSeconds());
    }
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

  private static boolean isFormToleration(Toleration t, String key) {
    return key.equals(t.getKey()) && "Exists".equals(t.getOperator()) && "NoExecute".equals(t.getEffect())
        && t.getValue() == null && t.getTolerationSeconds() != null
        && Trees.toTree(t).size() == 4;
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

  // ---------------------------------------------------------------- network

  /** Reads the network annotations it can render back exactly, and removes them. */
  private static Optional<Network> liftNetwork(Map<String, String> podAnnotations) {
    Network.Builder b = Network.builder();
    Map<String, String> taken = new LinkedHashMap<>();
    String d = podAnnotations.get(Compiler.MULTUS_DEFAULT);
    if (d != null) {
      b.defaultNetwork(d);
      taken.put(Compiler.MULTUS_DEFAULT, d);
    }
    String nets = podAnnotations.get(Compiler.MULTUS_NETWORKS);
    if (nets != null && !nets.isEmpty() && !nets.startsWith("[")) {
      b.additionalNetworks(List.of(nets.split(",", -1)));
      taken.put(Compiler.MULTUS_NETWORKS, nets);
    }
    pools(podAnnotations, Compiler.SPIDER_IPPOOL, Compiler.SPIDER_IPPOOLS, taken).ifPresent(b::ipPools);
    pools(podAnnotations, Compiler.SPIDER_SUBNET, Compiler.SPIDER_SUBNETS, taken).ifPresent(b::subnets);
    String number = podAnnotations.get(Compiler.SPIDER_IP_NUMBER);
    if (number != null && number.matches("\\+[0-9]{1,9}")) {
      b.flexibleIps(Integer.parseInt(number.substring(1)));
      taken.put(Compiler.SPIDER_IP_NUMBER, number);
    }
    String routes = podAnnotations.get(Compiler.SPIDER_ROUTES);
    if (routes != null) {
      try {
        List<Network.Route> rs = new ArrayList<>();
        for (JsonNode r : Trees.MAPPER.readTree(routes)) {
          rs.add(Network.Route.of(r.get("dst").stringValue(), r.get("gw").stringValue()));
        }
        b.routes(rs);
        taken.put(Compiler.SPIDER_ROUTES, routes);
      } catch (RuntimeException e) {
        // not in the shape the spec renders: stays a plain pod annotation
      }
    }
    if (taken.isEmpty()) {
      return Optional.empty();
    }
    Network n = b.build();
    // keep only what renders back to exactly the same strings
    Map<String, String> rendered = Compiler.networkAnnotations(n);
    if (!rendered.equals(taken)) {
      Network.Builder exact = Network.builder();
      Map<String, String> kept = new LinkedHashMap<>();
      for (var e : taken.entrySet()) {
        if (e.getValue().equals(rendered.get(e.getKey()))) {
          kept.put(e.getKey(), e.getValue());
        }
      }
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      if (kept.containsKey(Compiler.MULTUS_DEFAULT)) {
        exact.defaultNetwork(n.defaultNetwork());
      }
      if (kept.containsKey(Compiler.MULTUS_NETWORKS)) {
        exact.additionalNetworks(n.additionalNetworks());
      }
      if (kept.containsKey(Compiler.SPIDER_IPPOOL) || kept.containsKey(Compiler.SPIDER_IPPOOLS)) {
        exact.ipPools(n.ipPools());
      }
      if (kept.containsKey(Compiler.SPIDER_SUBNET) || kept.containsKey(Compiler.SPIDER_SUBNETS)) {
        exact.subnets(n.subnets());
      }
      if (kept.containsKey(Compiler.SPIDER_IP_NUMBER)) {
        exact.flexibleIps(n.flexibleIps());
      }
      if (kept.containsKey(Compiler.SPIDER_ROUTES)) {
        exact.routes(n.routes());
      }
      n = exact.build();
      taken = kept;
    }
    taken.keySet().forEach(podAnnotations::remove);
    return Optional.of(n);
  }

  private static Optional<List<Network.IpPools>> pools(Map<String, String> annotations, String single,
      String multi, Map<String, String> taken) {
    String one = annotations.get(single);
    String many = annotations.get(multi);
    if ((one == null) == (many == null)) {
      return Optional.empty();
    }
    try {
      List<Network.IpPools> out = new ArrayList<>();
      if (one != null) {
        out.add(pool(Trees.MAPPER.readTree(one)));
        taken.put(single, one);
      } else {
        for (JsonNode p : Trees.MAPPER.readTree(many)) {
          out.add(pool(p));
        }
        taken.put(multi, many);
      }
      return Optional.of(out);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Network.IpPools pool(JsonNode p) {
    Network.IpPools.Builder b = Network.IpPools.builder();
    if (p.has("interface")) {
      b.nic(p.get("interface").stringValue());
    }
    if (p.has("ipv4")) {
      p.get("ipv4").forEach(v -> b.addIpv4(v.stringValue()));
    }
    if (p.has("ipv6")) {
      p.get("ipv6").forEach(v -> b.addIpv6(v.stringValue()));
    }
    if (p.has("cleangateway")) {
      b.cleanGateway(p.get("cleangateway").booleanValue());
    }
    return b.build();
  }

  // ---------------------------------------------------------------- services

  private static AccessService accessService(Service s, Map<String, String> workloadSelector) {
    AccessService.Builder b = AccessService.builder();
    ObjectMeta meta = s.getMetadata() == null ? new ObjectMeta() : s.getMetadata();
    b.name(meta.getName() == null ? "" : meta.getName());
    b.labels(orEmpty(meta.getLabels()));
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    String pool = annotations.remove(Compiler.METALLB_POOL);
    if (pool != null) {
      b.metallbAddressPool(pool);
    }
    String ips = annotations.get(Compiler.METALLB_IPS);
    if (ips != null && !ips.isEmpty() && !ips.contains(" ") && !ips.startsWith(",") && !ips.endsWith(",")) {
      annotations.remove(Compiler.METALLB_IPS);
      b.loadBalancerIps(List.of(ips.split(",")));
    }
    b.annotations(annotations);
    var spec = s.getSpec();
    if (spec != null) {
      ServiceType.fromValue(spec.getType()).ifPresent(b::type);
      Map<String, String> sel = orEmpty(spec.getSelector());
      if (!sel.equals(workloadSelector)) {
        b.selector(sel);
      }
      for (io.fabric8.kubernetes.api.model.ServicePort p : orEmpty(spec.getPorts())) {
        ServicePort.Builder pb = ServicePort.builder().port(p.getPort() == null ? 0 : p.getPort());
        Optional.ofNullable(p.getName()).ifPresent(pb::name);
        Protocol.fromValue(p.getProtocol()).ifPresent(pb::protocol);
        port(p.getTargetPort()).ifPresent(pb::targetPort);
        Optional.ofNullable(p.getNodePort()).ifPresent(pb::nodePort);
        b.addPort(pb.build());
      }
      if ("ClientIP".equals(spec.getSessionAffinity())) {
        b.sessionAffinity(true);
        if (spec.getSessionAffinityConfig() != null && spec.getSessionAffinityConfig().getClientIP() != null
            && spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds() != null) {
          b.sessionAffinityTimeoutSeconds(spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds());
        }
      }
      TrafficPolicy.fromValue(spec.getExternalTrafficPolicy()).ifPresent(b::externalTrafficPolicy);
    }
    return b.build();
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
    return map == null ? Map.of() : map;
  }

}
