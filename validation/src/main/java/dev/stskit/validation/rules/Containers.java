package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerResizePolicy;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Containers and init containers: at least one container, names, images, pull and termination-message
 * policies, ports, host-port conflicts, restart policies (sidecars), resize policies, and which probes
 * and lifecycle hooks an init container may have.
 *
 * <p>Follows {@code validateContainers}, {@code validateInitContainers}, {@code validateContainerCommon},
 * {@code validateContainerPorts}, {@code checkHostPortConflicts}, {@code validatePodHostNetworkDeps},
 * {@code validatePullPolicy}, {@code validateInitContainerRestartPolicy} and {@code validateResizePolicy}
 * in {@code pkg/apis/core/validation/validation.go}. Quirk kept: an init container's host-port conflict
 * is reported at {@code initContainers[0]} whatever its index, as upstream checks each init container on
 * its own. Names must be unique across containers and init containers; a clash is reported on the init
 * container.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*]} and {@code initContainers[*]}:
 * {@code name}, {@code image}, {@code imagePullPolicy}, {@code terminationMessagePolicy}, {@code ports},
 * {@code restartPolicy}, {@code resizePolicy}, and {@code lifecycle}/probes of init containers.
 *
 * <p>Allowed values: names lowercase RFC 1123 labels, unique; image non-empty; imagePullPolicy
 * {@code Always}, {@code IfNotPresent}, {@code Never}; terminationMessagePolicy {@code File} or
 * {@code FallbackToLogsOnError}; ports 1–65535 with protocol TCP, UDP or SCTP and unique IANA names;
 * init container restartPolicy only {@code Always}; regular containers no restartPolicy.
 */
@RuleInfo(id = "k8s-containers", severity = Severity.ERROR,
    summary = "Containers or init containers that kube-apiserver rejects: names, images, policies, ports")
