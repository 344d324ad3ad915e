package dev.stskit.core.internal;

import static dev.stskit.core.internal.Nulls.orEmpty;

import dev.stskit.core.AccessService;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.Protocol;
import dev.stskit.core.ServicePort;
import dev.stskit.core.ServiceType;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.TrafficPolicy;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The governing headless Service and the access Services, compiled and lifted back. */
final class Services {
  static final String METALLB_POOL = "metallb.universe.tf/address-pool";
  static final String METALLB_IPS = "metallb.universe.tf/loadBalancerIPs";
  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private Services() {}

  /**
   * Container ports follow the Service ports: a numeric target no container declares is added.
   *
   * @return the paths of the added ports (derived, not modelled: extras may leave them out)
   */
  static List<String> addServiceTargetPorts(StatefulSetSpec spec, List<Container> containers) {
    List<String> added = new ArrayList<>();
    if (containers.isEmpty()) {
      return added;
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
        io.fabric8.kubernetes.api.model.ContainerPort port = new io.fabric8.kubernetes.api.model.ContainerPort();
        sp.name().filter(dev.stskit.apimachinery.Names::isPortName)
            .filter(n -> first.getPorts().stream().noneMatch(p -> n.equals(p.getName())))
            .ifPresent(port::setName);
        port.setContainerPort(target);
        port.setProtocol(protocol);
        first.getPorts().add(port);
        added.add("spec.template.spec.containers[0].ports[" + (first.getPorts().size() - 1) + "]");
      }
    }
    return added;
  }

  /**
   * The governing Service's fields compile derives (labels and ports from the workload, the
   * headless {@code clusterIP: None}) rather than takes from a spec field.
   */
  static final List<String> GOVERNING_DERIVED = List.of("metadata.labels", "spec.clusterIP", "spec.ports");

  static Service governingService(StatefulSetSpec spec, Map<String, String> selector, List<Container> containers) {
    Service out = new Service();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(spec.serviceName());
    meta.setNamespace(spec.namespace());
    meta.setLabels(new LinkedHashMap<>(selector));
    out.setMetadata(meta);
    ServiceSpec s = new ServiceSpec();
    s.setClusterIP("None");
    s.setSelector(new LinkedHashMap<>(selector));
    s.setPorts(governingPorts(containers));
    out.setSpec(s);
    return out;
  }

  /**
   * The governing Service's ports: one for each distinct container port and protocol (the API
   * server refuses a Service listing a port/protocol pair twice), named so that the Service is
   * valid (k8s.io/kubernetes pkg/apis/core/validation/validation.go, validateServicePort: with more
   * than one port each needs a name, a unique DNS-1123 label). A port keeps its container port's
   * name when that is free; otherwise, when several ports need names, it is named after protocol
   * and number ({@code tcp-8080}, then {@code tcp-8080-2} …). A single port keeps its name or none.
   */
  static List<io.fabric8.kubernetes.api.model.ServicePort> governingPorts(List<Container> containers) {
    Map<String, io.fabric8.kubernetes.api.model.ServicePort> byPortProtocol = new LinkedHashMap<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Container c : containers) {
      for (io.fabric8.kubernetes.api.model.ContainerPort p : orEmpty(c.getPorts())) {
        if (p == null || p.getContainerPort() == null) {
          continue;
        }
        String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
        io.fabric8.kubernetes.api.model.ServicePort sp = byPortProtocol.get(p.getContainerPort() + "/" + protocol);
        if (sp == null) {
          sp = new io.fabric8.kubernetes.api.model.ServicePort();
          sp.setPort(p.getContainerPort());
          sp.setProtocol(protocol);
          byPortProtocol.put(p.getContainerPort() + "/" + protocol, sp);
        }
        String name = p.getName();
        if (sp.getName() == null && name != null && DNS1123_LABEL.matcher(name).matches() && names.add(name)) {
          sp.setName(name);
        }
      }
    }
    List<io.fabric8.kubernetes.api.model.ServicePort> ports = new ArrayList<>(byPortProtocol.values());
    if (ports.size() > 1) {
      for (io.fabric8.kubernetes.api.model.ServicePort sp : ports) {
        if (sp.getName() == null) {
          String base = sp.getProtocol().toLowerCase(java.util.Locale.ROOT) + "-" + sp.getPort();
          if (!DNS1123_LABEL.matcher(base).matches()) {
            base = "port-" + sp.getPort(); // a protocol the API server refuses anyway
          }
          String name = base;
          for (int n = 2; !names.add(name); n++) {
            name = base + "-" + n;
          }
          sp.setName(name);
        }
      }
    }
    return ports;
  }

  static Service accessService(StatefulSetSpec spec, AccessService svc, Map<String, String> selector) {
    Map<String, String> owners = new LinkedHashMap<>();
    Service out = new Service();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(svc.name());
    meta.setNamespace(spec.namespace());
    meta.setLabels(new LinkedHashMap<>(svc.labels()));
    Map<String, String> annotations = new LinkedHashMap<>(svc.annotations());
    String at = "Service " + svc.name() + " metadata.annotations";
    svc.metallbAddressPool().ifPresent(p -> Compiler.putOwned(owners, annotations, METALLB_POOL, p, at, "the MetalLB pool"));
    if (!svc.loadBalancerIps().isEmpty()) {
      Compiler.putOwned(owners, annotations, METALLB_IPS, String.join(",", svc.loadBalancerIps()), at, "the load-balancer addresses");
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

  static AccessService liftAccessService(Service s, Map<String, String> workloadSelector) {
    AccessService.Builder b = AccessService.builder();
    ObjectMeta meta = s.getMetadata() == null ? new ObjectMeta() : s.getMetadata();
    b.name(meta.getName() == null ? "" : meta.getName());
    b.labels(orEmpty(meta.getLabels()));
    Map<String, String> annotations = new LinkedHashMap<>(orEmpty(meta.getAnnotations()));
    String pool = annotations.remove(METALLB_POOL);
    if (pool != null) {
      b.metallbAddressPool(pool);
    }
    String ips = annotations.get(METALLB_IPS);
    if (ips != null && !ips.isEmpty() && !ips.contains(" ") && !ips.startsWith(",") && !ips.endsWith(",")) {
      annotations.remove(METALLB_IPS);
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
        Containers.liftPort(p.getTargetPort()).ifPresent(pb::targetPort);
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
}
