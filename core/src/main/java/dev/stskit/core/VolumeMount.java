package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Mounts a {@link Volume} or a {@link ClaimTemplate} (by name) into a container:
 * {@code containers[].volumeMounts[]{name, mountPath, subPath, readOnly}}.
 */
@JsonPropertyOrder({"name", "mountPath", "subPath", "readOnly"})
@Value.Immutable
@JsonSerialize(as = ImmutableVolumeMount.class)
@JsonDeserialize(as = ImmutableVolumeMount.class)
public interface VolumeMount {
  /** {@return name of the volume or claim template} */
  String name();

  /**
   * Absolute container path (the form's 容器路径).
   *
   * @return the path
   */
  String mountPath();

  /** {@return sub-path inside the volume (子路径)} */
  Optional<String> subPath();

  /**
   * {@code readOnly}; unset means false and is not written.
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> readOnly();

  /**
   * Mounts volume {@code name} at {@code mountPath}.
   *
   * @param name the volume or claim template
   * @param mountPath the absolute container path
   * @return the mount
   */
  static VolumeMount of(String name, String mountPath) {
    return builder().name(name).mountPath(mountPath).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link VolumeMount}. */
  final class Builder extends ImmutableVolumeMount.Builder {}
}
