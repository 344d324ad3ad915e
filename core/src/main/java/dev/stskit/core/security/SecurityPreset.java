package dev.stskit.core.security;

import dev.stskit.core.Action;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Probe;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * An intent that makes a spec meet a Pod Security Standard: it fills in what the standard requires
 * and refuses what the spec sets against it (it never changes a value set on purpose).
 *
 * <pre>{@code
 * StatefulSetSpec hardened = SecurityPreset.restricted().apply(spec);
 * // pod: runAsNonRoot: true, seccompProfile: RuntimeDefault
 * // every container and init container: allowPrivilegeEscalation: false, capabilities.drop: [ALL]
 * }</pre>
 *
 * <p>{@link #restricted()} follows the {@code restricted} profile of Kubernetes' Pod Security
 * admission (k8s.io/pod-security-admission policy, the checks of the baseline and restricted
 * levels). Filled in when unset: the pod's {@code runAsNonRoot: true} and {@code seccompProfile:
 * {type: RuntimeDefault}}; each container's {@code allowPrivilegeEscalation: false} and {@code
 * capabilities.drop} gaining {@code ALL}. Refused with a {@link SpecException} naming the field:
 * a privileged container, {@code runAsUser: 0}, {@code runAsNonRoot: false}, {@code
 * allowPrivilegeEscalation: true}, an added capability other than {@code NET_BIND_SERVICE}, an
 * {@code Unconfined} seccomp or AppArmor profile, a custom SELinux type, user or role, a sysctl
 * outside the safe set, the host's network, PID or IPC namespace, a host path volume (or a raw
 * volume of a type the profile forbids), a probe or hook aimed at a {@code host}, an AppArmor
 * pod annotation other than {@code runtime/default} or {@code localhost/…}. Extras are not
 * examined: what they set is the spec author's to keep within the profile.
 */
public final class SecurityPreset implements UnaryOperator<StatefulSetSpec> {
  private static final SecurityPreset RESTRICTED = new SecurityPreset();

  /** The sysctls the baseline profile allows (policy/check_sysctls.go, v1.37). */
  private static final Set<String> SAFE_SYSCTLS = Set.of(
      "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
      "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  /** The SELinux types the baseline profile allows (policy/check_seLinuxOptions.go). */
  private static final Set<String> SELINUX_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  private static final String APPARMOR_ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";

  private SecurityPreset() {}

  /**
   * The {@code restricted} Pod Security Standard: a spec it returns compiles to a StatefulSet that
   * the validation module's {@code pss-restricted} rule set accepts (as long as the spec's extras
   * add nothing the standard forbids).
   *
   * @return the preset
   */
  public static SecurityPreset restricted() {
    return RESTRICTED;
  }

  /**
   * The spec with what the profile requires filled in.
   *
   * @param spec the spec
   * @return a new spec meeting the profile
   * @throws SpecException naming the first field whose value the profile forbids
   */
  @Override
  public StatefulSetSpec apply(StatefulSetSpec spec) {
    if (spec == null) {
      throw new SpecException("", "no spec to apply the restricted preset to (null)");
    }
    String pod = "spec.template.spec.";
    refuse(spec.hostNetwork().orElse(false), pod + "hostNetwork", "the host's network namespace");
    refuse(spec.hostPID().orElse(false), pod + "hostPID", "the host's PID namespace");
    refuse(spec.hostIPC().orElse(false), pod + "hostIPC", "the host's IPC namespace");
    refuse(spec.runAsUser().orElse(-1L) == 0, pod + "securityContext.runAsUser", "running as root (runAsUser: 0)");
    for (var e : spec.podAnnotations().entrySet()) {
      if (e.getKey().startsWith(APPARMOR_ANNOTATION) && !e.getValue().equals("runtime/default")
          && !e.getValue().startsWith("localhost/")) {
        refuse(true, "spec.template.metadata.annotations[" + e.getKey() + "]", "the AppArmor profile \"" + e.getValue() + "\"");
      }
    }
    for (int i = 0; i < spec.volumes().size(); i++) {
      Volume v = spec.volumes().get(i);
      refuse(!allowedVolume(v), pod + "volumes[" + i + "]", "volume \"" + v.name() + "\" of a type it does not allow"
          + " (only configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret)");
    }

    PodSecurity ps = spec.podSecurity().orElse(PodSecurity.builder().build());
    String psc = pod + "securityContext.";
    refuse(ps.runAsNonRoot().equals(Optional.of(false)), psc + "runAsNonRoot", "runAsNonRoot: false");
    checkProfiles(ps.seccompProfile(), ps.appArmorProfile(), ps.seLinuxOptions(), psc);
    for (int i = 0; i < ps.sysctls().size(); i++) {
      refuse(!SAFE_SYSCTLS.contains(ps.sysctls().get(i).name()), psc + "sysctls[" + i + "].name",
          "the sysctl " + ps.sysctls().get(i).name() + " (outside the safe set)");
    }
    PodSecurity.Builder filled = PodSecurity.builder().from(ps);
    if (ps.runAsNonRoot().isEmpty()) {
      filled.runAsNonRoot(true);
    }
    if (ps.seccompProfile().isEmpty()) {
      filled.seccompProfile(Profile.runtimeDefault());
    }

    return StatefulSetSpec.builder().from(spec)
        .podSecurity(filled.build())
        .initContainers(containers(spec.initContainers(), pod + "initContainers"))
        .containers(containers(spec.containers(), pod + "containers"))
        .build();
  }

  private static List<ContainerSpec> containers(List<ContainerSpec> cs, String base) {
    List<ContainerSpec> out = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      out.add(container(cs.get(i), base + "[" + i + "]"));
    }
    return out;
  }

