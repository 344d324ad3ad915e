package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.ServiceRule;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.Names;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Service's ports: present, named, unique, in range, with a valid target port and node port.
 *
 * <p>Follows {@code validateService} and {@code validateServicePort}
 * ({@code pkg/apis/core/validation/validation.go}): ports are required unless the Service is headless
 * ({@code clusterIP: None}) or ExternalName; with more than one port each needs a DNS-1123 label name,
 * unique in the Service; port 1–65535; protocol TCP, UDP or SCTP; target port a number 1–65535 or an
 * IANA service name ({@code ValidatePortNumOrName}); no node port on a ClusterIP Service; no two ports
 * with the same node port or the same port and protocol. Also what the node-port allocator refuses
 * ({@code pkg/registry/core/service/portallocator}): a node port outside the default
 * {@code --service-node-port-range} 30000–32767. Each duplicate is reported once, at the later port.
 *
 * <p>Checked fields: {@code spec.ports[*].name}, {@code .port}, {@code .protocol}, {@code .targetPort},
 * {@code .nodePort}.
 */
@RuleInfo(id = "k8s-service-ports", severity = Severity.ERROR,
    summary = "Service ports that kube-apiserver rejects: missing, unnamed, duplicate or out of range")
public final class ServicePorts implements ServiceRule {
  /** The default {@code --service-node-port-range}. */
  public static final int NODE_PORT_MIN = 30000;
  /** The default {@code --service-node-port-range}. */
  public static final int NODE_PORT_MAX = 32767;
  private static final FieldPath PORTS = FieldPath.of("spec", "ports");
  private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  @Override
  public List<Violation> validate(Service service, RuleContext context) {
    ServiceSpec spec = service.getSpec() == null ? new ServiceSpec() : service.getSpec();
    List<ServicePort> ports = Defaults.list(spec.getPorts());
    List<Violation> out = new ArrayList<>();
    String type = spec.getType() == null ? "" : spec.getType();
    if (ports.isEmpty() && !ServiceSpecRule.isHeadless(spec) && !type.equals("ExternalName")) {
      out.add(Violation.required(PORTS));
    }
    Set<String> names = new HashSet<>();
    Set<String> nodePorts = new HashSet<>();
    Set<String> portKeys = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort sp = ports.get(i) == null ? new ServicePort() : ports.get(i);
      FieldPath p = PORTS.index(i);
      String name = sp.getName() == null ? "" : sp.getName();
      if (ports.size() > 1 && name.isEmpty()) {
        out.add(Violation.required(p.child("name")));
      } else if (!name.isEmpty()) {
        for (Message m : Names.dns1123Label(name)) {
          out.add(Violation.invalid(p.child("name"), name, m));
        }
        if (!names.add(name)) {
          out.add(Violation.duplicate(p.child("name"), name));
        }
      }
      int port = sp.getPort() == null ? 0 : sp.getPort();
      for (Message m : Names.portNum(port)) {
        out.add(Violation.invalid(p.child("port"), port, m));
      }
      String protocol = sp.getProtocol() == null ? "" : sp.getProtocol();
      if (protocol.isEmpty()) {
        out.add(Violation.required(p.child("protocol")));
      } else if (!PROTOCOLS.contains(protocol)) {
        out.add(Violation.notSupported(p.child("protocol"), protocol, PROTOCOLS));
      }
      ContainerProbes.portNumOrName(out, sp.getTargetPort(), p.child("targetPort"));
      int nodePort = sp.getNodePort() == null ? 0 : sp.getNodePort();
      if (nodePort != 0) {
        if (type.equals("ClusterIP")) {
          out.add(Violation.forbidden(p.child("nodePort"), Message.of("service-node-port-clusterip")));
        } else if (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX) {
          out.add(Violation.invalid(p.child("nodePort"), nodePort,
              Message.of("service-node-port-range", NODE_PORT_MIN, NODE_PORT_MAX))
              .withHint(Message.of("hint-service-node-port-range")));
        }
        if (!nodePorts.add(protocol + "/" + nodePort)) {
          out.add(Violation.duplicate(p.child("nodePort"), nodePort));
        }
      }
      if (!portKeys.add(protocol + "/" + port)) {
        out.add(Violation.builder().path(p).type(dev.stskit.validation.ErrorType.DUPLICATE)
            .value("{Port:" + port + " Protocol:" + protocol + "}").build());
      }
    }
    return out;
  }
}
