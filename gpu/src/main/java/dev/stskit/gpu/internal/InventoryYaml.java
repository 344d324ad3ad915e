package dev.stskit.gpu.internal;

import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuNode;
import dev.stskit.gpu.GpuNodeMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads the inventory YAML into nodes; errors name the path ({@code nodes[1].cards}). */
public final class InventoryYaml {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();
  private static final Set<String> NODE_FIELDS = Set.of("name", "labels", "model", "cards",
      "memoryPerCard", "mode", "splitCount", "migLayout");

  private InventoryYaml() {}

  /** The nodes of an inventory document. */
  public static List<GpuNode> read(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("inventory is not readable YAML: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("inventory: expected a mapping with 'nodes'");
    }
    for (String f : root.propertyNames()) {
      if (!f.equals("nodes")) {
        throw new IllegalArgumentException(f + ": unknown field; the inventory has only 'nodes'");
      }
    }
    JsonNode nodes = root.get("nodes");
    if (nodes == null || !nodes.isArray()) {
      throw new IllegalArgumentException("nodes: expected a list of nodes");
    }
    List<GpuNode> out = new ArrayList<>();
    int i = 0;
    for (JsonNode n : nodes.values()) {
      String at = "nodes[" + i + "]";
      out.add(node(at, n));
      i++;
    }
    return out;
  }

  private static GpuNode node(String at, JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(at + ": expected a mapping");
    }
    for (String f : n.propertyNames()) {
      if (!NODE_FIELDS.contains(f)) {
        throw new IllegalArgumentException(at + "." + f + ": unknown field; allowed: " + NODE_FIELDS.stream().sorted().toList());
      }
    }
    try {
      String mode = string(at, n, "mode");
      GpuNodeMode m;
      try {
        m = GpuNodeMode.fromValue(mode);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ".mode: " + e.getMessage(), e);
      }
      GpuMemory mem;
      JsonNode memNode = n.get("memoryPerCard");
      if (memNode == null || !(memNode.isString() || memNode.isIntegralNumber())) {
        throw new IllegalArgumentException(at + ".memoryPerCard: required, e.g. 80Gi");
      }
      try {
        mem = GpuMemory.parse(memNode.asString());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ".memoryPerCard: " + e.getMessage(), e);
      }
      Map<String, Integer> layout = new LinkedHashMap<>();
      JsonNode l = n.get("migLayout");
      if (l != null) {
        if (!l.isObject()) {
          throw new IllegalArgumentException(at + ".migLayout: expected a mapping profile: instances per card");
        }
        for (Map.Entry<String, JsonNode> e : l.properties()) {
          layout.put(e.getKey(), integer(at + ".migLayout." + e.getKey(), e.getValue()));
        }
      }
      Map<String, String> labels = new LinkedHashMap<>();
      JsonNode lb = n.get("labels");
      if (lb != null) {
        if (!lb.isObject()) {
          throw new IllegalArgumentException(at + ".labels: expected a mapping");
        }
        for (Map.Entry<String, JsonNode> e : lb.properties()) {
          if (!e.getValue().isString()) {
            throw new IllegalArgumentException(at + ".labels." + e.getKey() + ": expected a string (quote it)");
          }
          labels.put(e.getKey(), e.getValue().stringValue());
        }
      }
      JsonNode split = n.get("splitCount");
      return new GpuNode(string(at, n, "name"), labels, string(at, n, "model"),
          integer(at + ".cards", n.get("cards")), mem, m,
          split == null ? GpuNode.DEFAULT_SPLIT_COUNT : integer(at + ".splitCount", split), layout);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(at)) {
        throw e;
      }
      throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
    }
  }

  private static String string(String at, JsonNode n, String f) {
    JsonNode v = n.get(f);
    if (v == null || !v.isString()) {
      throw new IllegalArgumentException(at + "." + f + ": required string");
    }
    return v.stringValue();
  }

  private static int integer(String at, JsonNode v) {
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new IllegalArgumentException(at + ": expected an integer, got " + v);
    }
    return v.intValue();
  }
}
