package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One source of a {@link Volume.Projected} volume ({@code projected.sources[]}): a ConfigMap, a
 * Secret, downward API files or a service account token. In the spec file it carries a {@code type}
 * key: {@code configMap}, {@code secret}, {@code downwardAPI}, {@code serviceAccountToken}.
 */
@Value.Enclosing
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Projection.ConfigMap.class, name = "configMap"),
  @JsonSubTypes.Type(value = Projection.Secret.class, name = "secret"),
  @JsonSubTypes.Type(value = Projection.DownwardApi.class, name = "downwardAPI"),
  @JsonSubTypes.Type(value = Projection.ServiceAccountToken.class, name = "serviceAccountToken")
})
public sealed interface Projection
    permits Projection.ConfigMap, Projection.Secret, Projection.DownwardApi, Projection.ServiceAccountToken {

  /** Keys of a ConfigMap ({@code configMap{name, items, optional}}). */
  @Value.Immutable
  @JsonTypeName("configMap")
  @JsonPropertyOrder({"configMap", "items", "optional"})
  @JsonSerialize(as = ImmutableProjection.ConfigMap.class)
  @JsonDeserialize(as = ImmutableProjection.ConfigMap.class)
  non-sealed interface ConfigMap extends Projection {
    /** {@return the ConfigMap's name} */
    String configMap();

    /** {@return the keys to project; none: every key} */
    List<Volume.Item> items();

    /** {@return {@code optional}; unset means false} */
    Optional<Boolean> optional();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ConfigMap} source. */
    final class Builder extends ImmutableProjection.ConfigMap.Builder {}
  }

  /** Keys of a Secret ({@code secret{name, items, optional}}). */
  @Value.Immutable
  @JsonTypeName("secret")
  @JsonPropertyOrder({"secret", "items", "optional"})
  @JsonSerialize(as = ImmutableProjection.Secret.class)
  @JsonDeserialize(as = ImmutableProjection.Secret.class)
  non-sealed interface Secret extends Projection {
    /** {@return the Secret's name} */
    String secret();

    /** {@return the keys to project; none: every key} */
    List<Volume.Item> items();

    /** {@return {@code optional}; unset means false} */
    Optional<Boolean> optional();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Secret} source. */
    final class Builder extends ImmutableProjection.Secret.Builder {}
  }

  /** Pod fields and container resources as files ({@code downwardAPI{items}}). */
  @Value.Immutable
  @JsonTypeName("downwardAPI")
  @JsonSerialize(as = ImmutableProjection.DownwardApi.class)
  @JsonDeserialize(as = ImmutableProjection.DownwardApi.class)
  non-sealed interface DownwardApi extends Projection {
    /** {@return the files, in order} */
    List<DownwardFile> items();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DownwardApi} source. */
    final class Builder extends ImmutableProjection.DownwardApi.Builder {}
  }

  /**
   * One downward API file ({@code items[]}): a pod field ({@code fieldPath}, e.g. {@code
   * metadata.labels}) or a container resource ({@code resource}, e.g. {@code limits.memory}).
   */
  @Value.Immutable
  @JsonPropertyOrder({"path", "fieldPath", "fieldApiVersion", "resource", "containerName", "divisor", "mode"})
  @JsonSerialize(as = ImmutableProjection.DownwardFile.class)
  @JsonDeserialize(as = ImmutableProjection.DownwardFile.class)
  interface DownwardFile {
    /** {@return the file's path, relative to the mount point} */
    String path();

    /** {@return {@code fieldRef.fieldPath}} */
    Optional<String> fieldPath();

    /** {@return {@code fieldRef.apiVersion} ({@code v1} when unset)} */
    Optional<String> fieldApiVersion();

    /** {@return {@code resourceFieldRef.resource}} */
    Optional<String> resource();

    /** {@return {@code resourceFieldRef.containerName}} */
    Optional<String> containerName();

    /** {@return {@code resourceFieldRef.divisor}, a quantity such as {@code 1Mi}} */
    Optional<String> divisor();

    /** {@return file mode bits; unset: the volume's default} */
    Optional<Integer> mode();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link DownwardFile}. */
    final class Builder extends ImmutableProjection.DownwardFile.Builder {}
  }

  /** A token of the pod's service account ({@code serviceAccountToken{path, audience, expirationSeconds}}). */
  @Value.Immutable
  @JsonTypeName("serviceAccountToken")
  @JsonPropertyOrder({"path", "audience", "expirationSeconds"})
  @JsonSerialize(as = ImmutableProjection.ServiceAccountToken.class)
  @JsonDeserialize(as = ImmutableProjection.ServiceAccountToken.class)
  non-sealed interface ServiceAccountToken extends Projection {
    /** {@return the file's path, relative to the mount point} */
    String path();

    /** {@return the audience the token is for; unset: the API server's} */
    Optional<String> audience();

    /** {@return requested lifetime in seconds (Kubernetes' default 3600)} */
    Optional<Long> expirationSeconds();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ServiceAccountToken} source. */
    final class Builder extends ImmutableProjection.ServiceAccountToken.Builder {}
  }
}
