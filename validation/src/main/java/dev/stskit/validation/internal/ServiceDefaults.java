package dev.stskit.validation.internal;

import io.fabric8.kubernetes.api.model.ClientIPConfig;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.SessionAffinityConfig;
import java.util.Optional;

/**
 * Kubernetes' defaulting of a v1 Service, applied to a copy before the {@code kubernetes} Service rules
 * run: {@code SetDefaults_Service} in {@code pkg/apis/core/v1/defaults.go} (session affinity None, and
 * for ClientIP a timeout of 10800 s; type ClusterIP; port protocol TCP; an unset target port = the
 * port; external traffic policy Cluster for NodePort/LoadBalancer; internal traffic policy Cluster;
 * {@code allocateLoadBalancerNodePorts: true} for LoadBalancer), plus the request namespace.
 */
public final class ServiceDefaults {
  /** {@code v1.DefaultClientIPServiceAffinitySeconds}: three hours. */
  public static final int DEFAULT_CLIENT_IP_TIMEOUT = 10800;

  private ServiceDefaults() {}

  /** Defaults {@code service} in place and returns it; {@code namespace} fills an empty namespace. */
  public static Service apply(Service service, Optional<String> namespace) {
    if (service.getMetadata() == null) {
      service.setMetadata(new ObjectMeta());
    }
    String ns = service.getMetadata().getNamespace();
    if (ns == null || ns.isEmpty()) {
      namespace.ifPresent(service.getMetadata()::setNamespace);
    }
    if (service.getSpec() == null) {
      service.setSpec(new ServiceSpec());
    }
    ServiceSpec spec = service.getSpec();
    if (isEmpty(spec.getSessionAffinity())) {
      spec.setSessionAffinity("None");
    }
    if ("None".equals(spec.getSessionAffinity())) {
      spec.setSessionAffinityConfig(null);
    }
    if ("ClientIP".equals(spec.getSessionAffinity())) {
      SessionAffinityConfig c = spec.getSessionAffinityConfig();
      if (c == null || c.getClientIP() == null || c.getClientIP().getTimeoutSeconds() == null) {
        spec.setSessionAffinityConfig(new SessionAffinityConfig(new ClientIPConfig(DEFAULT_CLIENT_IP_TIMEOUT)));
      }
    }
    if (isEmpty(spec.getType())) {
      spec.setType("ClusterIP");
    }
    for (ServicePort p : Defaults.list(spec.getPorts())) {
      if (p == null) {
        continue;
      }
      if (isEmpty(p.getProtocol())) {
        p.setProtocol("TCP");
      }
      IntOrString t = p.getTargetPort();
      if (t == null || (t.getStrVal() == null && (t.getIntVal() == null || t.getIntVal() == 0))
          || "".equals(t.getStrVal())) {
        p.setTargetPort(new IntOrString(p.getPort() == null ? 0 : p.getPort()));
      }
    }
    String type = spec.getType();
    boolean external = type.equals("NodePort") || type.equals("LoadBalancer")
        || !Defaults.list(spec.getExternalIPs()).isEmpty();
    if (external && isEmpty(spec.getExternalTrafficPolicy())) {
      spec.setExternalTrafficPolicy("Cluster");
    }
    if (spec.getInternalTrafficPolicy() == null
        && (type.equals("NodePort") || type.equals("LoadBalancer") || type.equals("ClusterIP"))) {
      spec.setInternalTrafficPolicy("Cluster");
    }
    if (type.equals("LoadBalancer") && spec.getAllocateLoadBalancerNodePorts() == null) {
      spec.setAllocateLoadBalancerNodePorts(true);
    }
    return service;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }
}
