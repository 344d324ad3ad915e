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
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hardening a replica should have: a read-only root filesystem, dropped capabilities, a seccomp,
 * SELinux or AppArmor profile, and no host ports, host paths, unmasked {@code /proc}, unsafe sysctls,
 * Windows host processes or SSH.
 *
 * <p>Checks: {@code read-only-root-fs}; {@code insecure-capabilities} (neither {@code ALL} nor each of
 * Docker's default set dropped); {@code net-raw} ({@code capabilities} written but {@code NET_RAW} added or not
 * dropped; a container with no {@code capabilities} at all is {@code insecure-capabilities});
 * {@code linux-hardening} (none of: a seccomp profile other than {@code Unconfined} on the pod or the
 * container, SELinux options, an AppArmor profile, dropped capabilities); {@code host-port};
 * {@code host-path}; {@code proc-mount} ({@code procMount} other than {@code Default});
 * {@code unsafe-sysctls} ({@code kernel.msg*}, {@code kernel.sem}, {@code kernel.shm*},
 * {@code fs.mqueue.*}, {@code net.*}); {@code host-process}; {@code ssh-port} (container port 22).
 *
 * <p>Checked fields: {@code spec.template.spec.{securityContext,volumes,initContainers,containers}}.
 *
 * <p>Fixes: {@code readOnlyRootFilesystem: true}, {@code capabilities.drop: [ALL]}, the pod's
 * {@code seccompProfile: {type: RuntimeDefault}}, {@code hostPort}, {@code procMount} and
 * {@code hostProcess} removed.
 */
@RuleInfo(id = "bp-hardening", severity = Severity.WARNING,
    summary = "Container without a read-only root, dropped capabilities or a seccomp profile, or using host ports and paths")