  private static ContainerSpec container(ContainerSpec c, String at) {
    String who = "container \"" + c.name() + "\": ";
    String sc = at + ".securityContext.";
    refuse(c.privileged(), sc + "privileged", who + "a privileged container");
    refuse(c.runAsUser().orElse(-1L) == 0, sc + "runAsUser", who + "running as root (runAsUser: 0)");
    ContainerSecurity s = c.security().orElse(ContainerSecurity.builder().build());
    refuse(s.runAsNonRoot().equals(Optional.of(false)), sc + "runAsNonRoot", who + "runAsNonRoot: false");
    refuse(s.allowPrivilegeEscalation().equals(Optional.of(true)), sc + "allowPrivilegeEscalation",
        who + "allowPrivilegeEscalation: true");
    LinuxCapabilities caps = s.capabilities().orElse(LinuxCapabilities.builder().build());
    for (int i = 0; i < caps.add().size(); i++) {
      refuse(!caps.add().get(i).equals("NET_BIND_SERVICE"), sc + "capabilities.add[" + i + "]",
          who + "adding the capability " + caps.add().get(i) + " (only NET_BIND_SERVICE may be added)");
    }
    checkProfiles(s.seccompProfile(), s.appArmorProfile(), s.seLinuxOptions(), sc);
    for (Map.Entry<String, Optional<Probe>> p : Map.of("livenessProbe", c.livenessProbe(),
        "readinessProbe", c.readinessProbe(), "startupProbe", c.startupProbe()).entrySet()) {
      p.getValue().ifPresent(probe -> checkHost(probe.action(), at + "." + p.getKey(), who));
    }
    c.postStart().ifPresent(a -> checkHost(a, at + ".lifecycle.postStart", who));
    c.preStop().ifPresent(a -> checkHost(a, at + ".lifecycle.preStop", who));

    ContainerSecurity.Builder filled = ContainerSecurity.builder().from(s);
    if (s.allowPrivilegeEscalation().isEmpty()) {
      filled.allowPrivilegeEscalation(false);
    }
    if (!caps.drop().contains("ALL")) {
      filled.capabilities(LinuxCapabilities.builder().from(caps).addDrop("ALL").build());
    }
    return ContainerSpec.builder().from(c).security(filled.build()).build();
  }

