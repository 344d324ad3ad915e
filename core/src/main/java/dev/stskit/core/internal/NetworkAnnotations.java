package dev.stskit.core.internal;

import dev.stskit.core.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Multus and Spiderpool settings as pod-template annotations (docs/form.md §9), and back. The
 * annotations that hold JSON are written and read by {@link NetworkJson}, only when a spec or an
 * object has them: this class names no Jackson type, so lifting a StatefulSet without them loads
 * no Jackson databind class.
 */
final class NetworkAnnotations {
  static final String MULTUS_DEFAULT = "v1.multus-cni.io/default-network";
  static final String MULTUS_NETWORKS = "k8s.v1.cni.cncf.io/networks";
  static final String SPIDER_IPPOOL = "ipam.spidernet.io/ippool";
  static final String SPIDER_IPPOOLS = "ipam.spidernet.io/ippools";
  static final String SPIDER_SUBNET = "ipam.spidernet.io/subnet";
  static final String SPIDER_SUBNETS = "ipam.spidernet.io/subnets";
  static final String SPIDER_IP_NUMBER = "ipam.spidernet.io/ippool-ip-number";
  static final String SPIDER_ROUTES = "ipam.spidernet.io/routes";

  private NetworkAnnotations() {}

  /** The pod annotations {@code n} stands for, in a fixed order. */
  public static Map<String, String> networkAnnotations(Network n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.defaultNetwork().ifPresent(d -> out.put(MULTUS_DEFAULT, d));
    if (!n.additionalNetworks().isEmpty()) {
      out.put(MULTUS_NETWORKS, String.join(",", n.additionalNetworks()));
    }
    pools(n.ipPools(), SPIDER_IPPOOL, SPIDER_IPPOOLS, out);
    pools(n.subnets(), SPIDER_SUBNET, SPIDER_SUBNETS, out);
    n.flexibleIps().ifPresent(f -> out.put(SPIDER_IP_NUMBER, "+" + f));
    if (!n.routes().isEmpty()) {
      out.put(SPIDER_ROUTES, NetworkJson.routes(n.routes()));
    }
    return out;
  }

  static void pools(List<Network.IpPools> pools, String single, String multi, Map<String, String> out) {
    if (pools.isEmpty()) {
      return;
    }
    if (pools.size() == 1 && pools.get(0).nic().isEmpty()) {
      out.put(single, NetworkJson.pool(pools.get(0)));
      return;
    }
    out.put(multi, NetworkJson.pools(pools));
  }

  /** Reads the network annotations it can render back exactly, and removes them. */
  static Optional<Network> liftNetwork(Map<String, String> podAnnotations) {
    Network.Builder b = Network.builder();
    Map<String, String> taken = new LinkedHashMap<>();
    String d = podAnnotations.get(MULTUS_DEFAULT);
    if (d != null) {
      b.defaultNetwork(d);
      taken.put(MULTUS_DEFAULT, d);
    }
    String nets = podAnnotations.get(MULTUS_NETWORKS);
    if (nets != null && !nets.isEmpty() && !nets.startsWith("[")) {
      b.additionalNetworks(List.of(nets.split(",", -1)));
      taken.put(MULTUS_NETWORKS, nets);
    }
    liftPools(podAnnotations, SPIDER_IPPOOL, SPIDER_IPPOOLS, taken).ifPresent(b::ipPools);
    liftPools(podAnnotations, SPIDER_SUBNET, SPIDER_SUBNETS, taken).ifPresent(b::subnets);
    String number = podAnnotations.get(SPIDER_IP_NUMBER);
    if (number != null && number.matches("\\+[0-9]{1,9}")) {
      b.flexibleIps(Integer.parseInt(number.substring(1)));
      taken.put(SPIDER_IP_NUMBER, number);
    }
    String routes = podAnnotations.get(SPIDER_ROUTES);
    if (routes != null) {
      try {
        b.routes(NetworkJson.readRoutes(routes));
        taken.put(SPIDER_ROUTES, routes);
      } catch (RuntimeException e) {
        // not in the shape the spec renders: stays a plain pod annotation
      }
    }
    if (taken.isEmpty()) {
      return Optional.empty();
    }
    Network n = b.build();
    // keep only what renders back to exactly the same strings
    Map<String, String> rendered = NetworkAnnotations.networkAnnotations(n);
    if (!rendered.equals(taken)) {
      Network.Builder exact = Network.builder();
      Map<String, String> kept = new LinkedHashMap<>();
      for (var e : taken.entrySet()) {
        if (e.getValue().equals(rendered.get(e.getKey()))) {
          kept.put(e.getKey(), e.getValue());
        }
      }
      if (kept.isEmpty()) {
        return Optional.empty();
      }
      if (kept.containsKey(MULTUS_DEFAULT)) {
        exact.defaultNetwork(n.defaultNetwork());
      }
      if (kept.containsKey(MULTUS_NETWORKS)) {
        exact.additionalNetworks(n.additionalNetworks());
      }
      if (kept.containsKey(SPIDER_IPPOOL) || kept.containsKey(SPIDER_IPPOOLS)) {
        exact.ipPools(n.ipPools());
      }
      if (kept.containsKey(SPIDER_SUBNET) || kept.containsKey(SPIDER_SUBNETS)) {
        exact.subnets(n.subnets());
      }
      if (kept.containsKey(SPIDER_IP_NUMBER)) {
        exact.flexibleIps(n.flexibleIps());
      }
      if (kept.containsKey(SPIDER_ROUTES)) {
        exact.routes(n.routes());
      }
      n = exact.build();
      taken = kept;
    }
    taken.keySet().forEach(podAnnotations::remove);
    return Optional.of(n);
  }

  static Optional<List<Network.IpPools>> liftPools(Map<String, String> annotations, String single,
      String multi, Map<String, String> taken) {
    String one = annotations.get(single);
    String many = annotations.get(multi);
    if ((one == null) == (many == null)) {
      return Optional.empty();
    }
    try {
      List<Network.IpPools> out;
      if (one != null) {
        out = List.of(NetworkJson.readPool(one));
        taken.put(single, one);
      } else {
        out = NetworkJson.readPools(many);
        taken.put(multi, many);
      }
      return Optional.of(out);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