public final class BpHardening implements Rule {
  /** Docker's default capabilities, each of which Polaris wants dropped unless ALL is. */
  private static final List<String> INSECURE = List.of("NET_ADMIN", "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER",
      "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL",
      "AUDIT_WRITE");
  private static final List<String> UNSAFE_SYSCTLS = List.of("kernel.msg", "kernel.sem", "kernel.shm", "fs.mqueue.", "net.");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    PodSecurityContext psc = pod.getSecurityContext();
    FieldPath pscPath = Pods.POD_SPEC.child("securityContext");
    String podSeccomp = psc == null || psc.getSeccompProfile() == null ? null : psc.getSeccompProfile().getType();
    boolean podSeLinux = psc != null && psc.getSeLinuxOptions() != null && !emptySeLinux(psc.getSeLinuxOptions());
    Map<String, String> annotations = Pods.templateMeta(sts).getAnnotations() == null ? Map.of()
        : Pods.templateMeta(sts).getAnnotations();
    if (psc != null && psc.getWindowsOptions() != null && Boolean.TRUE.equals(psc.getWindowsOptions().getHostProcess())) {
      FieldPath p = pscPath.child("windowsOptions", "hostProcess");
      out.add(Violation.forbidden(p, Message.of("bp-host-process")).withCheck("host-process").withFix(Fix.remove(p)));
    }
    List<Sysctl> sysctls = psc == null || psc.getSysctls() == null ? List.of() : psc.getSysctls();
    for (int i = 0; i < sysctls.size(); i++) {
      String name = sysctls.get(i) == null ? "" : Pods.str(sysctls.get(i).getName());
      if (UNSAFE_SYSCTLS.stream().anyMatch(name::startsWith)) {
        out.add(Violation.invalid(pscPath.child("sysctls").index(i).child("name"), name,
            Message.of("bp-unsafe-sysctl")).withCheck("unsafe-sysctls"));
      }
    }
    List<Volume> volumes = pod.getVolumes() == null ? List.of() : pod.getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      if (volumes.get(i) != null && volumes.get(i).getHostPath() != null) {
        out.add(Violation.forbidden(Pods.POD_SPEC.child("volumes").index(i).child("hostPath"),
            Message.of("bp-host-path")).withCheck("host-path"));
      }
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      SecurityContext sc = c.container().getSecurityContext();
      FieldPath scp = c.path().child("securityContext");
      if (!c.init() && (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem()))) {
        FieldPath p = scp.child("readOnlyRootFilesystem");
        out.add((sc == null || sc.getReadOnlyRootFilesystem() == null
            ? Violation.required(p, Message.of("bp-read-only-root-fs"))
            : Violation.invalid(p, false, Message.of("bp-read-only-root-fs")))
            .withCheck("read-only-root-fs").withFix(Fix.add(p, true)));
      }
      List<String> drop = upper(sc == null || sc.getCapabilities() == null ? null : sc.getCapabilities().getDrop());
      List<String> add = upper(sc == null || sc.getCapabilities() == null ? null : sc.getCapabilities().getAdd());
      FieldPath dropPath = scp.child("capabilities", "drop");
      if (!drop.contains("ALL") && !drop.containsAll(INSECURE)) {
        out.add(Violation.required(dropPath, Message.of("bp-insecure-capabilities")).withCheck("insecure-capabilities")
            .withFix(Fix.add(dropPath, List.of("ALL"))));
      }
      boolean capsWritten = sc != null && sc.getCapabilities() != null;
      if (capsWritten && (add.contains("NET_RAW") || add.contains("ALL") || !(drop.contains("ALL") || drop.contains("NET_RAW")))) {
        out.add(Violation.required(dropPath, Message.of("bp-net-raw")).withCheck("net-raw")
            .withFix(add.contains("NET_RAW") || add.contains("ALL")
                ? Fix.remove(scp.child("capabilities", "add")).then(Fix.add(dropPath, List.of("ALL")))
                : Fix.add(dropPath, List.of("ALL"))));
      }
      if (sc != null && sc.getProcMount() != null && !"Default".equals(sc.getProcMount())) {
        FieldPath p = scp.child("procMount");
        out.add(Violation.invalid(p, sc.getProcMount(), Message.of("bp-proc-mount")).withCheck("proc-mount")
            .withFix(Fix.remove(p)));
      }
      if (sc != null && sc.getWindowsOptions() != null && Boolean.TRUE.equals(sc.getWindowsOptions().getHostProcess())) {
        FieldPath p = scp.child("windowsOptions", "hostProcess");
        out.add(Violation.forbidden(p, Message.of("bp-host-process")).withCheck("host-process").withFix(Fix.remove(p)));
      }
      List<ContainerPort> ports = c.container().getPorts() == null ? List.of() : c.container().getPorts();
      for (int j = 0; j < ports.size(); j++) {
        ContainerPort cp = ports.get(j);
        if (cp == null) {
          continue;
        }
        if (cp.getHostPort() != null && cp.getHostPort() != 0) {
          FieldPath p = c.path().child("ports").index(j).child("hostPort");
          out.add(Violation.invalid(p, cp.getHostPort(), Message.of("bp-host-port")).withCheck("host-port")
              .withFix(Fix.remove(p)));
        }
        if (Integer.valueOf(22).equals(cp.getContainerPort()) && !"UDP".equals(cp.getProtocol())) {
          out.add(Violation.invalid(c.path().child("ports").index(j).child("containerPort"), 22,
              Message.of("bp-ssh-port")).withCheck("ssh-port"));
        }
      }
      if (!c.init() && !linuxHardened(sc, podSeccomp, podSeLinux, annotations, c.container().getName(), drop, add)) {
        out.add(Violation.required(pscPath.child("seccompProfile"), Message.of("bp-linux-hardening", Violation.quote(Pods.str(c.container().getName()))))
            .withCheck("linux-hardening")
            .withFix(Fix.add(pscPath.child("seccompProfile"), Fix.object("type", "RuntimeDefault"))));
      }
    }
    return out;
  }

  private static boolean linuxHardened(SecurityContext sc, String podSeccomp, boolean podSeLinux,
      Map<String, String> annotations, String name, List<String> drop, List<String> add) {
    if (annotations.containsKey("container.apparmor.security.beta.kubernetes.io/" + name)) {
      return true;
    }
    if (sc != null && sc.getAppArmorProfile() != null && sc.getAppArmorProfile().getType() != null) {
      return true;
    }
    String seccomp = sc != null && sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType() : null;
    if (seccomp != null) {
      if (!seccomp.isEmpty() && !"Unconfined".equals(seccomp)) {
        return true;
      }
    } else if (podSeccomp != null && !podSeccomp.isEmpty() && !"Unconfined".equals(podSeccomp)) {
      return true;
    }
    if (podSeLinux || (sc != null && sc.getSeLinuxOptions() != null && !emptySeLinux(sc.getSeLinuxOptions()))) {
      return true;
    }
    return !drop.isEmpty() && !add.contains("ALL");
  }

  private static boolean emptySeLinux(io.fabric8.kubernetes.api.model.SELinuxOptions o) {
    return o.getLevel() == null && o.getRole() == null && o.getType() == null && o.getUser() == null;
  }

  private static List<String> upper(List<String> caps) {
    List<String> out = new ArrayList<>();
    for (String c : caps == null ? List.<String>of() : caps) {
      if (c != null) {
        out.add(c.toUpperCase(Locale.ROOT).replaceFirst("^CAP_", ""));
      }
    }
    return out;
  }
}
