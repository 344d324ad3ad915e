package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Fix;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What gives a replica the node: privileged containers, privilege escalation left allowed, the
 * dangerous capabilities, the host's namespaces, and host paths that hold the node's system or its
 * container runtime.
 *
 * <p>Checks: {@code privileged} ({@code securityContext.privileged: true}); {@code privilege-escalation}
 * ({@code allowPrivilegeEscalation} not {@code false}: absent counts, the runtime allows it by default);
 * {@code dangerous-capabilities} ({@code ALL}, {@code SYS_ADMIN} or {@code NET_ADMIN} added);
 * {@code host-network}, {@code host-pid}, {@code host-ipc}; {@code sensitive-host-mount} (a
 * {@code hostPath} of {@code /}, {@code /boot}, {@code /dev}, {@code /etc}, {@code /lib}, {@code /proc},
 * {@code /sys} or {@code /usr}); {@code docker-socket} (a {@code hostPath} ending in {@code docker.sock}).
 *
 * <p>Checked fields: {@code spec.template.spec.{hostNetwork,hostPID,hostIPC,volumes[*].hostPath.path}},
 * {@code spec.template.spec.{initContainers,containers}[*].securityContext}.
 *
 * <p>Fixes: {@code privileged: false}, {@code allowPrivilegeEscalation: false}, the {@code add} list
 * removed (as {@code polaris fix} does), the host namespace fields removed.
 */
@RuleInfo(id = "bp-security", severity = Severity.ERROR,
    summary = "Privileged or escalating container, dangerous capabilities, host namespaces or sensitive host paths")
public final class BpSecurity implements Rule {
  private static final Set<String> DANGEROUS = Set.of("ALL", "SYS_ADMIN", "NET_ADMIN");
  private static final Pattern SENSITIVE = Pattern.compile("^/(boot|dev|etc|lib|proc|sys|usr)?/?$");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    hostNamespace(out, pod.getHostNetwork(), "hostNetwork", "host-network");
    hostNamespace(out, pod.getHostPID(), "hostPID", "host-pid");
    hostNamespace(out, pod.getHostIPC(), "hostIPC", "host-ipc");
    List<Volume> volumes = pod.getVolumes() == null ? List.of() : pod.getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v == null || v.getHostPath() == null || v.getHostPath().getPath() == null) {
        continue;
      }
      String path = v.getHostPath().getPath();
      FieldPath p = Pods.POD_SPEC.child("volumes").index(i).child("hostPath", "path");
      if (path.endsWith("docker.sock")) {
        out.add(Violation.forbidden(p, Message.of("bp-docker-socket")).withCheck("docker-socket"));
      } else if (SENSITIVE.matcher(path).matches()) {
        out.add(Violation.invalid(p, path, Message.of("bp-sensitive-host-mount")).withCheck("sensitive-host-mount"));
      }
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      SecurityContext sc = c.container().getSecurityContext();
      FieldPath scp = c.path().child("securityContext");
      if (sc != null && Boolean.TRUE.equals(sc.getPrivileged())) {
        out.add(Violation.forbidden(scp.child("privileged"), Message.of("bp-privileged")).withCheck("privileged")
            .withFix(Fix.replace(scp.child("privileged"), false)));
      }
      if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        FieldPath p = scp.child("allowPrivilegeEscalation");
        Violation v = sc == null || sc.getAllowPrivilegeEscalation() == null
            ? Violation.required(p, Message.of("bp-privilege-escalation"))
            : Violation.invalid(p, true, Message.of("bp-privilege-escalation"));
        out.add(v.withCheck("privilege-escalation").withFix(Fix.add(p, false)));
      }
      List<String> add = sc == null || sc.getCapabilities() == null || sc.getCapabilities().getAdd() == null
          ? List.of() : sc.getCapabilities().getAdd();
      for (int j = 0; j < add.size(); j++) {
        String cap = add.get(j) == null ? "" : add.get(j).toUpperCase(Locale.ROOT);
        if (DANGEROUS.contains(cap) || DANGEROUS.contains("CAP_" + cap) || DANGEROUS.contains(cap.replaceFirst("^CAP_", ""))) {
          out.add(Violation.invalid(scp.child("capabilities", "add").index(j), add.get(j),
              Message.of("bp-dangerous-capability")).withCheck("dangerous-capabilities")
              .withFix(Fix.remove(scp.child("capabilities", "add"))));
        }
      }
    }
    return out;
  }

  private static void hostNamespace(List<Violation> out, Boolean value, String field, String check) {
    if (Boolean.TRUE.equals(value)) {
      FieldPath p = Pods.POD_SPEC.child(field);
      out.add(Violation.forbidden(p, Message.of("bp-host-namespace", field)).withCheck(check).withFix(Fix.remove(p)));
    }
  }
}
