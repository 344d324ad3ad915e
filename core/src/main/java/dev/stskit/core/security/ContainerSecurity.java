package dev.stskit.core.security;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A container's security context ({@code containers[].securityContext}) beyond the two fields the
 * form's container step shows, which stay on the container ({@code ContainerSpec.privileged()} and
 * {@code ContainerSpec.runAsUser()}). Every field is optional: unset is left to the pod's security
 * context and the container runtime.
 *
 * <pre>{@code
 * ContainerSecurity.builder()
 *     .runAsNonRoot(true).allowPrivilegeEscalation(false).readOnlyRootFilesystem(true)
 *     .capabilities(LinuxCapabilities.dropAll()).seccompProfile(Profile.runtimeDefault())
 *     .build();
 * }</pre>
 *
 * <p>In the spec file, under a container's {@code security} key: {@code security: {runAsNonRoot:
 * true, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}, seccompProfile: {type:
 * RuntimeDefault}}}.
 */
@JsonPropertyOrder({"runAsNonRoot", "runAsGroup", "allowPrivilegeEscalation", "readOnlyRootFilesystem",
    "capabilities", "seccompProfile", "appArmorProfile", "seLinuxOptions"})
@Value.Immutable
@JsonSerialize(as = ImmutableContainerSecurity.class)
@JsonDeserialize(as = ImmutableContainerSecurity.class)
public interface ContainerSecurity {
  /**
   * The kubelet refuses to start the container as UID 0 ({@code securityContext.runAsNonRoot}).
   *
   * @return the setting, if set
   */
  Optional<Boolean> runAsNonRoot();

  /**
   * Primary GID of the container's process ({@code securityContext.runAsGroup}).
   *
   * @return the GID, if set
   */
  Optional<Long> runAsGroup();

  /**
   * Whether a process may gain more privileges than its parent ({@code
   * securityContext.allowPrivilegeEscalation}; Kubernetes' default is true).
   *
   * @return the setting, if set
   */
  Optional<Boolean> allowPrivilegeEscalation();

  /**
   * Mount the root filesystem read-only ({@code securityContext.readOnlyRootFilesystem}).
   *
   * @return the setting, if set
   */
  Optional<Boolean> readOnlyRootFilesystem();

  /**
   * Capabilities added and dropped ({@code securityContext.capabilities}).
   *
   * @return the capabilities, if set
   */
  Optional<LinuxCapabilities> capabilities();

  /**
   * Seccomp profile ({@code securityContext.seccompProfile}); overrides the pod's.
   *
   * @return the profile, if set
   */
  Optional<Profile> seccompProfile();

  /**
   * AppArmor profile ({@code securityContext.appArmorProfile}); overrides the pod's.
   *
   * @return the profile, if set
   */
  Optional<Profile> appArmorProfile();

  /**
   * SELinux label ({@code securityContext.seLinuxOptions}); overrides the pod's.
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
    return runAsNonRoot().isEmpty() && runAsGroup().isEmpty() && allowPrivilegeEscalation().isEmpty()
        && readOnlyRootFilesystem().isEmpty() && capabilities().isEmpty() && seccompProfile().isEmpty()
        && appArmorProfile().isEmpty() && seLinuxOptions().isEmpty();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContainerSecurity}. */
  final class Builder extends ImmutableContainerSecurity.Builder {}
}
