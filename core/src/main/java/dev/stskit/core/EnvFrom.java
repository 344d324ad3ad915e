package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * One entry of {@code containers[].envFrom}: the form's ConfigMap import (配置项导入) and Secret
 * import (密钥导入). The form's "variable name" input has no Kubernetes field and is not modelled.
 *
 * <p>In the spec file: {@code {type: configMap, configMap: c, prefix: P_}}, {@code {type: secret,
 * secret: s}}.
 */
@Value.Enclosing
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EnvFrom.ConfigMap.class, name = "configMap"),
  @JsonSubTypes.Type(value = EnvFrom.Secret.class, name = "secret")
})
public sealed interface EnvFrom permits EnvFrom.ConfigMap, EnvFrom.Secret {

  /**
   * Variable-name prefix.
   *
   * @return the prefix, or empty
   */
  Optional<String> prefix();

  /**
   * {@code optional}; unset means false, not written.
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> optional();

  /**
   * Every key of ConfigMap {@code name}: {@code envFrom[].configMapRef.name}.
   *
   * @param name the ConfigMap's name
   * @return the import
   */
  static ConfigMap configMap(String name) {
    return ConfigMap.builder().configMap(name).build();
  }

  /**
   * Every key of Secret {@code name}: {@code envFrom[].secretRef.name}.
   *
   * @param name the Secret's name
   * @return the import
   */
  static Secret secret(String name) {
    return Secret.builder().secret(name).build();
  }

  /** ConfigMap import. */
  @Value.Immutable
  @JsonTypeName("configMap")
  @JsonSerialize(as = ImmutableEnvFrom.ConfigMap.class)
  @JsonDeserialize(as = ImmutableEnvFrom.ConfigMap.class)
  non-sealed interface ConfigMap extends EnvFrom {
    /** {@return the ConfigMap's name} */
    String configMap();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link ConfigMap} import. */
    final class Builder extends ImmutableEnvFrom.ConfigMap.Builder {}
  }

  /** Secret import. */
  @Value.Immutable
  @JsonTypeName("secret")
  @JsonSerialize(as = ImmutableEnvFrom.Secret.class)
  @JsonDeserialize(as = ImmutableEnvFrom.Secret.class)
  non-sealed interface Secret extends EnvFrom {
    /** {@return the Secret's name} */
    String secret();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Secret} import. */
    final class Builder extends ImmutableEnvFrom.Secret.Builder {}
  }
}
