package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Probes beyond readiness: no liveness probe, a probe on a port the container does not expose, and a
 * liveness probe that is the readiness probe.
 *
 * <p>Checks (the {@code check} of each finding): {@code readiness-missing} — a container without ports
 * (a sidecar) and without a readiness probe, which Polaris and kube-linter report too ({@code bp-readiness-probe}
 * covers containers with ports); {@code liveness-missing} — a container without a
 * liveness probe is never restarted when it hangs; {@code probe-port} — an HTTP, TCP or gRPC probe whose
 * port (by name or number) is not a TCP port of the container's {@code ports}; {@code identical} — the
 * same liveness and readiness probe, so a slow replica is killed instead of taken out of the Service.
 * Regular containers only (init containers have no probes).
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].{liveness,readiness,startup}Probe}.
 */
@RuleInfo(id = "bp-probes", severity = Severity.WARNING,
    summary = "Container without a liveness or readiness probe, probing a port it does not expose, or with identical probes")
public final class BpProbes implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      if (c.init()) {
        continue;
      }
      Container k = c.container();
      boolean ports = k.getPorts() != null && !k.getPorts().isEmpty();
      if (!ports && k.getReadinessProbe() == null) {
        // bp-readiness-probe covers containers with ports; Polaris and kube-linter ask it of every container
        out.add(Violation.required(c.path().child("readinessProbe"), Message.of("bp-readiness-probe"))
            .withCheck("readiness-missing"));
      }
      if (k.getLivenessProbe() == null) {
        out.add(Violation.required(c.path().child("livenessProbe"), Message.of("bp-liveness-probe"))
            .withCheck("liveness-missing"));
      }
      port(out, c, "livenessProbe", k.getLivenessProbe());
      port(out, c, "readinessProbe", k.getReadinessProbe());
      port(out, c, "startupProbe", k.getStartupProbe());
      if (k.getLivenessProbe() != null && k.getReadinessProbe() != null
          && sameAction(k.getLivenessProbe(), k.getReadinessProbe())) {
        out.add(Violation.invalid(c.path().child("readinessProbe"), "same as livenessProbe",
            Message.of("bp-probes-identical")).withCheck("identical"));
      }
    }
    return out;
  }

  private static void port(List<Violation> out, Pods.Located c, String field, Probe p) {
    if (p == null) {
      return;
    }
    FieldPath base = c.path().child(field);
    if (p.getHttpGet() != null && p.getHttpGet().getPort() != null) {
      check(out, c.container(), base.child("httpGet", "port"), p.getHttpGet().getPort());
    }
    if (p.getTcpSocket() != null && p.getTcpSocket().getPort() != null) {
      check(out, c.container(), base.child("tcpSocket", "port"), p.getTcpSocket().getPort());
    }
    if (p.getGrpc() != null && p.getGrpc().getPort() != null) {
      check(out, c.container(), base.child("grpc", "port"), new IntOrString(p.getGrpc().getPort()));
    }
  }

  private static void check(List<Violation> out, Container c, FieldPath path, IntOrString port) {
    for (ContainerPort cp : c.getPorts() == null ? List.<ContainerPort>of() : c.getPorts()) {
      if (cp == null || (cp.getProtocol() != null && !cp.getProtocol().equals("TCP"))) {
        continue;
      }
      if (port.getStrVal() != null ? port.getStrVal().equals(cp.getName())
          : Objects.equals(port.getIntVal(), cp.getContainerPort())) {
        return;
      }
    }
    Object shown = port.getStrVal() != null ? port.getStrVal() : port.getIntVal();
    out.add(Violation.invalid(path, shown, Message.of("bp-probe-port")).withCheck("probe-port"));
  }

  private static boolean sameAction(Probe a, Probe b) {
    if (a.getHttpGet() != null && b.getHttpGet() != null) {
      return Objects.equals(a.getHttpGet().getPath(), b.getHttpGet().getPath())
          && Objects.equals(a.getHttpGet().getPort(), b.getHttpGet().getPort());
    }
    if (a.getTcpSocket() != null && b.getTcpSocket() != null) {
      return Objects.equals(a.getTcpSocket().getPort(), b.getTcpSocket().getPort());
    }
    if (a.getExec() != null && b.getExec() != null) {
      return Objects.equals(a.getExec().getCommand(), b.getExec().getCommand());
    }
    if (a.getGrpc() != null && b.getGrpc() != null) {
      return Objects.equals(a.getGrpc().getPort(), b.getGrpc().getPort())
          && Objects.equals(a.getGrpc().getService(), b.getGrpc().getService());
    }
    return false;
  }
}
