package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stskit.core.units.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A per-pod claim ({@code spec.volumeClaimTemplates[]}): each replica gets its own PVC named
 * {@code <name>-<statefulset>-<ordinal>}, kept when pods are deleted or scaled down. Immutable once
 * the StatefulSet exists. Containers mount it by {@link #name()}.
 */
@JsonPropertyOrder({"name", "size", "accessModes", "storageClass", "volumeMode"})
@Value.Immutable
@JsonSerialize(as = ImmutableClaimTemplate.class)
@JsonDeserialize(as = ImmutableClaimTemplate.class)
public interface ClaimTemplate {
  /**
   * Template name ({@code metadata.name}), also the mount name.
   *
   * @return the template name
   */
  String name();

  /**
   * Requested size: {@code spec.resources.requests.storage}.
   *
   * @return the size
   */
  Storage size();

  /** {@return access modes; empty means {@code [ReadWriteOnce]}} */
  List<AccessMode> accessModes();

  /** {@return storage class; unset means the cluster default} */
  Optional<String> storageClass();

  /**
   * {@code Filesystem} or {@code Block}; unset means Kubernetes' default Filesystem.
   *
   * @return the mode, or empty for Filesystem
   */
  Optional<VolumeMode> volumeMode();

  /** {@return labels of each claim} */
  Map<String, String> labels();

  /** {@return annotations of each claim} */
  Map<String, String> annotations();

  /**
   * A ReadWriteOnce claim of {@code size} in the default storage class.
   *
   * @param name the template name
   * @param size the requested size
   * @return the template
   */
  static ClaimTemplate of(String name, Storage size) {
    return builder().name(name).size(size).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ClaimTemplate}. */
  final class Builder extends ImmutableClaimTemplate.Builder {}
}
