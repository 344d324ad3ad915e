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
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.GRPCAction;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SleepAction;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Liveness, readiness and startup probes and the postStart/preStop lifecycle handlers.
 *
 * <p>Follows {@code validateLivenessProbe}, {@code validateReadinessProbe}, {@code validateStartupProbe},
 * {@code validateProbe}, {@code validateLifecycle}, {@code validateHandler}, {@code validateExecAction},
 * {@code validateHTTPGetAction}, {@code validateTCPSocketAction}, {@code validateGRPCAction},
 * {@code validateSleepAction} and {@code ValidatePortNumOrName} in
 * {@code pkg/apis/core/validation/validation.go}. Init containers without {@code restartPolicy: Always}
 * may not have these at all; that is reported by {@code k8s-containers}.
 *
 * <p>Checked fields: {@code livenessProbe}, {@code readinessProbe}, {@code startupProbe},
 * {@code lifecycle.postStart}, {@code lifecycle.preStop} of every container and sidecar.
 *
 * <p>Allowed values: exactly one handler (exec with a command, httpGet with a path, a port number or
 * IANA name and scheme HTTP/HTTPS, tcpSocket with a port, grpc with a port number, sleep); timings ≥ 0;
 * liveness and startup successThreshold 1; probe terminationGracePeriodSeconds &gt; 0 and not on
 * readiness probes; sleep seconds between 0 and the pod's terminationGracePeriodSeconds.
 */
@RuleInfo(id = "k8s-container-probes", severity = Severity.ERROR,
    summary = "Probes or lifecycle handlers that kube-apiserver rejects")
