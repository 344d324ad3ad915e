package dev.stskit.core.internal;

import dev.stskit.core.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Multus and Spiderpool settings as pod-template annotations (docs/form.md §9), and back. */
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
      ArrayNode routes = JsonNodeFactory.instance.arrayNode();
      for (Network.Route r : n.routes()) {
        routes.addObject().put("dst", r.dst()).put("gw", r.gw());
      }
      out.put(SPIDER_ROUTES, Trees.MAPPER.writeValueAsString(routes));
    }
    return out;
  }

  static void pools(List<Network.IpPools> pools, String single, String multi, Map<String, String> out) {
    if (pools.isEmpty()) {
      return;
    }
    if (pools.size() == 1 && pools.get(0).nic().isEmpty()) {
      out.put(single, Trees.MAPPER.writeValueAsString(poolNode(pools.get(0))));
      return;
    }
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    pools.forEach(p -> all.add(poolNode(p)));
    out.put(multi, Trees.MAPPER.writeValueAsString(all));
  }

  static ObjectNode poolNode(Network.IpPools p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    p.nic().ifPresent(i -> o.put("interface", i));
    if (!p.ipv4().isEmpty()) {
      ArrayNode a = o.putArray("ipv4");
      p.ipv4().forEach(a::add);
    }
    if (!p.ipv6().isEmpty()) {
      ArrayNode a = o.putArray("ipv6");
      p.ipv6().forEach(a::add);
    }
    p.cleanGateway().ifPresent(c -> o.put("cleangateway", c));
    return o;
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
        List<Network.Route> rs = new ArrayList<>();
        for (JsonNode r : Trees.MAPPER.readTree(routes)) {
          rs.add(Network.Route.of(r.get("dst").stringValue(), r.get("gw").stringValue()));
        }
        b.routes(rs);
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
      List<Network.IpPools> out = new ArrayList<>();
      if (one != null) {
        out.add(liftPool(Trees.MAPPER.readTree(one)));
        taken.put(single, one);
      } else {
        for (JsonNode p : Trees.MAPPER.readTree(many)) {
          out.add(liftPool(p));
        }
        taken.put(multi, many);
      }
      return Optional.of(out);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static Network.IpPools liftPool(JsonNode p) {
    Network.IpPools.Builder b = Network.IpPools.builder();
    if (p.has("interface")) {
      b.nic(p.get("interface").stringValue());
    }
    if (p.has("ipv4")) {
      p.get("ipv4").forEach(v -> b.addIpv4(v.stringValue()));
    }
    if (p.has("ipv6")) {
      p.get("ipv6").forEach(v -> b.addIpv6(v.stringValue()));
    }
    if (p.has("cleangateway")) {
      b.cleanGateway(p.get("cleangateway").booleanValue());
    }
    return b.build();
  }
}
