package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stricter hardening the linters ship switched off or optional: user and group IDs of 10000 or more,
 * no privileged ports, host paths mounted read-only.
 *
 * <p>Checks: {@code high-uid-gid} (the effective {@code runAsUser} or {@code runAsGroup} below 10000,
 * or unset: such IDs can collide with users of the node); {@code privileged-port} (a container port
 * below 1024); {@code writable-host-mount} (a {@code hostPath} volume mounted without
 * {@code readOnly: true}).
 *
 * <p>Checked fields: {@code spec.template.spec.securityContext},
 * {@code spec.template.spec.{initContainers,containers}[*].{securityContext,ports,volumeMounts}}.
 */
@RuleInfo(id = "bp-hardening-strict", severity = Severity.INFO,
    summary = "Low user or group ID, privileged port, or writable host path mount")
public final class BpHardeningStrict implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSecurityContext psc = Pods.podSpec(sts).getSecurityContext();
    Map<String, Volume> volumes = Pods.podVolumes(sts);
    for (Pods.Located c : Pods.allContainers(sts)) {
      SecurityContext sc = c.container().getSecurityContext();
      Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : psc == null ? null : psc.getRunAsUser();
      Long group = sc != null && sc.getRunAsGroup() != null ? sc.getRunAsGroup() : psc == null ? null : psc.getRunAsGroup();
      FieldPath scp = c.path().child("securityContext");
      if (user == null || user < 10000) {
        out.add(low(scp.child("runAsUser"), user));
      }
      if (group == null || group < 10000) {
        out.add(low(scp.child("runAsGroup"), group));
      }
      List<ContainerPort> ports = c.container().getPorts() == null ? List.of() : c.container().getPorts();
      for (int j = 0; j < ports.size(); j++) {
        Integer port = ports.get(j) == null ? null : ports.get(j).getContainerPort();
        if (port != null && port > 0 && port < 1024) {
          out.add(Violation.invalid(c.path().child("ports").index(j).child("containerPort"), port,
              Message.of("bp-privileged-port")).withCheck("privileged-port"));
        }
      }
      List<VolumeMount> mounts = c.container().getVolumeMounts() == null ? List.of() : c.container().getVolumeMounts();
      for (int j = 0; j < mounts.size(); j++) {
        VolumeMount m = mounts.get(j);
        Volume v = m == null ? null : volumes.get(m.getName());
        if (v != null && v.getHostPath() != null && !Boolean.TRUE.equals(m.getReadOnly())) {
          out.add(Violation.required(c.path().child("volumeMounts").index(j).child("readOnly"),
              Message.of("bp-writable-host-mount", Violation.quote(Pods.str(m.getName())))).withCheck("writable-host-mount"));
        }
      }
    }
    return out;
  }

  private static Violation low(FieldPath p, Long id) {
    return (id == null ? Violation.required(p, Message.of("bp-high-uid-gid"))
        : Violation.invalid(p, id, Message.of("bp-high-uid-gid"))).withCheck("high-uid-gid");
  }
}
