package dev.stskit.core.internal;

import static dev.stskit.core.internal.Nulls.orEmpty;

import dev.stskit.core.Action;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.EnvFrom;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Image;
import dev.stskit.core.Probe;
import dev.stskit.core.Protocol;
import dev.stskit.core.PullPolicy;
import dev.stskit.core.Scheme;
import dev.stskit.core.SpecException;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.units.Cpu;
import dev.stskit.core.units.Memory;
import dev.stskit.core.units.Port;
import dev.stskit.gpu.GpuMappers;
import dev.stskit.gpu.GpuPlacement;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Containers of the spec compiled to fabric8 containers and lifted back. */
final class Containers {
  private Containers() {}

  static Container container(ContainerSpec c, Optional<GpuPlacement> placement) {
    Container out = new Container();
    out.setName(c.name());
    out.setImage(c.image().toString());
    out.setImagePullPolicy(c.pullPolicy().value());
    c.workingDir().ifPresent(out::setWorkingDir);
    c.stdin().ifPresent(out::setStdin);
    c.tty().ifPresent(out::setTty);
    out.setCommand(new ArrayList<>(c.command()));
    out.setArgs(new ArrayList<>(c.args()));
    out.setPorts(c.ports().stream().map(Containers::containerPort).collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
    out.setEnv(c.env().stream().map(Containers::envVar).toList());
    out.setEnvFrom(c.envFrom().stream().map(Containers::envFrom).toList());

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

    out.setVolumeMounts(c.volumeMounts().stream().map(Containers::mount).toList());
    c.livenessProbe().ifPresent(p -> out.setLivenessProbe(probe(p)));
    c.readinessProbe().ifPresent(p -> out.setReadinessProbe(probe(p)));
    c.startupProbe().ifPresent(p -> out.setStartupProbe(probe(p)));
    if (c.postStart().isPresent() || c.preStop().isPresent()) {
      io.fabric8.kubernetes.api.model.Lifecycle lifecycle = new io.fabric8.kubernetes.api.model.Lifecycle();
      c.postStart().ifPresent(a -> lifecycle.setPostStart(hook(a)));
      c.preStop().ifPresent(a -> lifecycle.setPreStop(hook(a)));
      out.setLifecycle(lifecycle);
    }
    out.setSecurityContext(Security.container(c));
    return out;
  }

  static io.fabric8.kubernetes.api.model.ContainerPort containerPort(ContainerPort p) {
    io.fabric8.kubernetes.api.model.ContainerPort out = new io.fabric8.kubernetes.api.model.ContainerPort();
    p.name().ifPresent(out::setName);
    out.setContainerPort(p.containerPort());
    p.protocol().ifPresent(pr -> out.setProtocol(pr.value()));
    return out;
  }

  static io.fabric8.kubernetes.api.model.EnvVar envVar(EnvVar e) {
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

  static EnvFromSource envFrom(EnvFrom e) {
    EnvFromSource out = new EnvFromSource();
    e.prefix().ifPresent(out::setPrefix);
    if (e instanceof EnvFrom.ConfigMap c) {
      out.setConfigMapRef(new io.fabric8.kubernetes.api.model.ConfigMapEnvSource(c.configMap(), c.optional().orElse(null)));
    } else if (e instanceof EnvFrom.Secret s) {
      out.setSecretRef(new io.fabric8.kubernetes.api.model.SecretEnvSource(s.secret(), s.optional().orElse(null)));
    }
    return out;
  }

  static io.fabric8.kubernetes.api.model.VolumeMount mount(VolumeMount m) {
    io.fabric8.kubernetes.api.model.VolumeMount out = new io.fabric8.kubernetes.api.model.VolumeMount();
    out.setName(m.name());
    out.setMountPath(m.mountPath());
    m.subPath().ifPresent(out::setSubPath);
    m.readOnly().ifPresent(out::setReadOnly);
    return out;
  }

  static io.fabric8.kubernetes.api.model.Probe probe(Probe p) {
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

  static io.fabric8.kubernetes.api.model.HTTPGetAction httpGet(Action.HttpGet h) {
    io.fabric8.kubernetes.api.model.HTTPGetAction out = new io.fabric8.kubernetes.api.model.HTTPGetAction();
    h.path().ifPresent(out::setPath);
    out.setPort(h.port().toIntOrString());
    h.host().ifPresent(out::setHost);
    h.scheme().ifPresent(s -> out.setScheme(s.value()));
    return out;
  }

  static LifecycleHandler hook(Action a) {
    LifecycleHandler out = new LifecycleHandler();
    if (a instanceof Action.Exec e) {
      out.setExec(new io.fabric8.kubernetes.api.model.ExecAction(new ArrayList<>(e.command())));
    } else if (a instanceof Action.HttpGet h) {
      out.setHttpGet(httpGet(h));
    }
    return out;
  }

  static ContainerSpec liftContainer(Container c, String at, GpuMappers mappers,
      Map<String, String> podAnnotations, List<NodeSelectorRequirement> required,
      Map<String, String> gpuAnnotations, List<NodeSelectorRequirement> gpuRequirements,
      List<String> notRepresented) {
    ContainerSpec.Builder b = ContainerSpec.builder();
    b.name(c.getName() == null ? "" : c.getName());
    Optional.ofNullable(c.getWorkingDir()).ifPresent(b::workingDir);
    Optional.ofNullable(c.getStdin()).ifPresent(b::stdin);
    Optional.ofNullable(c.getTty()).ifPresent(b::tty);
    if (c.getImage() == null || c.getImage().isEmpty()) {
      throw SpecException.inContainer(c.getName(), at + ".image", "required");
    }
    try {
      b.image(Image.parse(c.getImage()));
    } catch (SpecException e) {
      throw SpecException.inContainer(c.getName(), at + ".image", e.problem());
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

    Security.liftContainer(c.getSecurityContext(), b);
    if (c.getLifecycle() != null) {
      liftHook(c.getLifecycle().getPostStart()).ifPresent(b::postStart);
      liftHook(c.getLifecycle().getPreStop()).ifPresent(b::preStop);
    }
    liftProbe(c.getLivenessProbe()).ifPresent(b::livenessProbe);
    liftProbe(c.getReadinessProbe()).ifPresent(b::readinessProbe);
    liftProbe(c.getStartupProbe()).ifPresent(b::startupProbe);

    List<io.fabric8.kubernetes.api.model.EnvVar> env = orEmpty(c.getEnv());
    for (int i = 0; i < env.size(); i++) {
      EnvVar e = liftEnvVar(env.get(i));
      if (e instanceof EnvVar.Raw) {
        notRepresented.add(at + ".env[" + i + "]");
      }
      b.addEnv(e);
    }
    List<EnvFrom> envFrom = new ArrayList<>();
    for (EnvFromSource s : orEmpty(c.getEnvFrom())) {
      Optional<EnvFrom> e = liftEnvFrom(s);
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

  static <T> Optional<T> quantity(Quantity q, Function<String, T> parse) {
    if (q == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse.apply(q.toString()));
    } catch (SpecException e) {
      return Optional.empty();
    }
  }

  static Optional<Action> liftHook(LifecycleHandler h) {
    if (h == null) {
      return Optional.empty();
    }
    if (h.getExec() != null) {
      return Optional.of(Action.exec(orEmpty(h.getExec().getCommand()).toArray(String[]::new)));
    }
    if (h.getHttpGet() != null && h.getHttpGet().getPort() != null) {
      return liftHttpGet(h.getHttpGet());
    }
    return Optional.empty();
  }

  static Optional<Action> liftHttpGet(io.fabric8.kubernetes.api.model.HTTPGetAction h) {
    Optional<Port> port = liftPort(h.getPort());
    if (port.isEmpty()) {
      return Optional.empty();
    }
    Action.HttpGet.Builder b = Action.HttpGet.builder().port(port.get());
    Optional.ofNullable(h.getPath()).ifPresent(b::path);
    Optional.ofNullable(h.getHost()).ifPresent(b::host);
    Scheme.fromValue(h.getScheme()).ifPresent(b::scheme);
    return Optional.of(b.build());
  }

  static Optional<Port> liftPort(io.fabric8.kubernetes.api.model.IntOrString p) {
    if (p == null || (p.getIntVal() == null && (p.getStrVal() == null || p.getStrVal().isEmpty()))) {
      return Optional.empty();
    }
    return Optional.of(Port.of(p));
  }

  static Optional<Probe> liftProbe(io.fabric8.kubernetes.api.model.Probe p) {
    if (p == null) {
      return Optional.empty();
    }
    Optional<Action> action = Optional.empty();
    if (p.getExec() != null) {
      action = Optional.of(Action.exec(orEmpty(p.getExec().getCommand()).toArray(String[]::new)));
    } else if (p.getHttpGet() != null) {
      action = liftHttpGet(p.getHttpGet());
    } else if (p.getTcpSocket() != null) {
      action = liftPort(p.getTcpSocket().getPort()).map(port -> {
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

  static EnvVar liftEnvVar(io.fabric8.kubernetes.api.model.EnvVar e) {
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

  static Optional<EnvFrom> liftEnvFrom(EnvFromSource s) {
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
}
