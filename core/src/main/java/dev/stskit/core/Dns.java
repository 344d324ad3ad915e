package dev.stskit.core;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** DNS configuration and host aliases of the pods (docs/form.md §10). */
@Value.Immutable
@JsonSerialize(as = ImmutableDns.class)
@JsonDeserialize(as = ImmutableDns.class)
public interface Dns {
  /**
   * {@code dnsPolicy}; unset means Kubernetes' {@code ClusterFirst}, not written.
   *
   * @return the policy, or empty for Kubernetes' default
   */
  Optional<DnsPolicy> policy();

  /**
   * {@code dnsConfig.nameservers}.
   *
   * @return the nameserver IPs, in order
   */
  List<String> nameservers();

  /**
   * {@code dnsConfig.searches}.
   *
   * @return the search domains, in order
   */
  List<String> searches();

  /**
   * {@code dnsConfig.options}.
   *
   * @return the resolver options, in order
   */
  List<Option> options();

  /**
   * {@code hostAliases}: /etc/hosts entries.
   *
   * @return the entries, in order
   */
  List<HostAlias> hostAliases();

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Dns}. */
  final class Builder extends ImmutableDns.Builder {}

  /** A resolver option, {@code {name, value}}. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableOption.class)
  @JsonDeserialize(as = ImmutableOption.class)
  interface Option {
    /**
     * {@return the option name, e.g. {@code ndots}}
     */
    String name();

    /**
     * {@return the option value, or empty}
     */
    Optional<String> value();

    /**
     * A value of the given parts.
     *
     * @param name the option name, e.g. {@code ndots}
     * @param value its value
     * @return the option
     */
    static Option of(String name, String value) {
      return ImmutableOption.builder().name(name).value(value).build();
    }

    /**
     * A value of the given parts.
     *
     * @param name the option name
     * @return the option, without value
     */
    static Option of(String name) {
      return ImmutableOption.builder().name(name).build();
    }
  }

  /** An /etc/hosts entry: one IP, its host names. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableHostAlias.class)
  @JsonDeserialize(as = ImmutableHostAlias.class)
  interface HostAlias {
    /**
     * {@return the IP address}
     */
    String ip();

    /**
     * {@return the host names it gets, in order}
     */
    List<String> hostnames();

    /**
     * A value of the given parts.
     *
     * @param ip the IP address
     * @param hostnames the names it gets in /etc/hosts
     * @return the entry
     */
    static HostAlias of(String ip, String... hostnames) {
      return ImmutableHostAlias.builder().ip(ip).addHostnames(hostnames).build();
    }
  }
}
