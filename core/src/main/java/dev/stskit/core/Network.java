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
   *
   * @return the Multus network of eth0, or empty for the cluster default
   */
  Optional<String> defaultNetwork();

  /**
   * Extra NICs net1…netN, in order, each {@code <namespace>/<multus-cr>}. Under the hood: annotation
   * {@code k8s.v1.cni.cncf.io/networks} (comma-separated).
   *
   * @return the Multus networks of net1…netN, in order
   */
  List<String> additionalNetworks();

  /**
   * IP pools per NIC. Under the hood: one entry without interface gives {@code
   * ipam.spidernet.io/ippool: {"ipv4":[…],"ipv6":[…]}}; otherwise {@code ipam.spidernet.io/ippools:
   * [{"interface":"eth0","ipv4":[…],…}]}.
   *
   * @return the pools, per NIC
   */
  List<IpPools> ipPools();

  /**
   * Subnets to create a fixed IP pool from. Under the hood: {@code ipam.spidernet.io/subnet} or
   * {@code ipam.spidernet.io/subnets}, shaped as {@link #ipPools()}.
   *
   * @return the subnets, per NIC
   */
  List<IpPools> subnets();

  /**
   * Flexible IPs on top of the replicas. Under the hood: {@code ipam.spidernet.io/ippool-ip-number:
   * "+N"}.
   *
   * @return the number of extra IPs, or empty
   */
  Optional<Integer> flexibleIps();

  /**
   * Custom routes. Under the hood: {@code ipam.spidernet.io/routes: [{"dst":…,"gw":…}]}.
   *
   * @return the routes, in order
   */
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
    /**
     * Interface, e.g. {@code eth0}, {@code net1}; unset for the single-NIC form.
     *
     * @return the interface, or empty
     */
    Optional<String> nic();

    /**
     * IPv4 pool (or subnet) names.
     *
     * @return the IPv4 names
     */
    List<String> ipv4();

    /**
     * IPv6 pool (or subnet) names.
     *
     * @return the IPv6 names
     */
    List<String> ipv6();

    /**
     * Spiderpool's {@code cleangateway}.
     *
     * @return the flag, or empty when not written
     */
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
    /**
     * Destination CIDR.
     *
     * @return the destination CIDR
     */
    String dst();

    /**
     * Gateway IP.
     *
     * @return the gateway IP
     */
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
