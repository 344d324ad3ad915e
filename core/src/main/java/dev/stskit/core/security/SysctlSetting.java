package dev.stskit.core.security;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A namespaced kernel parameter set for the pod ({@code securityContext.sysctls[]}).
 *
 * <pre>{@code
 * SysctlSetting.of("net.ipv4.ip_local_port_range", "1024 65535")
 * }</pre>
 */
@JsonPropertyOrder({"name", "value"})
@Value.Immutable
@JsonSerialize(as = ImmutableSysctlSetting.class)
@JsonDeserialize(as = ImmutableSysctlSetting.class)
public interface SysctlSetting {
  /**
   * The parameter, e.g. {@code net.ipv4.ip_unprivileged_port_start}.
   *
   * @return the name
   */
  String name();

  /**
   * Its value.
   *
   * @return the value
   */
  String value();

  /**
   * A sysctl.
   *
   * @param name the parameter
   * @param value its value
   * @return the sysctl
   */
  static SysctlSetting of(String name, String value) {
    return ImmutableSysctlSetting.builder().name(name).value(value).build();
  }
}
