package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Pss;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Host ports (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code hostPorts} ({@code policy/check_hostPorts.go}, v1.0). With
 * {@code hostNetwork: true} Kubernetes defaults every {@code hostPort} to its {@code containerPort}, so
 * such pods fail this check too (as upstream, which evaluates the defaulted pod).
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].ports[*].hostPort},
 * {@code spec.template.spec.initContainers[*].ports[*].hostPort}.
 *
 * <p>Allowed values: {@code 0}, unset.
 */
@RuleInfo(id = "pss-host-ports", severity = Severity.ERROR,
    summary = "Container uses a host port, forbidden by the baseline Pod Security Standard")
public final class PssHostPorts implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      List<ContainerPort> ports = c.container().getPorts() == null ? List.of() : c.container().getPorts();
      for (int j = 0; j < ports.size(); j++) {
        Integer hostPort = ports.get(j) == null ? null : ports.get(j).getHostPort();
        if (hostPort != null && hostPort != 0) {
          FieldPath p = c.path().child("ports").index(j).child("hostPort");
          out.add(Pss.forbidden(p, hostPort, Message.of("pss-host-ports")));
        }
      }
    }
    return out;
  }
}
