package dev.stskit.core;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Container NICs with Multus and Spiderpool (docs/form.md §9). Everything here becomes pod-template
 * annotations; JSON values are compact and in a fixed key order.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNetwork.class)
@JsonDeserialize(as = ImmutableNetwork.class)
public interface Network {
  /**
   * CNI of eth0 as {@code <namespace>/<multus-cr>}. Under the hood: annotation {@code
   * v1.multus-cni.io/default-network}.
   */
  Optional<String> defaultNetwork();

  /**
   * Extra NICs net1…netN, in order, each {@code <namespace>/<multus-cr>}. Under the hood: annotation
   * {@code k8s.v1.cni.cncf.io/networks} (comma-separated).
   */
  List<String> additionalNetworks();

  /**
   * IP pools per NIC. Under the hood: one entry without interface gives {@code
   * ipam.spidernet.io/ippool: {"ipv4":[…],"ipv6":[…]}}; otherwise {@code ipam.spidernet.io/ippools:
   * [{"interface":"eth0","ipv4":[…],…}]}.
   */
  List<IpPools> ipPools();

  /**
   * Subnets to create a fixed IP pool from. Under the hood: {@code ipam.spidernet.io/subnet} or
   * {@code ipam.spidernet.io/subnets}, shaped as {@link #ipPools()}.
   */
  List<IpPools> subnets();

  /**
   * Flexible IPs on top of the replicas. Under the hood: {@code ipam.spidernet.io/ippool-ip-number:
   * "+N"}.
   */
  Optional<Integer> flexibleIps();

  /** Custom routes. Under the hood: {@code ipam.spidernet.io/routes: [{"dst":…,"gw":…}]}. */
  List<Route> routes();

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Network}. */
  final class Builder extends ImmutableNetwork.Builder {}

  /** Pools (or subnets) of one NIC. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableIpPools.class)
  @JsonDeserialize(as = ImmutableIpPools.class)
  interface IpPools {
    /** Interface, e.g. {@code eth0}, {@code net1}; unset for the single-NIC form. */
    Optional<String> nic();

    /** IPv4 pool (or subnet) names. */
    List<String> ipv4();

    /** IPv6 pool (or subnet) names. */
    List<String> ipv6();

    /** Spiderpool's {@code cleangateway}. */
    Optional<Boolean> cleanGateway();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds {@link IpPools}. */
    final class Builder extends ImmutableIpPools.Builder {}
  }

  /** A route: destination CIDR and gateway. */
  @Value.Immutable
  @JsonSerialize(as = ImmutableRoute.class)
  @JsonDeserialize(as = ImmutableRoute.class)
  interface Route {
    /** Destination CIDR. */
    String dst();

    /** Gateway IP. */
    String gw();

    /**
     * A value of the given parts.
     *
     * @param dst the destination CIDR
     * @param gw the gateway IP
     * @return the route
     */
    static Route of(String dst, String gw) {
      return ImmutableRoute.builder().dst(dst).gw(gw).build();
    }
  }
}
