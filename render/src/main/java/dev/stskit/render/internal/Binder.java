package dev.stskit.render.internal;

import dev.stskit.render.ReadProblem;
import dev.stskit.render.internal.TypeInfo.Prop;
import dev.stskit.render.internal.TypeInfo.ValueType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds a {@link YNode} tree to fabric8 objects the way kube-apiserver decodes a YAML request:
 * sigs.k8s.io/yaml first converts YAML to JSON ({@code yamlToJSON}, YAML 1.1 scalars via go-yaml
 * v2, non-string keys turned into strings), then the JSON is decoded into the Go type with
 * case-sensitive field names, strict unknown/duplicate field detection
 * (k8s.io/apimachinery/pkg/runtime/serializer/json, {@code strict} decoding with sigs.k8s.io/json)
 * and {@code encoding/json}'s type rules: a JSON boolean is never a string, a string is never a
 * number, a float with a fraction is not an integer.
 *
 * <p>Each mistake becomes a {@link ReadProblem} with the Kubernetes field path and the position;
 * unknown fields are kept in {@code additionalProperties} so they render back.
 */
public final class Binder {


  private final boolean strict;
  private final List<ReadProblem> problems = new ArrayList<>();
  private String[] names = new String[32];
  private int[] indexes = new int[32];
  private int depth;

  public Binder(boolean strict) {
    this.strict = strict;
  }

  public List<ReadProblem> problems() {
    return problems;
  }

  /** The class a document of this apiVersion and kind is read into. */
  public static Class<? extends HasMetadata> typeFor(String apiVersion, String kind) {
    return Models.get().typeFor(apiVersion, kind);
  }

  /** Binds one object document (a mapping with apiVersion and kind). */
  public HasMetadata bindObject(YNode root, Class<? extends HasMetadata> type) {
    depth = 0;
    if (type == GenericKubernetesResource.class) {
      return generic(root);
    }
    return (HasMetadata) bean(root, TypeInfo.of(type));
  }

  private GenericKubernetesResource generic(YNode root) {
    GenericKubernetesResource g = new GenericKubernetesResource();
    java.util.Map<String, Integer> seen = seenKeys(root);
    for (int i = 0; i < root.size; i += 2) {
      YNode k = root.items[i];
      YNode v = root.items[i + 1];
      String name = keyString(k);
      if (name == null) {
        continue;
      }
      duplicate(root, i, name, k, seen);
      push(name, -1);
      switch (name) {
        case "apiVersion":
          g.setApiVersion((String) scalarAs(v, ValueType.Kind.STRING));
          break;
        case "kind":
          g.setKind((String) scalarAs(v, ValueType.Kind.STRING));
          break;
        case "metadata":
          if (v.type == YNode.MAP) {
            g.setMetadata((ObjectMeta) bean(v, TypeInfo.of(ObjectMeta.class)));
          } else if (!v.isNull()) {
            wrongType(v, "object");
          }
          break;
        default:
          g.setAdditionalProperty(name, raw(v));
      }
      pop();
    }
    return g;
  }

  // ------------------------------------------------------------------------------------ path

  private void push(String name, int index) {
    if (depth == names.length) {
      names = java.util.Arrays.copyOf(names, depth * 2);
      indexes = java.util.Arrays.copyOf(indexes, depth * 2);
    }
    names[depth] = name;
    indexes[depth] = index;
    depth++;
  }

  private void pop() {
    depth--;
  }

