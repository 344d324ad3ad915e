package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Pod and container security contexts.
 *
 * <p>Follows {@code validatePodSpecSecurityContext}, {@code ValidateSecurityContext},
 * {@code validateSeccompProfileField}, {@code ValidateAppArmorProfileField}, {@code validateSysctls},
 * {@code validateFSGroupChangePolicy} and {@code ValidateProcMountType} in
 * {@code pkg/apis/core/validation/validation.go}. Quirk kept: {@code shareProcessNamespace} together with
 * {@code hostPID} is reported at {@code securityContext.shareProcessNamespace} (both fields sit in the
 * internal PodSecurityContext). {@code privileged: true} is not checked against the apiserver's
 * {@code --allow-privileged} flag, which clusters set as they choose.
 *
 * <p>Checked fields: {@code spec.template.spec.securityContext} and each container's
 * {@code securityContext}.
 *
 * <p>Allowed values: user and group ids 0–2147483647; seccomp and AppArmor type {@code RuntimeDefault},
 * {@code Unconfined} or {@code Localhost} (with a relative localhostProfile); procMount {@code Default}
 * or {@code Unmasked} (the latter only with {@code hostUsers: false}); fsGroupChangePolicy
 * {@code OnRootMismatch} or {@code Always}; sysctl names well formed and unique; no
 * {@code allowPrivilegeEscalation: false} with {@code privileged: true} or {@code CAP_SYS_ADMIN}.
 */
@RuleInfo(id = "k8s-security-context", severity = Severity.ERROR,
    summary = "Pod or container security context that kube-apiserver rejects")
