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
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Probes or lifecycle handlers aimed at another host (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code hostProbesAndHostLifecycle} ({@code policy/check_hostProbesAndhostLifecycle.go},
 * new in policy v1.34): a {@code host} lets the kubelet be used to reach arbitrary addresses. Even
 * {@code 127.0.0.1} and {@code ::1} are forbidden; leave the field empty (the pod IP).
 *
 * <p>Checked fields: {@code livenessProbe}, {@code readinessProbe}, {@code startupProbe},
 * {@code lifecycle.postStart} and {@code lifecycle.preStop} {@code .httpGet.host} and
 * {@code .tcpSocket.host} of every container and init container.
 *
 * <p>Allowed values: empty, unset.
 */
@RuleInfo(id = "pss-host-probes", severity = Severity.ERROR,
    summary = "Probe or lifecycle handler sets a host, forbidden by the baseline Pod Security Standard")
public final class PssHostProbes implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located located : Pods.allContainers(sts)) {
      Container c = located.container();
      FieldPath p = located.path();
      probe(out, p.child("livenessProbe"), c.getLivenessProbe());
      probe(out, p.child("readinessProbe"), c.getReadinessProbe());
      probe(out, p.child("startupProbe"), c.getStartupProbe());
      if (c.getLifecycle() != null) {
        handler(out, p.child("lifecycle", "postStart"), c.getLifecycle().getPostStart());
        handler(out, p.child("lifecycle", "preStop"), c.getLifecycle().getPreStop());
      }
    }
    return out;
  }

  private static void probe(List<Violation> out, FieldPath p, Probe probe) {
    if (probe != null) {
      hosts(out, p, probe.getHttpGet(), probe.getTcpSocket());
    }
  }

  private static void handler(List<Violation> out, FieldPath p, LifecycleHandler h) {
    if (h != null) {
      hosts(out, p, h.getHttpGet(), h.getTcpSocket());
    }
  }

  private static void hosts(List<Violation> out, FieldPath p, HTTPGetAction http, TCPSocketAction tcp) {
    if (http != null && !Pods.str(http.getHost()).isEmpty()) {
      out.add(Pss.forbidden(p.child("httpGet", "host"), http.getHost(), Message.of("pss-host-probes")));
    }
    if (tcp != null && !Pods.str(tcp.getHost()).isEmpty()) {
      out.add(Pss.forbidden(p.child("tcpSocket", "host"), tcp.getHost(), Message.of("pss-host-probes")));
    }
  }
}
