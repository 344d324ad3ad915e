package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.stskit.core.units.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A pod volume ({@code spec.template.spec.volumes[]}) of one of the form's storage types
 * (docs/form.md §6): ConfigMap, Secret, host path, temporary path (emptyDir) and an existing claim.
 * Per-pod claims are {@link ClaimTemplate}s. {@link Raw} carries any other source verbatim.
 * Containers mount a volume by name with a {@link VolumeMount}.
 *
 * <p>In the spec file: {@code {type: emptyDir, name: conf}}, {@code {type: configMap, name: cfg,
 * configMap: my-cm, defaultMode: 420}}, …
 */
@JsonPropertyOrder({"name"})
@Value.Enclosing
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Volume.ConfigMap.class, name = "configMap"),
  @JsonSubTypes.Type(value = Volume.Secret.class, name = "secret"),
  @JsonSubTypes.Type(value = Volume.HostPath.class, name = "hostPath"),
  @JsonSubTypes.Type(value = Volume.EmptyDir.class, name = "emptyDir"),
  @JsonSubTypes.Type(value = Volume.Claim.class, name = "claim"),
  @JsonSubTypes.Type(value = Volume.Projected.class, name = "projected"),
  @JsonSubTypes.Type(value = Volume.Ephemeral.class, name = "ephemeral"),
  @JsonSubTypes.Type(value = Volume.Raw.class, name = "raw")
})
public sealed interface Volume
    permits Volume.ConfigMap,
        Volume.Secret,
        Volume.HostPath,
        Volume.EmptyDir,
        Volume.Claim,
        Volume.Projected,
        Volume.Ephemeral,
        Volume.Raw {

  /** {@return the volume name, referenced by {@link VolumeMount#name()}} */
  String name();

  /**
   * ConfigMap {@code configMap} as files.
   *
   * @param name the volume name
   * @param configMap the ConfigMap's name
   * @return the volume
   */
  static ConfigMap configMap(String name, String configMap) {
    return ConfigMap.builder().name(name).configMap(configMap).build();
  }

  /**
   * Secret {@code secret} as files.
   *
   * @param name the volume name
   * @param secret the Secret's name
   * @return the volume
   */
  static Secret secret(String name, String secret) {
    return Secret.builder().name(name).secret(secret).build();
  }

  /**
   * Node directory {@code path}.
   *
   * @param name the volume name
   * @param path the absolute node path
   * @return the volume
   */
  static HostPath hostPath(String name, String path) {
    return HostPath.builder().name(name).path(path).build();
  }

  /**
   * Pod-lifetime scratch space on the node's disk ({@code emptyDir: {}}).
   *
   * @param name the volume name
   * @return the volume
   */
  static EmptyDir emptyDir(String name) {
    return EmptyDir.builder().name(name).build();
  }

  /**
   * Existing claim {@code claimName}, shared by all replicas.
   *
   * @param name the volume name
   * @param claimName the PersistentVolumeClaim's name
   * @return the volume
   */
  static Claim claim(String name, String claimName) {
    return Claim.builder().name(name).claimName(claimName).build();
  }

  /**
   * Any volume carried verbatim (a copy of {@code volume} is kept).
   *
   * @param volume the volume as fabric8 models it
   * @return the volume
   */
  static Raw raw(io.fabric8.kubernetes.api.model.Volume volume) {
    return ImmutableVolume.Raw.builder()
        .volume(new io.fabric8.kubernetes.api.model.VolumeBuilder(volume).build()).build();
  }

  /** ConfigMap (配置项): {@code configMap{name, defaultMode, optional}}. */
  @Value.Immutable
  @JsonTypeName("configMap")
  @JsonSerialize(as = ImmutableVolume.ConfigMap.class)
  @JsonDeserialize(as = ImmutableVolume.ConfigMap.class)
  non-sealed interface ConfigMap extends Volume {
    /** {@return the ConfigMap's name} */
    String configMap();

    /**
     * {@return the keys to project, each to a path ({@code items})}; none: every key, as a file of
     * its name.
     */
    List<Item> items();

    /**
     * File mode bits (decimal in JSON; {@code 420} is {@code 0644}); unset means 420.
     *
     * @return the mode bits, or empty for 420
     */
    Optional<Integer> defaultMode();

    /**
     * {@code optional}; unset means false.
     *
     * @return the flag, or empty when not written
     */
    Optional<Boolean> optional();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ConfigMap} volume. */
    final class Builder extends ImmutableVolume.ConfigMap.Builder {}
  }

  /** Secret (密钥): {@code secret{secretName, defaultMode, optional}}. */
  @Value.Immutable
  @JsonTypeName("secret")
  @JsonSerialize(as = ImmutableVolume.Secret.class)
  @JsonDeserialize(as = ImmutableVolume.Secret.class)
  non-sealed interface Secret extends Volume {
    /** {@return the Secret's name} */
    String secret();

    /**
     * {@return the keys to project, each to a path ({@code items})}; none: every key, as a file of
     * its name.
     */
    List<Item> items();

    /**
     * File mode bits; unset means 420.
     *
     * @return the mode bits, or empty for 420
     */
    Optional<Integer> defaultMode();

    /**
     * {@code optional}; unset means false.
     *
     * @return the flag, or empty when not written
     */
    Optional<Boolean> optional();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Secret} volume. */
    final class Builder extends ImmutableVolume.Secret.Builder {}
  }

  /** Host path (主机路径): {@code hostPath{path, type}}. */
  @Value.Immutable
  @JsonTypeName("hostPath")
  @JsonSerialize(as = ImmutableVolume.HostPath.class)
  @JsonDeserialize(as = ImmutableVolume.HostPath.class)
  non-sealed interface HostPath extends Volume {
    /**
     * Absolute node path.
     *
     * @return the path
     */
    String path();

    /**
     * {@code DirectoryOrCreate}, {@code Directory}, {@code File}, …; unset means no check.
     *
     * @return the type, or empty for no check
     */
    Optional<String> hostPathType();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link HostPath}. */
    final class Builder extends ImmutableVolume.HostPath.Builder {}
  }

  /** Temporary path (临时路径): {@code emptyDir{medium, sizeLimit}}. */
  @Value.Immutable
  @JsonTypeName("emptyDir")
  @JsonSerialize(as = ImmutableVolume.EmptyDir.class)
  @JsonDeserialize(as = ImmutableVolume.EmptyDir.class)
  non-sealed interface EmptyDir extends Volume {
    /**
     * {@code Memory} for tmpfs; unset means the node's disk.
     *
     * @return the medium, or empty for the node's disk
     */
    Optional<String> medium();

    /** {@return size limit} */
    Optional<Storage> sizeLimit();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link EmptyDir}. */
    final class Builder extends ImmutableVolume.EmptyDir.Builder {}
  }

  /** Existing claim (数据卷声明): {@code persistentVolumeClaim{claimName, readOnly}}. */
  @Value.Immutable
  @JsonTypeName("claim")
  @JsonSerialize(as = ImmutableVolume.Claim.class)
  @JsonDeserialize(as = ImmutableVolume.Claim.class)
  non-sealed interface Claim extends Volume {
    /** {@return claim name} */
    String claimName();

    /**
     * {@code readOnly}; unset means false.
     *
     * @return the flag, or empty when not written
     */
    Optional<Boolean> readOnly();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Claim}. */
    final class Builder extends ImmutableVolume.Claim.Builder {}
  }

  /**
   * One key of a ConfigMap or Secret as a file ({@code items[]}: {@code key}, {@code path}, {@code
   * mode}); in the spec file {@code {key: app.conf, path: conf/app.conf, mode: 256}}.
   */
  @Value.Immutable
  @JsonPropertyOrder({"key", "path", "mode"})
  @JsonSerialize(as = ImmutableVolume.Item.class)
  @JsonDeserialize(as = ImmutableVolume.Item.class)
  interface Item {
    /** {@return the key in the ConfigMap or Secret} */
    String key();

    /** {@return the file's path, relative to the mount point} */
    String path();

    /** {@return file mode bits of this file (decimal in JSON; {@code 256} is {@code 0400}); unset: the volume's default} */
    Optional<Integer> mode();

    /**
     * The key as a file.
     *
     * @param key the key
     * @param path the relative path
     * @return the item
     */
    static Item of(String key, String path) {
      return ImmutableVolume.Item.builder().key(key).path(path).build();
    }

    /**
     * The key as a file with its own mode.
     *
     * @param key the key
     * @param path the relative path
     * @param mode the file mode bits
     * @return the item
     */
    static Item of(String key, String path, int mode) {
      return ImmutableVolume.Item.builder().key(key).path(path).mode(mode).build();
    }
  }

  /**
   * Several sources in one directory ({@code projected{defaultMode, sources}}): ConfigMaps, Secrets,
   * downward API files and service account tokens. In the spec file: {@code {type: projected, name:
   * all-in-one, sources: [{type: configMap, configMap: app}, {type: serviceAccountToken, path: token,
   * audience: vault, expirationSeconds: 3600}]}}.
   */
  @Value.Immutable
  @JsonTypeName("projected")
  @JsonPropertyOrder({"name", "defaultMode", "sources"})
  @JsonSerialize(as = ImmutableVolume.Projected.class)
  @JsonDeserialize(as = ImmutableVolume.Projected.class)
  non-sealed interface Projected extends Volume {
    /** {@return file mode bits of the files (decimal in JSON); unset means 420} */
    Optional<Integer> defaultMode();

    /** {@return the sources, in order} */
    List<Projection> sources();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Projected} volume. */
    final class Builder extends ImmutableVolume.Projected.Builder {}
  }

  /**
   * A generic ephemeral volume ({@code ephemeral.volumeClaimTemplate}): a claim made for each pod,
   * deleted with it, written inline. In the spec file: {@code {type: ephemeral, name: scratch, size:
   * 10Gi, accessModes: [ReadWriteOnce], storageClass: fast}}.
   */
  @Value.Immutable
  @JsonTypeName("ephemeral")
  @JsonPropertyOrder({"name", "size", "accessModes", "storageClass", "volumeMode", "labels", "annotations"})
  @JsonSerialize(as = ImmutableVolume.Ephemeral.class)
  @JsonDeserialize(as = ImmutableVolume.Ephemeral.class)
  non-sealed interface Ephemeral extends Volume {
    /** {@return requested size ({@code spec.resources.requests.storage})} */
    Storage size();

    /** {@return access modes, written as given (Kubernetes requires at least one)} */
    List<AccessMode> accessModes();

    /** {@return storage class ({@code spec.storageClassName})} */
    Optional<String> storageClass();

    /** {@return {@code Filesystem} or {@code Block} ({@code spec.volumeMode})} */
    Optional<VolumeMode> volumeMode();

    /** {@return labels of the claim ({@code metadata.labels})} */
    Map<String, String> labels();

    /** {@return annotations of the claim ({@code metadata.annotations})} */
    Map<String, String> annotations();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link Ephemeral} volume. */
    final class Builder extends ImmutableVolume.Ephemeral.Builder {}
  }

  /** A volume source the form does not offer (CSI, NFS, downward API, …), carried verbatim. */
  @Value.Immutable
  @JsonTypeName("raw")
  @JsonSerialize(as = ImmutableVolume.Raw.class)
  @JsonDeserialize(as = ImmutableVolume.Raw.class)
  non-sealed interface Raw extends Volume {
    /** {@return the volume; treat as read-only} */
    io.fabric8.kubernetes.api.model.Volume volume();

    @Override
    default String name() {
      return volume().getName();
    }
  }
}
