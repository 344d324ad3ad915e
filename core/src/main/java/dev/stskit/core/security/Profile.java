package dev.stskit.core.security;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A seccomp or AppArmor profile ({@code seccompProfile}, {@code appArmorProfile}): a type, and the
 * profile's name on the node with {@code Localhost}.
 *
 * <pre>{@code
 * Profile.runtimeDefault()            // {type: RuntimeDefault}
 * Profile.localhost("profiles/audit") // {type: Localhost, localhostProfile: profiles/audit}
 * }</pre>
 */
@JsonPropertyOrder({"type", "localhostProfile"})
@Value.Immutable
@JsonSerialize(as = ImmutableProfile.class)
@JsonDeserialize(as = ImmutableProfile.class)
public interface Profile {
  /** {@code RuntimeDefault} (the container runtime's profile). */
  String RUNTIME_DEFAULT = "RuntimeDefault";
  /** {@code Localhost} (a profile file on the node). */
  String LOCALHOST = "Localhost";
  /** {@code Unconfined} (no profile). */
  String UNCONFINED = "Unconfined";

  /**
   * {@code RuntimeDefault}, {@code Localhost} or {@code Unconfined} (kept as written: the API
   * server, not the spec, judges other values).
   *
   * @return the profile type
   */
  String type();

  /**
   * With {@code Localhost}: the profile's path on the node, relative to the kubelet's directory.
   *
   * @return the profile name, if any
   */
  Optional<String> localhostProfile();

  /**
   * The container runtime's default profile.
   *
   * @return {@code {type: RuntimeDefault}}
   */
  static Profile runtimeDefault() {
    return builder().type(RUNTIME_DEFAULT).build();
  }

  /**
   * A profile loaded on the node.
   *
   * @param profile the profile's path on the node
   * @return {@code {type: Localhost, localhostProfile: profile}}
   */
  static Profile localhost(String profile) {
    return builder().type(LOCALHOST).localhostProfile(profile).build();
  }

  /**
   * No profile.
   *
   * @return {@code {type: Unconfined}}
   */
  static Profile unconfined() {
    return builder().type(UNCONFINED).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Profile}. */
  final class Builder extends ImmutableProfile.Builder {}
}