@PodTemplateCheck
public final class SecurityContexts implements Rule {
  private static final long MAX_ID = 2147483647L;
  private static final Pattern SYSCTL =
      Pattern.compile("([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    PodSpec pod = Pods.podSpec(sts);
    boolean hostUsers = pod.getHostUsers() == null || pod.getHostUsers();
    PodSecurityContext psc = pod.getSecurityContext();
    FieldPath pp = Pods.POD_SPEC.child("securityContext");
    if (psc != null) {
      id(out, psc.getFsGroup(), pp.child("fsGroup"));
      id(out, psc.getRunAsUser(), pp.child("runAsUser"));
      id(out, psc.getRunAsGroup(), pp.child("runAsGroup"));
      List<Long> groups = Defaults.list(psc.getSupplementalGroups());
      for (int i = 0; i < groups.size(); i++) {
        id(out, groups.get(i), pp.child("supplementalGroups").index(i));
      }
      if (psc.getFsGroupChangePolicy() != null
          && !List.of("OnRootMismatch", "Always").contains(psc.getFsGroupChangePolicy())) {
        out.add(Violation.notSupported(pp.child("fsGroupChangePolicy"), psc.getFsGroupChangePolicy(),
            List.of("OnRootMismatch", "Always")));
      }
      if (psc.getSupplementalGroupsPolicy() != null
          && !List.of("Merge", "Strict").contains(psc.getSupplementalGroupsPolicy())) {
        out.add(Violation.notSupported(pp.child("supplementalGroupsPolicy"), psc.getSupplementalGroupsPolicy(),
            List.of("Merge", "Strict")));
      }
      sysctls(out, Defaults.list(psc.getSysctls()), pp.child("sysctls"));
      seccomp(out, psc.getSeccompProfile(), pp.child("seccompProfile"));
      appArmor(out, psc.getAppArmorProfile(), pp.child("appArmorProfile"));
    }
    if (Boolean.TRUE.equals(pod.getShareProcessNamespace()) && Boolean.TRUE.equals(pod.getHostPID())) {
      out.add(Violation.invalid(pp.child("shareProcessNamespace"), true, Message.of("share-process-host-pid")));
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      SecurityContext sc = c.container().getSecurityContext();
      if (sc == null) {
        continue;
      }
      FieldPath p = c.path().child("securityContext");
      id(out, sc.getRunAsUser(), p.child("runAsUser"));
      id(out, sc.getRunAsGroup(), p.child("runAsGroup"));
      if (sc.getProcMount() != null) {
        if (!List.of("Default", "Unmasked").contains(sc.getProcMount())) {
          out.add(Violation.notSupported(p.child("procMount"), sc.getProcMount(), List.of("Default", "Unmasked")));
        } else if (hostUsers && sc.getProcMount().equals("Unmasked")) {
          out.add(Violation.invalid(p.child("procMount"), sc.getProcMount(), Message.of("unmasked-host-users")));
        }
      }
      seccomp(out, sc.getSeccompProfile(), p.child("seccompProfile"));
      if (Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
          out.add(Violation.invalid(p, "{...}", Message.of("ape-privileged")));
        }
        if (sc.getCapabilities() != null) {
          for (String cap : Defaults.list(sc.getCapabilities().getAdd())) {
            if ("CAP_SYS_ADMIN".equals(cap)) {
              out.add(Violation.invalid(p, "{...}", Message.of("ape-sys-admin")));
            }
          }
        }
      }
      appArmor(out, sc.getAppArmorProfile(), p.child("appArmorProfile"));
    }
    windowsHostProcess(out, sts, pod);
    return out;
  }

  /**
   * {@code validateWindowsHostProcessPod}: hostProcess set on the pod and a container must agree; if any
   * container is a hostProcess container (set or inherited), all must be, and the pod must use the host's
   * network. (The apiserver also forbids hostProcess containers when {@code --allow-privileged} is off, a
   * cluster flag that is not checked here.) Found by the conformance suite: the apiserver rejected a
   * template that only {@code pss-windows-host-process} reported.
   */
  private static void windowsHostProcess(List<Violation> out, StatefulSet sts, PodSpec pod) {
    Boolean podHostProcess = pod.getSecurityContext() == null || pod.getSecurityContext().getWindowsOptions() == null
        ? null : pod.getSecurityContext().getWindowsOptions().getHostProcess();
    int containers = 0;
    int hostProcess = 0;
    for (Pods.Located c : Pods.allContainers(sts)) {
      containers++;
      SecurityContext sc = c.container().getSecurityContext();
      Boolean own = sc == null || sc.getWindowsOptions() == null ? null : sc.getWindowsOptions().getHostProcess();
      if (podHostProcess != null && own != null && !podHostProcess.equals(own)) {
        out.add(Violation.invalid(c.path().child("securityContext").child("windowsOptions").child("hostProcess"), own,
            Message.text("pod hostProcess value must be identical if both are specified, was " + podHostProcess,
                "Pod 与容器的 hostProcess 同时设置时必须相同，Pod 上为 " + podHostProcess)));
      }
      if (Boolean.TRUE.equals(own) || own == null && Boolean.TRUE.equals(podHostProcess)) {
        hostProcess++;
      }
    }
    if (hostProcess > 0) {
      if (hostProcess != containers) {
        out.add(Violation.invalid(Pods.POD_SPEC, "", Message.text(
            "If pod contains any hostProcess containers then all containers must be HostProcess containers",
            "Pod 含有 hostProcess 容器时，所有容器都必须是 hostProcess 容器")));
      }
      if (!Boolean.TRUE.equals(pod.getHostNetwork())) {
        out.add(Violation.invalid(Pods.POD_SPEC.child("hostNetwork"), false, Message.text(
            "hostNetwork must be true if pod contains any hostProcess containers",
            "Pod 含有 hostProcess 容器时 hostNetwork 必须为 true")));
      }
    }
  }

  private static void id(List<Violation> out, Long id, FieldPath path) {
    if (id != null && (id < 0 || id > MAX_ID)) {
      out.add(Violation.invalid(path, id, Message.of("range", 0, MAX_ID)));
    }
  }

  private static void seccomp(List<Violation> out, SeccompProfile sp, FieldPath path) {
    if (sp == null) {
      return;
    }
    String type = Pods.str(sp.getType());
    switch (type) {
      case "RuntimeDefault", "Unconfined", "Localhost" -> { }
      case "" -> out.add(Violation.required(path.child("type"), Message.of("seccomp-type-required")));
      default -> out.add(Violation.notSupported(path.child("type"), type,
          List.of("Localhost", "RuntimeDefault", "Unconfined")));
    }
    if (type.equals("Localhost")) {
      if (sp.getLocalhostProfile() == null) {
        out.add(Violation.required(path.child("localhostProfile"), Message.of("localhost-profile-required")));
      } else {
        Volumes.localDescendingPath(out, sp.getLocalhostProfile(), path.child("localhostProfile"));
      }
    } else if (sp.getLocalhostProfile() != null) {
      out.add(Violation.invalid(path.child("localhostProfile"), "{...}", Message.of("localhost-profile-only")));
    }
  }

  private static void appArmor(List<Violation> out, AppArmorProfile ap, FieldPath path) {
    if (ap == null) {
      return;
    }
    String type = Pods.str(ap.getType());
    switch (type) {
      case "RuntimeDefault", "Unconfined", "Localhost" -> { }
      case "" -> out.add(Violation.required(path.child("type")));
      default -> out.add(Violation.notSupported(path.child("type"), type,
          List.of("Localhost", "RuntimeDefault", "Unconfined")));
    }
    if (type.equals("Localhost")) {
      String profile = ap.getLocalhostProfile();
      if (profile == null || profile.isBlank()) {
        out.add(Violation.required(path.child("localhostProfile"), Message.of("localhost-profile-required")));
      } else if (profile.length() > 4095) {
        out.add(Violation.tooLong(path.child("localhostProfile"), 4095));
      }
    } else if (ap.getLocalhostProfile() != null) {
      out.add(Violation.invalid(path.child("localhostProfile"), ap.getLocalhostProfile(),
          Message.of("localhost-profile-only")));
    }
  }

  private static void sysctls(List<Violation> out, List<Sysctl> sysctls, FieldPath path) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < sysctls.size(); i++) {
      Sysctl s = sysctls.get(i);
      if (s == null) {
        continue;
      }
      FieldPath p = path.index(i).child("name");
      String name = Pods.str(s.getName());
      if (name.isEmpty()) {
        out.add(Violation.required(p));
      } else if (name.length() > 253 || !SYSCTL.matcher(name.replace('/', '.')).matches()) {
        out.add(Violation.invalid(p, name, Message.of("sysctl-name")));
      } else if (!names.add(name.replace('/', '.'))) {
        out.add(Violation.duplicate(p, name));
      }
    }
  }
}
