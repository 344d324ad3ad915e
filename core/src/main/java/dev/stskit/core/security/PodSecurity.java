package dev.stskit.core.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The pod's security context ({@code spec.template.spec.securityContext}) beyond the account UID,
 * which stays on the spec ({@code StatefulSetSpec.runAsUser()}). It applies to every container;
 * a container's {@link ContainerSecurity} overrides what both set.
 *
 * <pre>{@code
 * PodSecurity.builder()
 *     .runAsNonRoot(true).fsGroup(2000L).fsGroupChangePolicy("OnRootMismatch")
 *     .seccompProfile(Profile.runtimeDefault())
 *     .build();
 * }</pre>
 *
 * <p>In the spec file, the {@code podSecurity} key: {@code podSecurity: {runAsNonRoot: true,
 * fsGroup: 2000, supplementalGroups: [3000], sysctls: [{name: net.ipv4.ping_group_range, value: "0
 * 2147483647"}], seccompProfile: {type: RuntimeDefault}}}.
 */
@JsonPropertyOrder({"runAsNonRoot", "runAsGroup", "fsGroup", "fsGroupChangePolicy", "supplementalGroups",
    "sysctls", "seccompProfile", "appArmorProfile", "seLinuxOptions"})
@Value.Immutable
@JsonSerialize(as = ImmutablePodSecurity.class)
@JsonDeserialize(as = ImmutablePodSecurity.class)
public interface PodSecurity {
  /**
   * The kubelet refuses to start any container as UID 0 ({@code securityContext.runAsNonRoot}).
   *
   * @return the setting, if set
   */
  Optional<Boolean> runAsNonRoot();

  /**
   * Primary GID of every container's process ({@code securityContext.runAsGroup}).
   *
   * @return the GID, if set
   */
  Optional<Long> runAsGroup();

  /**
   * Group that owns the pod's volumes, added to every process ({@code securityContext.fsGroup}).
   *
   * @return the GID, if set
   */
  Optional<Long> fsGroup();

  /**
   * When volume ownership is changed, {@code Always} or {@code OnRootMismatch} ({@code
   * securityContext.fsGroupChangePolicy}).
   *
   * @return the policy, if set
   */
  Optional<String> fsGroupChangePolicy();

  /**
   * Further groups of every container's first process ({@code securityContext.supplementalGroups}).
   *
   * @return the GIDs, in order
   */
  List<Long> supplementalGroups();

  /**
   * Namespaced kernel parameters ({@code securityContext.sysctls}).
   *
   * @return the sysctls, in order
   */
  List<SysctlSetting> sysctls();

  /**
   * Seccomp profile of every container ({@code securityContext.seccompProfile}).
   *
   * @return the profile, if set
   */
  Optional<Profile> seccompProfile();

  /**
   * AppArmor profile of every container ({@code securityContext.appArmorProfile}).
   *
   * @return the profile, if set
   */
  Optional<Profile> appArmorProfile();

  /**
   * SELinux label of every container ({@code securityContext.seLinuxOptions}).
   *
   * @return the options, if set
   */
  Optional<SeLinux> seLinuxOptions();

  /**
   * Whether no field is set.
   *
   * @return true when the security context holds nothing
   */
  @JsonIgnore
  default boolean isEmpty() {
    return runAsNonRoot().isEmpty() && runAsGroup().isEmpty() && fsGroup().isEmpty()
        && fsGroupChangePolicy().isEmpty() && supplementalGroups().isEmpty() && sysctls().isEmpty()
        && seccompProfile().isEmpty() && appArmorProfile().isEmpty() && seLinuxOptions().isEmpty();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PodSecurity}. */
  final class Builder extends ImmutablePodSecurity.Builder {}
}