  /** The current path: names joined with '.', list indexes and map keys in brackets. */
  private String path() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      if (indexes[i] >= 0) {
        sb.append('[').append(indexes[i]).append(']');
      } else if (indexes[i] == -2) {
        sb.append('[').append(names[i]).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(names[i]);
      }
    }
    return sb.toString();
  }

  private void problem(ReadProblem.Kind kind, YNode at, String message) {
    problems.add(ReadProblem.builder().kind(kind).path(path()).line(at.line).column(at.column)
        .message(message).build());
  }

  // ------------------------------------------------------------------------------------ beans

  private Object bean(YNode node, TypeInfo ti) {
    Object bean = ti.newInstance();
    int n = node.size;
    java.util.Map<String, Integer> seen = seenKeys(node);
    for (int i = 0; i < n; i += 2) {
      YNode k = node.items[i];
      YNode v = node.items[i + 1];
      if (k.type == YNode.SCALAR && k.plain && k.value.equals("<<")) {
        merge(bean, ti, v);
        continue;
      }
      String name = keyString(k);
      if (name == null) {
        continue;
      }
      duplicate(node, i, name, k, seen);
      assign(bean, ti, name, k, v);
    }
    return bean;
  }

  private void assign(Object bean, TypeInfo ti, String name, YNode k, YNode v) {
    Prop p = ti.prop(name);
    push(name, -1);
    if (p == null || !p.writable()) {
      if (strict && !ti.opaque()) {
        problem(ReadProblem.Kind.UNKNOWN_FIELD, k, "unknown field \"" + Messages.clip(name) + "\"");
      }
      if (ti.acceptsAdditionalProperties()) {
        ti.setAdditionalProperty(bean, name, raw(v));
      }
    } else {
      Object value = convert(v, p.valueType);
      if (value != null) {
        p.set(bean, value);
      } else if (v.isNull() && !isTypeMeta(name)) {
        p.set(bean, null);
      }
    }
    pop();
  }

  /**
   * {@code apiVersion} and {@code kind} are plain strings in Go's TypeMeta, so a JSON null leaves
   * them as they are; fabric8's objects start with them set (a claim template's kind is
   * PersistentVolumeClaim), and clearing them would make the rendered object read back different.
   */
  private static boolean isTypeMeta(String name) {
    return name.equals("apiVersion") || name.equals("kind");
  }

  /** YAML merge keys ({@code <<: *base}), which go-yaml v2 supports. */
  private void merge(Object bean, TypeInfo ti, YNode v) {
    if (v.type == YNode.MAP) {
      for (int i = 0; i < v.size; i += 2) {
        String name = keyString(v.items[i]);
        if (name != null) {
          assign(bean, ti, name, v.items[i], v.items[i + 1]);
        }
      }
    } else if (v.type == YNode.SEQ) {
      for (int i = 0; i < v.size; i++) {
        merge(bean, ti, v.items[i]);
      }
    } else {
      problem(ReadProblem.Kind.WRONG_TYPE, v, "map merge requires a mapping or a list of mappings");
    }
  }

  /** Duplicate-key bookkeeping for one mapping: a linear scan for small ones, a hash map for large ones. */
  private java.util.Map<String, Integer> seenKeys(YNode node) {
    return strict && node.size > 32 ? new java.util.HashMap<>() : null;
  }

  /** A key seen before in the same mapping is a problem (strict), as kube's strict decoding reports it. */
  private void duplicate(YNode node, int i, String name, YNode k, java.util.Map<String, Integer> seen) {
    duplicate(node, i, name, k, seen, false);
  }

  private void duplicate(YNode node, int i, String name, YNode k, java.util.Map<String, Integer> seen,
      boolean mapKey) {
    if (!strict) {
      return;
    }
    int firstLine = -1;
    if (seen != null) {
      Integer prev = seen.putIfAbsent(name, k.line);
      if (prev != null) {
        firstLine = prev;
      }
    } else {
      for (int j = 0; j < i; j += 2) {
        YNode other = node.items[j];
        if (other.type == YNode.SCALAR && name.equals(other.value)) {
          firstLine = other.line;
          break;
        }
      }
    }
    if (firstLine >= 0) {
      push(name, mapKey ? -2 : -1);
      problem(ReadProblem.Kind.DUPLICATE_KEY, k, "duplicate field \"" + Messages.clip(name) + "\" (first at line "
          + firstLine + ")");
      pop();
    }
  }

  /**
   * The JSON key a YAML key becomes (sigs.k8s.io/yaml {@code convertToJSONableObject}): strings as
   * they are, integers in decimal, booleans as "true"/"false", floats formatted; null and
   * collection keys are errors.
   */
  private String keyString(YNode k) {
    if (k.type != YNode.SCALAR) {
      problem(ReadProblem.Kind.WRONG_TYPE, k, "a mapping key must be a scalar");
      return null;
    }
    Object v = scalar(k);
    if (v instanceof String s) {
      return s;
    }
    if (v == null) {
      problem(ReadProblem.Kind.WRONG_TYPE, k, "a mapping key must not be null");
      return null;
    }
    if (v instanceof Double d) {
      if (d.isInfinite()) {
        return d > 0 ? ".inf" : "-.inf";
      }
      if (d.isNaN()) {
        return ".nan";
      }
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }

  // ------------------------------------------------------------------------------ conversions

  /** The JSON value of a scalar node. */
  static Object scalar(YNode n) {
    if (n.plain) {
      return Scalars.resolvePlain(n.value);
    }
    if (n.tag == null || n.tag.equals("str")) {
      return n.value;
    }
    Object v = Scalars.resolvePlain(n.value);
    switch (n.tag) {
      case "null":
        return null;
      case "bool":
        return v instanceof Boolean ? v : n.value;
      case "int":
        return v instanceof Integer || v instanceof Long || v instanceof BigInteger ? v : n.value;
      case "float":
        if (v instanceof Number num) {
          return num.doubleValue();
        }
        return n.value;
      default:
        return n.value;
    }
  }

  private Object convert(YNode v, ValueType t) {
    switch (t.kind) {
      case BEAN:
        if (v.type == YNode.MAP) {
          if (t.raw == ObjectMeta.class || t.raw.getName().startsWith("io.fabric8.")) {
            return bean(v, TypeInfo.of(t.raw));
          }
        }
        if (!v.isNull()) {
          wrongType(v, "object");
        }
        return null;
      case LIST:
        if (v.type == YNode.SEQ) {
          List<Object> out = new ArrayList<>(v.size);
          for (int i = 0; i < v.size; i++) {
            push(null, i);
            YNode item = v.items[i];
            Object e = item.isNull() ? zero(t.element) : convert(item, t.element);
            pop();
            // a wrong-typed element (a problem already) stays the zero value, as encoding/json
            // leaves a slice element it cannot decode; null would render as "null" and read back as ""
            out.add(e == null ? zero(t.element) : e);
          }
          return out;
        }
        if (!v.isNull()) {
          wrongType(v, "array");
        }
        return null;
      case MAP:
        if (v.type == YNode.MAP) {
          Map<String, Object> out = new LinkedHashMap<>();
          java.util.Map<String, Integer> seen = seenKeys(v);
          for (int i = 0; i < v.size; i += 2) {
            String key = keyString(v.items[i]);
            if (key == null) {
              continue;
            }
            duplicate(v, i, key, v.items[i], seen, true);
            push(key, -2);
            YNode value = v.items[i + 1];
            Object e = value.isNull() ? zero(t.element) : convert(value, t.element);
            pop();
            if (e != null || value.isNull()) {
              out.put(key, e);
            }
          }
          return out;
        }
        if (!v.isNull()) {
          wrongType(v, "object");
        }
        return null;
      case RAW:
        return raw(v);
      default:
        if (v.type != YNode.SCALAR) {
          wrongType(v, expected(t.kind));
          return null;
        }
        return scalarAs(v, t.kind);
    }
  }

  /**
   * What encoding/json leaves in a list element or map value that is an explicit null: the
   * element type's zero value ({@code command: [~]} is {@code [""]}, a label value {@code ~} is
   * {@code ""}, {@code containers: [~]} is one empty container); only values of no fixed type
   * (JSON's {@code interface{}}) stay null.
   */
  private static Object zero(ValueType t) {
    switch (t.kind) {
      case STRING: return "";
      case INT: return 0;
      case LONG: return 0L;
      case BOOL: return Boolean.FALSE;
      case DOUBLE: return 0.0d;
      case QUANTITY: return new Quantity("0");
      case INT_OR_STRING: return new IntOrString(0);
      case BEAN:
        if (t.raw == ObjectMeta.class || t.raw.getName().startsWith("io.fabric8.")) {
          return TypeInfo.of(t.raw).newInstance();
        }
        return null;
      default: return null; // a slice, map or interface{} is nil
    }
  }

  private static String expected(ValueType.Kind k) {
    switch (k) {
      case STRING: return "string";
      case INT: return "integer (int32)";
      case LONG: return "integer (int64)";
      case BOOL: return "boolean";
      case DOUBLE: return "number";
      case QUANTITY: return "quantity (string or number)";
      case INT_OR_STRING: return "integer or string";
      default: return "value";
    }
  }

  private Object scalarAs(YNode n, ValueType.Kind kind) {
    if (n.type != YNode.SCALAR) {
      wrongType(n, expected(kind));
      return null;
    }
    Object v = scalar(n);
    if (v == null) {
      return null;
    }
    switch (kind) {
      case STRING:
        if (v instanceof String) {
          return v;
        }
        break;
      case BOOL:
        if (v instanceof Boolean) {
          return v;
        }
        break;
      case INT:
      case LONG: {
        Long l = integral(v);
        if (l != null) {
          if (kind == ValueType.Kind.INT) {
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
              problem(ReadProblem.Kind.INVALID_VALUE, n, "number " + Messages.clip(n.value) + " overflows int32");
              return null;
            }
            return l.intValue();
          }
          return l;
        }
        if (v instanceof Number) {
          problem(ReadProblem.Kind.WRONG_TYPE, n, "cannot unmarshal number " + Messages.clip(n.value) + " into an integer field");
          return null;
        }
        break;
      }
      case DOUBLE:
        if (v instanceof Number num) {
          return num.doubleValue();
        }
        break;
      case QUANTITY: {
        String text;
        if (v instanceof String s) {
          text = s;
        } else if (v instanceof Number num && !(v instanceof Double d && (d.isNaN() || d.isInfinite()))) {
          text = numberText(num);
        } else {
          break;
        }
        // the grammar of resource.ParseQuantity, shared with core and validation; its error text
        if (!dev.stskit.apimachinery.Quantities.isValid(text)) {
          problem(ReadProblem.Kind.INVALID_VALUE, n, "quantities must match the regular expression "
              + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got " + quoted(text));
          return null;
        }
        Optional<Quantity> q = dev.stskit.apimachinery.Quantities.toFabric8(text);
        if (q.isEmpty()) {
          problem(ReadProblem.Kind.INVALID_VALUE, n, "quantity " + quoted(text)
              + " has no digits or too large an exponent to compare; write it with digits (0)");
          return null;
        }
        return q.get();
      }
      case INT_OR_STRING: {
        if (v instanceof String s) {
          return new IntOrString(s);
        }
        Long l = integral(v);
        if (l != null && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
          return new IntOrString(l.intValue());
        }
        break;
      }
      default:
        return raw(n);
    }
    wrongType(n, expected(kind));
    return null;
  }

  private static Long integral(Object v) {
    if (v instanceof Integer i) {
      return i.longValue();
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof Double d && !d.isInfinite() && !d.isNaN() && d == Math.rint(d)
        && Math.abs(d) < 9.2e18) {
      return d.longValue(); // sigs.k8s.io/yaml writes an integral float as a JSON integer
    }
    return null;
  }

  private static String numberText(Number num) {
    if (num instanceof Double d) {
      return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return num.toString();
  }

  private void wrongType(YNode n, String expected) {
    String got;
    String hint = "";
    if (n.type == YNode.MAP) {
      got = "object";
    } else if (n.type == YNode.SEQ) {
      got = "array";
    } else {
      Object v = scalar(n);
      if (v instanceof Boolean) {
        got = "boolean " + n.value;
        if (expected.startsWith("string") || expected.startsWith("integer or string")
            || expected.startsWith("quantity")) {
          hint = " (YAML 1.1 reads an unquoted " + n.value + " as a boolean; quote it: '" + n.value + "')";
        }
      } else if (v instanceof Number) {
        got = "number " + Messages.clip(n.value);
        if (expected.startsWith("string")) {
          hint = n.value.length() > Messages.ECHO ? " (quote it)" : " (quote it: '" + n.value + "')";
        }
      } else {
        got = "string \"" + abbreviate(n.value) + "\"";
      }
    }
    problem(ReadProblem.Kind.WRONG_TYPE, n, "cannot unmarshal " + got + " into a field of type " + expected + hint);
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** A node as a plain JSON-like Java value (Map, List, String, Integer/Long, Double, Boolean, null). */
  Object raw(YNode v) {
    switch (v.type) {
      case YNode.MAP: {
        Map<String, Object> out = new LinkedHashMap<>();
        java.util.Map<String, Integer> seen = seenKeys(v);
        for (int i = 0; i < v.size; i += 2) {
          YNode k = v.items[i];
          if (k.type == YNode.SCALAR && k.plain && k.value.equals("<<")) {
            rawMerge(out, v.items[i + 1]);
            continue;
          }
          String key = keyString(k);
          if (key == null) {
            continue;
          }
          duplicate(v, i, key, k, seen);
          push(key, -1);
          out.put(key, raw(v.items[i + 1]));
          pop();
        }
        return out;
      }
      case YNode.SEQ: {
        List<Object> out = new ArrayList<>(v.size);
        for (int i = 0; i < v.size; i++) {
          push(null, i);
          out.add(raw(v.items[i]));
          pop();
        }
        return out;
      }
      default:
        Object s = scalar(v);
        if (s instanceof Double d && (d.isNaN() || d.isInfinite())) {
          problem(ReadProblem.Kind.INVALID_VALUE, v, "JSON has no form for " + Messages.clip(v.value));
          return null;
        }
        return s;
    }
  }

  private void rawMerge(Map<String, Object> out, YNode v) {
    if (v.type == YNode.MAP) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = (Map<String, Object>) raw(v);
      out.putAll(m);
    } else if (v.type == YNode.SEQ) {
      for (int i = 0; i < v.size; i++) {
        rawMerge(out, v.items[i]);
      }
    } else {
      problem(ReadProblem.Kind.WRONG_TYPE, v, "map merge requires a mapping or a list of mappings");
    }
  }

  /** A value for a message: quoted, clipped as every echoed value is ({@link Messages#clip}). */
  private static String quoted(String text) {
    return "\"" + Messages.clip(text) + "\"";
  }
}
