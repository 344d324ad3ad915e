package dev.stskit.core.security;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * SELinux options ({@code seLinuxOptions}): the label applied to the container (or to every
 * container of the pod). Every part is optional, as in Kubernetes.
 *
 * <pre>{@code
 * SeLinux.builder().level("s0:c123,c456").build()
 * }</pre>
 */
@JsonPropertyOrder({"user", "role", "type", "level"})
@Value.Immutable
@JsonSerialize(as = ImmutableSeLinux.class)
@JsonDeserialize(as = ImmutableSeLinux.class)
public interface SeLinux {
  /**
   * SELinux user ({@code seLinuxOptions.user}).
   *
   * @return the user, if set
   */
  Optional<String> user();

  /**
   * SELinux role ({@code seLinuxOptions.role}).
   *
   * @return the role, if set
   */
  Optional<String> role();

  /**
   * SELinux type ({@code seLinuxOptions.type}), e.g. {@code container_t}.
   *
   * @return the type, if set
   */
  Optional<String> type();

  /**
   * SELinux level ({@code seLinuxOptions.level}), e.g. {@code s0:c123,c456}.
   *
   * @return the level, if set
   */
  Optional<String> level();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SeLinux} options. */
  final class Builder extends ImmutableSeLinux.Builder {}
}
