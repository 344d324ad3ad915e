package dev.stskit.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Jackson trees as plain values; loaded only when a caller hands Jackson nodes in. */
final class JsonNodes {
  private JsonNodes() {}

  static Object toJava(Object node) {
    return java((JsonNode) node);
  }

  private static Object java(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (n.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), java(e.getValue()));
      }
      return out;
    }
    if (n.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode x : n) {
        out.add(java(x));
      }
      return out;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    if (n.isString()) {
      return n.stringValue();
    }
    return n.toString();
  }
}