@PodTemplateCheck
public final class Containers implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    PodSpec pod = Pods.podSpec(sts);
    List<Container> regular = Defaults.list(pod.getContainers());
    FieldPath cPath = Pods.POD_SPEC.child("containers");
    if (regular.isEmpty()) {
      out.add(Violation.required(cPath));
    }
    Set<String> names = new HashSet<>();
    Set<String> hostPorts = new HashSet<>();
    for (int i = 0; i < regular.size(); i++) {
      Container c = regular.get(i);
      if (c == null) {
        continue;
      }
      FieldPath p = cPath.index(i);
      common(out, c, p);
      String name = Pods.str(c.getName());
      if (!names.add(name)) {
        out.add(Violation.duplicate(p.child("name"), name));
      }
      hostPorts(out, c, p, hostPorts);
      if (c.getRestartPolicy() != null) {
        out.add(Violation.forbidden(p.child("restartPolicy"), Message.of("restart-policy-non-init")));
      }
    }
    List<Container> init = Defaults.list(pod.getInitContainers());
    FieldPath iPath = Pods.POD_SPEC.child("initContainers");
    for (int i = 0; i < init.size(); i++) {
      Container c = init.get(i);
      if (c == null) {
        continue;
      }
      FieldPath p = iPath.index(i);
      common(out, c, p);
      boolean sidecar = false;
      if (c.getRestartPolicy() != null) {
        sidecar = "Always".equals(c.getRestartPolicy());
        if (!sidecar) {
          out.add(Violation.notSupported(p.child("restartPolicy"), c.getRestartPolicy(), List.of("Always")));
        }
      }
      String name = Pods.str(c.getName());
      if (names.contains(name)) {
        out.add(Violation.duplicate(p.child("name"), name));
      } else if (!name.isEmpty()) {
        names.add(name);
      }
      hostPorts(out, c, iPath.index(0), new HashSet<>());
      if (!sidecar) {
        Message detail = Message.of("init-container-field");
        if (c.getLifecycle() != null) {
          out.add(Violation.forbidden(p.child("lifecycle"), detail));
        }
        if (c.getLivenessProbe() != null) {
          out.add(Violation.forbidden(p.child("livenessProbe"), detail));
        }
        if (c.getReadinessProbe() != null) {
          out.add(Violation.forbidden(p.child("readinessProbe"), detail));
        }
        if (c.getStartupProbe() != null) {
          out.add(Violation.forbidden(p.child("startupProbe"), detail));
        }
      }
    }
    if (Boolean.TRUE.equals(pod.getHostNetwork())) {
      hostNetwork(out, regular, cPath);
      hostNetwork(out, init, iPath);
    }
    return out;
  }

  private static void common(List<Violation> out, Container c, FieldPath p) {
    String name = Pods.str(c.getName());
    if (name.isEmpty()) {
      out.add(Violation.required(p.child("name")));
    } else {
      for (Message m : Names.dns1123Label(name)) {
        out.add(Violation.invalid(p.child("name"), name, m));
      }
    }
    if (Pods.str(c.getImage()).isEmpty()) {
      out.add(Violation.required(p.child("image")).withHint(Message.of("hint-image")));
    }
    String tmp = Pods.str(c.getTerminationMessagePolicy());
    switch (tmp) {
      case "File", "FallbackToLogsOnError" -> { }
      case "" -> out.add(Violation.required(p.child("terminationMessagePolicy")));
      default -> out.add(Violation.notSupported(p.child("terminationMessagePolicy"), tmp,
          List.of("File", "FallbackToLogsOnError")));
    }
    String pull = Pods.str(c.getImagePullPolicy());
    switch (pull) {
      case "Always", "IfNotPresent", "Never" -> { }
      case "" -> out.add(Violation.required(p.child("imagePullPolicy")));
      default -> out.add(Violation.notSupported(p.child("imagePullPolicy"), pull,
          List.of("Always", "IfNotPresent", "Never")));
    }
    ports(out, Defaults.list(c.getPorts()), p.child("ports"));
    resizePolicy(out, Defaults.list(c.getResizePolicy()), p.child("resizePolicy"));
  }

  private static void ports(List<Violation> out, List<ContainerPort> ports, FieldPath path) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      if (port == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String name = Pods.str(port.getName());
      if (!name.isEmpty()) {
        List<Message> msgs = Names.portName(name);
        if (!msgs.isEmpty()) {
          for (Message m : msgs) {
            out.add(Violation.invalid(p.child("name"), name, m));
          }
        } else if (!names.add(name)) {
          out.add(Violation.duplicate(p.child("name"), name));
        }
      }
      int cp = port.getContainerPort() == null ? 0 : port.getContainerPort();
      if (cp == 0) {
        out.add(Violation.required(p.child("containerPort")));
      } else {
        for (Message m : Names.portNum(cp)) {
          out.add(Violation.invalid(p.child("containerPort"), cp, m));
        }
      }
      int hp = port.getHostPort() == null ? 0 : port.getHostPort();
      if (hp != 0) {
        for (Message m : Names.portNum(hp)) {
          out.add(Violation.invalid(p.child("hostPort"), hp, m));
        }
      }
      String protocol = Pods.str(port.getProtocol());
      if (protocol.isEmpty()) {
        out.add(Violation.required(p.child("protocol")));
      } else if (!List.of("SCTP", "TCP", "UDP").contains(protocol)) {
        out.add(Violation.notSupported(p.child("protocol"), protocol, List.of("SCTP", "TCP", "UDP")));
      }
    }
  }

  /** {@code AccumulateUniqueHostPorts}: hostIP/protocol/hostPort must be unique. */
  private static void hostPorts(List<Violation> out, Container c, FieldPath containerPath, Set<String> seen) {
    List<ContainerPort> ports = Defaults.list(c.getPorts());
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      if (port == null || port.getHostPort() == null || port.getHostPort() == 0) {
        continue;
      }
      String key = Pods.str(port.getHostIP()) + "/" + Pods.str(port.getProtocol()) + "/" + port.getHostPort();
      if (!seen.add(key)) {
        out.add(Violation.duplicate(containerPath.child("ports").index(i).child("hostPort"), key));
      }
    }
  }

  /** {@code validatePodHostNetworkDeps}: with hostNetwork, hostPort must equal containerPort. */
  private static void hostNetwork(List<Violation> out, List<Container> containers, FieldPath path) {
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c == null) {
        continue;
      }
      List<ContainerPort> ports = Defaults.list(c.getPorts());
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort port = ports.get(j);
        if (port == null) {
          continue;
        }
        int hp = port.getHostPort() == null ? 0 : port.getHostPort();
        int cp = port.getContainerPort() == null ? 0 : port.getContainerPort();
        if (hp != cp) {
          out.add(Violation.invalid(path.index(i).child("ports").index(j).child("hostPort"), hp,
              Message.of("host-network-port")));
        }
      }
    }
  }

  private static void resizePolicy(List<Violation> out, List<ContainerResizePolicy> policies, FieldPath path) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < policies.size(); i++) {
      ContainerResizePolicy rp = policies.get(i);
      if (rp == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String name = Pods.str(rp.getResourceName());
      if (!name.equals("cpu") && !name.equals("memory")) {
        out.add(Violation.notSupported(p.child("resourceName"), name, List.of("cpu", "memory")));
      } else if (!seen.add(name)) {
        out.add(Violation.duplicate(p.child("resourceName"), name));
      }
      String policy = Pods.str(rp.getRestartPolicy());
      if (!policy.equals("NotRequired") && !policy.equals("RestartContainer")) {
        out.add(Violation.notSupported(p.child("restartPolicy"), policy, List.of("NotRequired", "RestartContainer")));
      }
    }
  }
}
