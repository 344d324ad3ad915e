package dev.stskit.core.internal;

import static dev.stskit.core.internal.Nulls.orEmpty;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.security.LinuxCapabilities;
import dev.stskit.core.security.ContainerSecurity;
import dev.stskit.core.security.PodSecurity;
import dev.stskit.core.security.Profile;
import dev.stskit.core.security.SeLinux;
import dev.stskit.core.security.SysctlSetting;
import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.Optional;

/** Container and pod security contexts compiled to fabric8 objects and lifted back. */
final class Security {
  private Security() {}

  /** The container's security context, or null when the spec sets none of it. */
  static SecurityContext container(ContainerSpec c) {
    if (!c.privileged() && c.runAsUser().isEmpty() && c.security().isEmpty()) {
      return null;
    }
    SecurityContext sc = new SecurityContext();
    if (c.privileged()) {
      sc.setPrivileged(true);
    }
    c.runAsUser().ifPresent(sc::setRunAsUser);
    c.security().ifPresent(s -> {
      s.runAsNonRoot().ifPresent(sc::setRunAsNonRoot);
      s.runAsGroup().ifPresent(sc::setRunAsGroup);
      s.allowPrivilegeEscalation().ifPresent(sc::setAllowPrivilegeEscalation);
      s.readOnlyRootFilesystem().ifPresent(sc::setReadOnlyRootFilesystem);
      s.capabilities().ifPresent(k -> sc.setCapabilities(
          new io.fabric8.kubernetes.api.model.Capabilities(new ArrayList<>(k.add()), new ArrayList<>(k.drop()))));
      s.seccompProfile().ifPresent(p -> sc.setSeccompProfile(seccomp(p)));
      s.appArmorProfile().ifPresent(p -> sc.setAppArmorProfile(appArmor(p)));
      s.seLinuxOptions().ifPresent(o -> sc.setSeLinuxOptions(seLinux(o)));
    });
    return sc;
  }

  /** The pod's security context, or null when the spec sets none of it. */
  static PodSecurityContext pod(Optional<Long> runAsUser, Optional<PodSecurity> security) {
    if (runAsUser.isEmpty() && security.isEmpty()) {
      return null;
    }
    PodSecurityContext sc = new PodSecurityContext();
    runAsUser.ifPresent(sc::setRunAsUser);
    security.ifPresent(s -> {
      s.runAsNonRoot().ifPresent(sc::setRunAsNonRoot);
      s.runAsGroup().ifPresent(sc::setRunAsGroup);
      s.fsGroup().ifPresent(sc::setFsGroup);
      s.fsGroupChangePolicy().ifPresent(sc::setFsGroupChangePolicy);
      sc.setSupplementalGroups(new ArrayList<>(s.supplementalGroups()));
      sc.setSysctls(s.sysctls().stream()
          .map(x -> new io.fabric8.kubernetes.api.model.Sysctl(x.name(), x.value()))
          .collect(java.util.stream.Collectors.toCollection(ArrayList::new)));
      s.seccompProfile().ifPresent(p -> sc.setSeccompProfile(seccomp(p)));
      s.appArmorProfile().ifPresent(p -> sc.setAppArmorProfile(appArmor(p)));
      s.seLinuxOptions().ifPresent(o -> sc.setSeLinuxOptions(seLinux(o)));
    });
    return sc;
  }

  private static SeccompProfile seccomp(Profile p) {
    return new SeccompProfile(p.localhostProfile().orElse(null), p.type());
  }

  private static AppArmorProfile appArmor(Profile p) {
    return new AppArmorProfile(p.localhostProfile().orElse(null), p.type());
  }

  private static SELinuxOptions seLinux(SeLinux o) {
    return new SELinuxOptions(o.level().orElse(null), o.role().orElse(null), o.type().orElse(null),
        o.user().orElse(null));
  }