@PodTemplateCheck
public final class ContainerProbes implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    Long grace = Pods.podSpec(sts).getTerminationGracePeriodSeconds();
    for (Pods.Located c : Pods.allContainers(sts)) {
      if (c.init() && !"Always".equals(c.container().getRestartPolicy())) {
        continue;
      }
      FieldPath p = c.path();
      Probe liveness = c.container().getLivenessProbe();
      if (liveness != null) {
        probe(out, liveness, grace, p.child("livenessProbe"));
        successThresholdOne(out, liveness, p.child("livenessProbe"));
      }
      Probe readiness = c.container().getReadinessProbe();
      if (readiness != null) {
        probe(out, readiness, grace, p.child("readinessProbe"));
        if (readiness.getTerminationGracePeriodSeconds() != null) {
          out.add(Violation.invalid(p.child("readinessProbe", "terminationGracePeriodSeconds"),
              readiness.getTerminationGracePeriodSeconds(), Message.of("readiness-grace")));
        }
      }
      Probe startup = c.container().getStartupProbe();
      if (startup != null) {
        probe(out, startup, grace, p.child("startupProbe"));
        successThresholdOne(out, startup, p.child("startupProbe"));
      }
      Lifecycle lc = c.container().getLifecycle();
      if (lc != null) {
        if (lc.getPostStart() != null) {
          handler(out, lc.getPostStart(), grace, p.child("lifecycle", "postStart"));
        }
        if (lc.getPreStop() != null) {
          handler(out, lc.getPreStop(), grace, p.child("lifecycle", "preStop"));
        }
      }
    }
    return out;
  }

  private static void successThresholdOne(List<Violation> out, Probe probe, FieldPath path) {
    int st = probe.getSuccessThreshold() == null ? 0 : probe.getSuccessThreshold();
    if (st != 1) {
      out.add(Violation.invalid(path.child("successThreshold"), st, Message.of("must-be-1")));
    }
  }

  private static void probe(List<Violation> out, Probe probe, Long grace, FieldPath path) {
    handler(out, probe.getExec(), probe.getHttpGet(), probe.getTcpSocket(), probe.getGrpc(), null, grace, path);
    nonNegative(out, probe.getInitialDelaySeconds(), path.child("initialDelaySeconds"));
    nonNegative(out, probe.getTimeoutSeconds(), path.child("timeoutSeconds"));
    nonNegative(out, probe.getPeriodSeconds(), path.child("periodSeconds"));
    nonNegative(out, probe.getSuccessThreshold(), path.child("successThreshold"));
    nonNegative(out, probe.getFailureThreshold(), path.child("failureThreshold"));
    Long tgps = probe.getTerminationGracePeriodSeconds();
    if (tgps != null && tgps <= 0) {
      out.add(Violation.invalid(path.child("terminationGracePeriodSeconds"), tgps, Message.of("positive")));
    }
  }

  private static void handler(List<Violation> out, LifecycleHandler h, Long grace, FieldPath path) {
    handler(out, h.getExec(), h.getHttpGet(), h.getTcpSocket(), null, h.getSleep(), grace, path);
  }

  private static void handler(List<Violation> out, ExecAction exec, HTTPGetAction http, TCPSocketAction tcp,
      GRPCAction grpc, SleepAction sleep, Long grace, FieldPath path) {
    int n = 0;
    if (exec != null) {
      n++;
      if (Defaults.list(exec.getCommand()).isEmpty()) {
        out.add(Violation.required(path.child("exec", "command")));
      }
    }
    if (http != null) {
      if (n > 0) {
        out.add(Violation.forbidden(path.child("httpGet"), Message.of("one-handler")));
      } else {
        n++;
        httpGet(out, http, path.child("httpGet"));
      }
    }
    if (tcp != null) {
      if (n > 0) {
        out.add(Violation.forbidden(path.child("tcpSocket"), Message.of("one-handler")));
      } else {
        n++;
        portNumOrName(out, tcp.getPort(), path.child("tcpSocket", "port"));
      }
    }
    if (grpc != null) {
      if (n > 0) {
        out.add(Violation.forbidden(path.child("grpc"), Message.of("one-handler")));
      } else {
        n++;
        int port = grpc.getPort() == null ? 0 : grpc.getPort();
        for (Message m : Names.portNum(port)) {
          out.add(Violation.invalid(path.child("grpc", "port"), port, m));
        }
      }
    }
    if (sleep != null) {
      if (n > 0) {
        out.add(Violation.forbidden(path.child("sleep"), Message.of("one-handler")));
      } else {
        n++;
        // validateSleepAction (PodLifecycleSleepActionAllowZero, GA): 0..terminationGracePeriodSeconds;
        // no check when the grace period is unset
        long seconds = sleep.getSeconds() == null ? 0 : sleep.getSeconds();
        if (grace != null && (seconds < 0 || seconds > grace)) {
          out.add(Violation.invalid(path.child("sleep"), seconds, Message.of("sleep-range", grace)));
        }
      }
    }
    if (n == 0) {
      out.add(Violation.required(path, Message.of("handler-required")));
    }
  }

  private static void httpGet(List<Violation> out, HTTPGetAction http, FieldPath path) {
    if (Pods.str(http.getPath()).isEmpty()) {
      out.add(Violation.required(path.child("path")));
    }
    portNumOrName(out, http.getPort(), path.child("port"));
    String scheme = Pods.str(http.getScheme());
    if (!scheme.equals("HTTP") && !scheme.equals("HTTPS")) {
      out.add(Violation.notSupported(path.child("scheme"), scheme, List.of("HTTP", "HTTPS")));
    }
    for (HTTPHeader h : Defaults.list(http.getHttpHeaders())) {
      String name = h == null ? "" : Pods.str(h.getName());
      for (Message m : Names.httpHeaderName(name)) {
        out.add(Violation.invalid(path.child("httpHeaders"), name, m));
      }
    }
  }

  /** {@code ValidatePortNumOrName}. */
  static void portNumOrName(List<Violation> out, IntOrString port, FieldPath path) {
    if (port == null) {
      out.add(Violation.invalid(path, 0, Message.of("range", 1, 65535)));
      return;
    }
    if (port.getStrVal() != null) {
      for (Message m : Names.portName(port.getStrVal())) {
        out.add(Violation.invalid(path, port.getStrVal(), m));
      }
    } else {
      int v = port.getIntVal() == null ? 0 : port.getIntVal();
      for (Message m : Names.portNum(v)) {
        out.add(Violation.invalid(path, v, m));
      }
    }
  }

  private static void nonNegative(List<Violation> out, Integer v, FieldPath path) {
    if (v != null && v < 0) {
      out.add(Violation.invalid(path, v, Message.of("nonnegative")));
    }
  }
}
