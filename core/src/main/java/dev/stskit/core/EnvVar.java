package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One entry of {@code containers[].env}: the form's key/value pair, resource reference, pod field
 * ("variable reference"), ConfigMap key import and Secret key import (docs/form.md §5; the two whole
 * imports are {@link EnvFrom}). {@link Raw} carries an entry of any other kind verbatim.
 *
 * <p>In the spec file: {@code {type: value, name: A, value: b}}, {@code {type: podField, name: N,
 * fieldPath: metadata.name}}, {@code {type: secretKey, name: P, secret: s, key: k}}, …
 */
@JsonPropertyOrder({"name"})
@Value.Enclosing
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EnvVar.Literal.class, name = "value"),
  @JsonSubTypes.Type(value = EnvVar.ResourceField.class, name = "resourceField"),
  @JsonSubTypes.Type(value = EnvVar.PodField.class, name = "podField"),
  @JsonSubTypes.Type(value = EnvVar.ConfigMapKey.class, name = "configMapKey"),
  @JsonSubTypes.Type(value = EnvVar.SecretKey.class, name = "secretKey"),
  @JsonSubTypes.Type(value = EnvVar.Raw.class, name = "raw")
})
public sealed interface EnvVar
    permits EnvVar.Literal,
        EnvVar.ResourceField,
        EnvVar.PodField,
        EnvVar.ConfigMapKey,
        EnvVar.SecretKey,
        EnvVar.Raw {

  /** {@return the variable name} */
  String name();

  /**
   * Key/value pair: {@code {name, value}}.
   *
   * @param name the variable name
   * @param value its value
   * @return the variable
   */
  static Literal of(String name, String value) {
    return ImmutableEnvVar.Literal.builder().name(name).value(value).build();
  }

  /**
   * Pod field: {@code valueFrom.fieldRef{apiVersion: v1, fieldPath}}.
   *
   * @param name the variable name
   * @param fieldPath the pod field, e.g. {@code status.podIP}
   * @return the variable
   */
  static PodField podField(String name, String fieldPath) {
    return PodField.builder().name(name).fieldPath(fieldPath).build();
  }

  /**
   * Resource reference: {@code valueFrom.resourceFieldRef{resource}}, e.g. {@code limits.cpu}.
   *
   * @param name the variable name
   * @param resource the resource, e.g. {@code limits.cpu}
   * @return the variable
   */
  static ResourceField resourceField(String name, String resource) {
    return ResourceField.builder().name(name).resource(resource).build();
  }

  /**
   * ConfigMap key: {@code valueFrom.configMapKeyRef{name, key}}.
   *
   * @param name the variable name
   * @param configMap the ConfigMap's name
   * @param key the key in it
   * @return the variable
   */
  static ConfigMapKey configMapKey(String name, String configMap, String key) {
    return ConfigMapKey.builder().name(name).configMap(configMap).key(key).build();
  }

  /**
   * Secret key: {@code valueFrom.secretKeyRef{name, key}}.
   *
   * @param name the variable name
   * @param secret the Secret's name
   * @param key the key in it
   * @return the variable
   */
  static SecretKey secretKey(String name, String secret, String key) {
    return SecretKey.builder().name(name).secret(secret).key(key).build();
  }

  /**
   * Secret key with its {@code optional} flag written.
   *
   * @param name the variable name
   * @param secret the Secret's name
   * @param key the key in it
   * @param optional whether the pod starts without the key
   * @return the variable
   */
  static SecretKey secretKey(String name, String secret, String key, boolean optional) {
    return SecretKey.builder()
        .name(name).secret(secret).key(key).optional(optional).build();
  }

  /**
   * Any entry carried verbatim (a copy of {@code envVar} is kept).
   *
   * @param envVar the entry as fabric8 models it
   * @return the variable
   */
  static Raw raw(io.fabric8.kubernetes.api.model.EnvVar envVar) {
    return ImmutableEnvVar.Raw.builder()
        .envVar(new io.fabric8.kubernetes.api.model.EnvVarBuilder(envVar).build()).build();
  }

  /** Key/value pair (键值对). */
  @Value.Immutable
  @JsonTypeName("value")
  @JsonSerialize(as = ImmutableEnvVar.Literal.class)
  @JsonDeserialize(as = ImmutableEnvVar.Literal.class)
  non-sealed interface Literal extends EnvVar {
    /** {@return the value; {@code $(VAR)} expands} Default empty. */
    @Value.Default
    default String value() {
      return "";
    }
  }

  /** Resource reference (资源引用): {@code valueFrom.resourceFieldRef}. */
  @Value.Immutable
  @JsonTypeName("resourceField")
  @JsonSerialize(as = ImmutableEnvVar.ResourceField.class)
  @JsonDeserialize(as = ImmutableEnvVar.ResourceField.class)
  non-sealed interface ResourceField extends EnvVar {
    /** {@return container whose resource is read; unset means this container} */
    Optional<String> containerName();

    /**
     * {@code limits.cpu}, {@code requests.memory}, …
     *
     * @return the resource, e.g. {@code limits.cpu}
     */
    String resource();

    /** {@return divisor quantity, e.g. {@code 1Mi}} */
    Optional<String> divisor();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ResourceField}. */
    final class Builder extends ImmutableEnvVar.ResourceField.Builder {}
  }

  /** Pod field (变量引用): {@code valueFrom.fieldRef}. */
  @Value.Immutable
  @JsonTypeName("podField")
  @JsonSerialize(as = ImmutableEnvVar.PodField.class)
  @JsonDeserialize(as = ImmutableEnvVar.PodField.class)
  non-sealed interface PodField extends EnvVar {
    /**
     * {@code metadata.name}, {@code status.podIP}, …
     *
     * @return the pod field, e.g. {@code status.podIP}
     */
    String fieldPath();

    /**
     * Version of the schema the path is in; always written. Default {@code v1}.
     *
     * @return the schema version, {@code v1} by default
     */
    @Value.Default
    default String apiVersion() {
      return "v1";
    }

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link PodField}. */
    final class Builder extends ImmutableEnvVar.PodField.Builder {}
  }

  /** ConfigMap key import (配置项键值导入): {@code valueFrom.configMapKeyRef}. */
  @Value.Immutable
  @JsonTypeName("configMapKey")
  @JsonSerialize(as = ImmutableEnvVar.ConfigMapKey.class)
  @JsonDeserialize(as = ImmutableEnvVar.ConfigMapKey.class)
  non-sealed interface ConfigMapKey extends EnvVar {
    /** {@return the ConfigMap's name} */
    String configMap();

    /** {@return key in the ConfigMap} */
    String key();

    /**
     * {@code optional}; unset means false (must exist), not written.
     *
     * @return the flag, or empty when not written
     */
    Optional<Boolean> optional();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ConfigMapKey}. */
    final class Builder extends ImmutableEnvVar.ConfigMapKey.Builder {}
  }

  /** Secret key import (密钥键值导入): {@code valueFrom.secretKeyRef}. */
  @Value.Immutable
  @JsonTypeName("secretKey")
  @JsonSerialize(as = ImmutableEnvVar.SecretKey.class)
  @JsonDeserialize(as = ImmutableEnvVar.SecretKey.class)
  non-sealed interface SecretKey extends EnvVar {
    /** {@return the Secret's name} */
    String secret();

    /** {@return key in the Secret} */
    String key();

    /**
     * {@code optional}; unset means false (must exist), not written.
     *
     * @return the flag, or empty when not written
     */
    Optional<Boolean> optional();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link SecretKey}. */
    final class Builder extends ImmutableEnvVar.SecretKey.Builder {}
  }

  /** An entry of a kind the form does not offer, carried verbatim. */
  @Value.Immutable
  @JsonTypeName("raw")
  @JsonSerialize(as = ImmutableEnvVar.Raw.class)
  @JsonDeserialize(as = ImmutableEnvVar.Raw.class)
  non-sealed interface Raw extends EnvVar {
    /** {@return the entry; treat as read-only} */
    io.fabric8.kubernetes.api.model.EnvVar envVar();

    @Override
    default String name() {
      return envVar().getName();
    }
  }
}
