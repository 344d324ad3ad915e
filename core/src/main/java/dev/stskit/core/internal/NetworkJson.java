package dev.stskit.core.internal;

import dev.stskit.core.Network;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of Spiderpool's annotations (docs/form.md §9): IP pools and routes, written and read with
 * Jackson. Kept apart from {@link NetworkAnnotations} so that only a spec or an object with these
 * annotations loads Jackson databind.
 */
final class NetworkJson {
  private NetworkJson() {}

  /** {@code [{"dst":…,"gw":…},…]}. */
  static String routes(List<Network.Route> routes) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    for (Network.Route r : routes) {
      out.addObject().put("dst", r.dst()).put("gw", r.gw());
    }
    return Trees.MAPPER.writeValueAsString(out);
  }

  /** One pool: {@code {"interface":…,"ipv4":[…],"ipv6":[…],"cleangateway":…}}. */
  static String pool(Network.IpPools pool) {
    return Trees.MAPPER.writeValueAsString(poolNode(pool));
  }

  /** A list of pools. */
  static String pools(List<Network.IpPools> pools) {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    pools.forEach(p -> all.add(poolNode(p)));
    return Trees.MAPPER.writeValueAsString(all);
  }

  private static ObjectNode poolNode(Network.IpPools p) {
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

  /**
   * The routes of {@link #routes}' JSON.
   *
   * @throws RuntimeException when the text is not in that shape
   */
  static List<Network.Route> readRoutes(String json) {
    List<Network.Route> out = new ArrayList<>();
    for (JsonNode r : Trees.MAPPER.readTree(json)) {
      out.add(Network.Route.of(r.get("dst").stringValue(), r.get("gw").stringValue()));
    }
    return out;
  }

  /**
   * The pool of {@link #pool}'s JSON.
   *
   * @throws RuntimeException when the text is not JSON
   */
  static Network.IpPools readPool(String json) {
    return liftPool(Trees.MAPPER.readTree(json));
  }

  /**
   * The pools of {@link #pools}' JSON.
   *
   * @throws RuntimeException when the text is not JSON
   */
  static List<Network.IpPools> readPools(String json) {
    List<Network.IpPools> out = new ArrayList<>();
    for (JsonNode p : Trees.MAPPER.readTree(json)) {
      out.add(liftPool(p));
    }
    return out;
  }

  private static Network.IpPools liftPool(JsonNode p) {
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
