package dev.stskit.core.internal;

import dev.stskit.core.Extras;
import dev.stskit.core.SpecException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON trees of fabric8 objects: conversion, field paths in Kubernetes form, the difference of two
 * trees as {@link Extras} and its application. {@code apply(a, diff(a, b))} equals {@code b}.
 */
public final class Trees {
  /** A plain mapper for fabric8 objects (they carry their own Jackson annotations). */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Trees() {}

  /** One step of a path: an object key or an array index. */
  public sealed interface Segment permits Key, Index {}

  /** An object key. */
  public record Key(String name) implements Segment {}

  /** An array index, or an all-digit key of an object. */
  public record Index(int index) implements Segment {}

  /** The tree of a fabric8 object. */
  public static ObjectNode toTree(Object fabric8Object) {
    return (ObjectNode) MAPPER.valueToTree(fabric8Object);
  }

  /** The fabric8 object of a tree. */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    return MAPPER.treeToValue(tree, type);
  }

  // ---------------------------------------------------------------- paths

  /** Formats segments as {@code a.b[0][c.d/e]}. */
  public static String format(List<Segment> path) {
    StringBuilder out = new StringBuilder();
    for (Segment s : path) {
      if (s instanceof Index i) {
        out.append('[').append(i.index()).append(']');
      } else {
        String name = ((Key) s).name();
        if (PLAIN_KEY.matcher(name).matches()) {
          if (out.length() > 0) {
            out.append('.');
          }
          out.append(name);
        } else {
          out.append('[').append(name.replace("\\", "\\\\").replace("]", "\\]")).append(']');
        }
      }
    }
    return out.toString();
  }

  /**
   * Parses a path such as {@code spec.template.spec.containers[0].env[1].value} or {@code
   * metadata.annotations[example.com/key]}. Inside brackets, {@code \]} and {@code \\} stand for
   * {@code ]} and {@code \}.
   *
   * @throws SpecException naming the path when it is malformed
   */
  public static List<Segment> parsePath(String path) {
    List<Segment> out = new ArrayList<>();
    int i = 0;
    int n = path.length();
    if (n == 0) {
      throw new SpecException("extras", "empty field path");
    }
    while (i < n) {
      char c = path.charAt(i);
      if (c == '[') {
        StringBuilder key = new StringBuilder();
        int close = i + 1;
        while (close < n && path.charAt(close) != ']') {
          if (path.charAt(close) == '\\' && close + 1 < n) {
            close++;
          }
          key.append(path.charAt(close));
          close++;
        }
        if (close >= n) {
          throw new SpecException("extras", "malformed field path \"" + path + "\"");
        }
        String inside = key.toString();
        boolean escaped = close - i - 1 != inside.length();
        if (!escaped && isIndex(inside)) {
          out.add(new Index(Integer.parseInt(inside)));
        } else {
          out.add(new Key(inside));
        }
        i = close + 1;
        if (i < n && path.charAt(i) == '.') {
          i++;
          if (i == n) {
            throw new SpecException("extras", "malformed field path \"" + path + "\"");
          }
        }
      } else {
        int end = i;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        if (end == i) {
          throw new SpecException("extras", "malformed field path \"" + path + "\"");
        }
        out.add(new Key(path.substring(i, end)));
        i = end;
        if (i < n && path.charAt(i) == '.') {
          i++;
          if (i == n) {
            throw new SpecException("extras", "malformed field path \"" + path + "\"");
          }
        }
      }
    }
    return out;
  }

  /** A canonical non-negative int in ASCII digits: {@code 0}, {@code 12}, not {@code 012}. */
  private static boolean isIndex(String s) {
    if (s.isEmpty() || s.length() > 9 || (s.length() > 1 && s.charAt(0) == '0')) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- diff

  /**
   * What turns {@code from} into {@code to}: fields of {@code to} that {@code from} lacks or has
   * different go to {@code set} (as deep as objects go; arrays of another length whole), fields
   * {@code from} has and {@code to} lacks go to {@code omit}.
   */
  public static Extras diff(JsonNode from, JsonNode to) {
    Map<String, JsonNode> set = new LinkedHashMap<>();
    List<String> omit = new ArrayList<>();
    diff(from, to, new ArrayList<>(), set, omit);
    return Extras.builder().set(set).omit(omit).build();
  }

  private static void diff(
      JsonNode from, JsonNode to, List<Segment> path, Map<String, JsonNode> set, List<String> omit) {
    if (from.equals(to)) {
      return;
    }
    if (from.isObject() && to.isObject()) {
      for (Map.Entry<String, JsonNode> e : to.properties()) {
        path.add(new Key(e.getKey()));
        JsonNode f = from.get(e.getKey());
        if (f == null) {
          missing(e.getValue(), path, set);
        } else {
          diff(f, e.getValue(), path, set, omit);
        }
        path.remove(path.size() - 1);
      }
      for (String k : from.propertyNames()) {
        if (!to.has(k)) {
          path.add(new Key(k));
          omit.add(format(path));
          path.remove(path.size() - 1);
        }
      }
      return;
    }
    if (from.isArray() && to.isArray() && from.size() == to.size()) {
      for (int i = 0; i < to.size(); i++) {
        path.add(new Index(i));
        diff(from.get(i), to.get(i), path, set, omit);
        path.remove(path.size() - 1);
      }
      return;
    }
    set.put(format(path), to.deepCopy());
  }

  private static void missing(JsonNode value, List<Segment> path, Map<String, JsonNode> set) {
    if (value.isObject() && !value.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : value.properties()) {
        path.add(new Key(e.getKey()));
        missing(e.getValue(), path, set);
        path.remove(path.size() - 1);
      }
    } else {
      set.put(format(path), value.deepCopy());
    }
  }

  // ---------------------------------------------------------------- apply

  /**
   * Applies {@code extras} to {@code tree} in place: omissions first, then the values to set.
   *
   * @param what the object, for messages (e.g. {@code StatefulSet mysql})
   * @throws SpecException when a set path crosses a scalar or an index out of range
   */
  public static void apply(ObjectNode tree, Extras extras, String what) {
    for (String p : extras.omit()) {
      List<Segment> path = parsePath(p);
      JsonNode parent = navigate(tree, path.subList(0, path.size() - 1));
      Segment last = path.get(path.size() - 1);
      if (parent instanceof ObjectNode o) {
        o.remove(keyOf(last));
      } else if (parent instanceof ArrayNode a && last instanceof Index i && i.index() < a.size()) {
        a.remove(i.index());
      }
    }
    for (Map.Entry<String, JsonNode> e : extras.set().entrySet()) {
      List<Segment> path = parsePath(e.getKey());
      JsonNode node = tree;
      for (int i = 0; i < path.size(); i++) {
        Segment s = path.get(i);
        boolean lastStep = i == path.size() - 1;
        JsonNode value = lastStep ? e.getValue().deepCopy() : null;
        if (node instanceof ObjectNode o) {
          String k = keyOf(s);
          if (lastStep) {
            o.set(k, value);
          } else {
            JsonNode child = o.get(k);
            if (child == null || child.isNull()) {
              child = o.putObject(k);
            }
            node = child;
          }
        } else if (node instanceof ArrayNode a && s instanceof Index idx) {
          if (idx.index() > a.size()) {
            throw new SpecException(
                "extras.set[" + e.getKey() + "]",
                what + ": index " + idx.index() + " out of range (" + a.size() + " elements)");
          }
          if (lastStep) {
            if (idx.index() == a.size()) {
              a.add(value);
            } else {
              a.set(idx.index(), value);
            }
          } else {
            if (idx.index() == a.size()) {
              a.addObject();
            }
            node = a.get(idx.index());
          }
        } else {
          throw new SpecException(
              "extras.set[" + e.getKey() + "]",
              what + ": " + format(path.subList(0, i)) + " is not an object or list");
        }
      }
    }
  }

  private static JsonNode navigate(JsonNode tree, List<Segment> path) {
    JsonNode node = tree;
    for (Segment s : path) {
      if (node == null) {
        return null;
      }
      if (node.isObject()) {
        node = node.get(keyOf(s));
      } else if (node.isArray() && s instanceof Index i) {
        node = node.get(i.index());
      } else {
        return null;
      }
    }
    return node;
  }

  private static String keyOf(Segment s) {
    return s instanceof Key k ? k.name() : Integer.toString(((Index) s).index());
  }

  // ---------------------------------------------------------------- normal form

  /** Whether every number in the values is in normal form (the smallest integral node). */
  public static boolean isNormal(Map<String, JsonNode> values) {
    for (JsonNode v : values.values()) {
      if (!normalize(v).equals(v) || !sameNumberKinds(normalize(v), v)) {
        return false;
      }
    }
    return true;
  }

  /** The values with integral numbers as int, long or big-integer nodes, whichever fits first. */
  public static Map<String, JsonNode> normalize(Map<String, JsonNode> values) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, normalize(v)));
    return out;
  }

  /** {@code node} with integral numbers in normal form. */
  public static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        o.set(e.getKey(), normalize(e.getValue()));
      }
      return o;
    }
    if (node.isArray()) {
      ArrayNode a = NODES.arrayNode();
      for (JsonNode n : node) {
        a.add(normalize(n));
      }
      return a;
    }
    if (node.isIntegralNumber()) {
      BigInteger b = node.bigIntegerValue();
      if (b.bitLength() < 32) {
        return NODES.numberNode(b.intValue());
      }
      if (b.bitLength() < 64) {
        return NODES.numberNode(b.longValue());
      }
      return NODES.numberNode(b);
    }
    if (node.isFloatingPointNumber()) {
      return NODES.numberNode(node.doubleValue());
    }
    return node;
  }

  private static boolean sameNumberKinds(JsonNode a, JsonNode b) {
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (a.isContainer()) {
      if (a.size() != b.size()) {
        return false;
      }
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!sameNumberKinds(a.get(i), b.get(i))) {
            return false;
          }
        }
      } else {
        for (Map.Entry<String, JsonNode> e : a.properties()) {
          JsonNode other = b.get(e.getKey());
          if (other == null || !sameNumberKinds(e.getValue(), other)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