  private static void checkHost(Action a, String at, String who) {
    Optional<String> host = a instanceof Action.HttpGet h ? h.host()
        : a instanceof Action.TcpSocket t ? t.host() : Optional.empty();
    String kind = a instanceof Action.HttpGet ? ".httpGet.host" : ".tcpSocket.host";
    refuse(host.filter(x -> !x.isEmpty()).isPresent(), at + kind,
        who + "a probe or hook aimed at host \"" + host.orElse("") + "\" (leave it out: the pod's own IP)");
  }

  private static void checkProfiles(Optional<Profile> seccomp, Optional<Profile> appArmor, Optional<SeLinux> seLinux,
      String sc) {
    refuse(seccomp.map(p -> !p.type().equals(Profile.RUNTIME_DEFAULT) && !p.type().equals(Profile.LOCALHOST))
        .orElse(false), sc + "seccompProfile.type", "the seccomp profile " + seccomp.map(Profile::type).orElse(""));
    refuse(appArmor.map(p -> !p.type().equals(Profile.RUNTIME_DEFAULT) && !p.type().equals(Profile.LOCALHOST))
        .orElse(false), sc + "appArmorProfile.type", "the AppArmor profile " + appArmor.map(Profile::type).orElse(""));
    seLinux.ifPresent(o -> {
      refuse(!SELINUX_TYPES.contains(o.type().orElse("")), sc + "seLinuxOptions.type",
          "the SELinux type " + o.type().orElse(""));
      refuse(!o.user().orElse("").isEmpty(), sc + "seLinuxOptions.user", "a custom SELinux user");
      refuse(!o.role().orElse("").isEmpty(), sc + "seLinuxOptions.role", "a custom SELinux role");
    });
  }

  private static boolean allowedVolume(Volume v) {
    if (v instanceof Volume.HostPath) {
      return false;
    }
    if (v instanceof Volume.Raw r) {
      var x = r.volume();
      return x.getHostPath() == null && (x.getConfigMap() != null || x.getCsi() != null || x.getDownwardAPI() != null
          || x.getEmptyDir() != null || x.getEphemeral() != null || x.getPersistentVolumeClaim() != null
          || x.getProjected() != null || x.getSecret() != null)
          && Volumes.sourceCount(x) == 1;
    }
    return true;
  }

  private static void refuse(boolean forbidden, String path, String what) {
    if (forbidden) {
      throw new SpecException(path, what + " is forbidden by the restricted Pod Security Standard;"
          + " SecurityPreset.restricted() does not change a value set on purpose: remove or change it");
    }
  }

  /** Counts the sources of a raw volume without Jackson. */
  private static final class Volumes {
    static int sourceCount(io.fabric8.kubernetes.api.model.Volume v) {
      int n = v.getAdditionalProperties().size();
      for (Object o : new Object[] {v.getAwsElasticBlockStore(), v.getAzureDisk(), v.getAzureFile(), v.getCephfs(),
          v.getCinder(), v.getConfigMap(), v.getCsi(), v.getDownwardAPI(), v.getEmptyDir(), v.getEphemeral(),
          v.getFc(), v.getFlexVolume(), v.getFlocker(), v.getGcePersistentDisk(), v.getGitRepo(), v.getGlusterfs(),
          v.getHostPath(), v.getImage(), v.getIscsi(), v.getNfs(), v.getPersistentVolumeClaim(),
          v.getPhotonPersistentDisk(), v.getPortworxVolume(), v.getProjected(), v.getQuobyte(), v.getRbd(),
          v.getScaleIO(), v.getSecret(), v.getStorageos(), v.getVsphereVolume()}) {
        if (o != null) {
          n++;
        }
      }
      return n;
    }
  }
}