  /**
   * Lifts a container's security context into the builder: {@code privileged: true}, {@code
   * runAsUser} and the {@link ContainerSecurity} fields. The security part is set when it holds a
   * field, or when nothing else writes the (present) context, so an empty one comes back.
   */
  static void liftContainer(SecurityContext sc, ContainerSpec.Builder b) {
    if (sc == null) {
      return;
    }
    boolean privileged = Boolean.TRUE.equals(sc.getPrivileged());
    b.privileged(privileged);
    Optional.ofNullable(sc.getRunAsUser()).ifPresent(b::runAsUser);
    ContainerSecurity.Builder s = ContainerSecurity.builder();
    Optional.ofNullable(sc.getRunAsNonRoot()).ifPresent(s::runAsNonRoot);
    Optional.ofNullable(sc.getRunAsGroup()).ifPresent(s::runAsGroup);
    Optional.ofNullable(sc.getAllowPrivilegeEscalation()).ifPresent(s::allowPrivilegeEscalation);
    Optional.ofNullable(sc.getReadOnlyRootFilesystem()).ifPresent(s::readOnlyRootFilesystem);
    liftCapabilities(sc.getCapabilities()).ifPresent(s::capabilities);
    liftSeccomp(sc.getSeccompProfile()).ifPresent(s::seccompProfile);
    liftAppArmor(sc.getAppArmorProfile()).ifPresent(s::appArmorProfile);
    liftSeLinux(sc.getSeLinuxOptions()).ifPresent(s::seLinuxOptions);
    ContainerSecurity security = s.build();
    if (!security.isEmpty() || (!privileged && sc.getRunAsUser() == null)) {
      b.security(security);
    }
  }

  /** Lifts the pod's security context: {@code runAsUser} and the {@link PodSecurity} fields. */
  static Optional<PodSecurity> liftPod(PodSecurityContext sc) {
    if (sc == null) {
      return Optional.empty();
    }
    PodSecurity.Builder s = PodSecurity.builder();
    Optional.ofNullable(sc.getRunAsNonRoot()).ifPresent(s::runAsNonRoot);
    Optional.ofNullable(sc.getRunAsGroup()).ifPresent(s::runAsGroup);
    Optional.ofNullable(sc.getFsGroup()).ifPresent(s::fsGroup);
    Optional.ofNullable(sc.getFsGroupChangePolicy()).ifPresent(s::fsGroupChangePolicy);
    boolean nullItems = orEmpty(sc.getSupplementalGroups()).contains(null);
    if (!nullItems) {
      s.supplementalGroups(orEmpty(sc.getSupplementalGroups()));
    }
    boolean sysctls = orEmpty(sc.getSysctls()).stream().allMatch(x -> x != null && x.getName() != null
        && x.getValue() != null && x.getAdditionalProperties().isEmpty());
    if (sysctls) {
      orEmpty(sc.getSysctls()).forEach(x -> s.addSysctl(SysctlSetting.of(x.getName(), x.getValue())));
    }
    liftSeccomp(sc.getSeccompProfile()).ifPresent(s::seccompProfile);
    liftAppArmor(sc.getAppArmorProfile()).ifPresent(s::appArmorProfile);
    liftSeLinux(sc.getSeLinuxOptions()).ifPresent(s::seLinuxOptions);
    PodSecurity security = s.build();
    if (!security.isEmpty() || sc.getRunAsUser() == null) {
      return Optional.of(security);
    }
    return Optional.empty();
  }

  private static Optional<LinuxCapabilities> liftCapabilities(io.fabric8.kubernetes.api.model.Capabilities c) {
    if (c == null || orEmpty(c.getAdd()).contains(null) || orEmpty(c.getDrop()).contains(null)) {
      return Optional.empty();
    }
    return Optional.of(LinuxCapabilities.builder().add(orEmpty(c.getAdd())).drop(orEmpty(c.getDrop())).build());
  }

  private static Optional<Profile> liftSeccomp(SeccompProfile p) {
    if (p == null || p.getType() == null) {
      return Optional.empty();
    }
    return Optional.of(Profile.builder().type(p.getType()).localhostProfile(Optional.ofNullable(p.getLocalhostProfile())).build());
  }

  private static Optional<Profile> liftAppArmor(AppArmorProfile p) {
    if (p == null || p.getType() == null) {
      return Optional.empty();
    }
    return Optional.of(Profile.builder().type(p.getType()).localhostProfile(Optional.ofNullable(p.getLocalhostProfile())).build());
  }

  private static Optional<SeLinux> liftSeLinux(SELinuxOptions o) {
    if (o == null) {
      return Optional.empty();
    }
    return Optional.of(SeLinux.builder().user(Optional.ofNullable(o.getUser())).role(Optional.ofNullable(o.getRole()))
        .type(Optional.ofNullable(o.getType())).level(Optional.ofNullable(o.getLevel())).build());
  }
}
