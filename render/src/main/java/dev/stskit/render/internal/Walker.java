package dev.stskit.render.internal;

import dev.stskit.apimachinery.ServerPopulatedFields;
import dev.stskit.render.internal.TypeInfo.Prop;
import dev.stskit.render.internal.TypeInfo.ValueType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Walks fabric8 objects with the precomputed {@link TypeInfo} tables and sends {@link Emitter}
 * events: fields in Go struct order (or alphabetical), map keys sorted, nulls and empty
 * collections left out the way fabric8's own {@code @JsonInclude} does, empty objects kept
 * ({@code emptyDir: {}}), unknown fields ({@code additionalProperties}) written after the known
 * ones. In apply-ready mode it skips server-populated fields while it walks, so the caller's
 * object is never modified.
 *
 * <p>Immutable; {@link #write} may be called from many threads at once.
 */
public final class Walker {

  /** The annotation {@code kubectl apply} keeps its last applied state in. */
  public static final String LAST_APPLIED = ServerPopulatedFields.LAST_APPLIED_ANNOTATION;

  private final boolean applyReady;
  private final boolean keepOwnerReferences;
  private final boolean sortedKeys;

  public Walker(boolean applyReady, boolean keepOwnerReferences, boolean sortedKeys) {
    this.applyReady = applyReady;
    this.keepOwnerReferences = keepOwnerReferences;
    this.sortedKeys = sortedKeys;
  }

  /** Writes one object as one document. */
  public void write(Object resource, Emitter e) {
    if (resource == null) {
      throw new dev.stskit.render.RenderException("cannot render a null object");
    }
    e.startDocument();
    value(resource, e);
    e.endDocument();
  }

  /** Writes one object as a value inside a surrounding structure (the JSON list wrapper). */
  public void writeValue(Object resource, Emitter e) {
    value(resource, e);
  }

  private void value(Object v, Emitter e) {
    if (v == null) {
      e.nullValue();
    } else if (v instanceof String s) {
      e.string(s);
    } else if (v instanceof Boolean b) {
      e.bool(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      e.integer(((Number) v).longValue());
    } else if (v instanceof BigInteger) {
      e.number(v.toString());
    } else if (v instanceof Double || v instanceof Float || v instanceof BigDecimal) {
      e.number(floatLiteral(((Number) v).doubleValue(), v));
    } else if (v instanceof Quantity q) {
      e.string(quantity(q));
    } else if (v instanceof IntOrString ios) {
      Object x = ios.getValue();
      if (x == null) {
        e.nullValue();
      } else {
        value(x, e);
      }
    } else if (v instanceof Map<?, ?> m) {
      map(m, e, null);
    } else if (v instanceof List<?> l) {
      e.beginSeq();
      for (int i = 0, n = l.size(); i < n; i++) {
        value(l.get(i), e);
      }
      e.endSeq();
    } else if (v instanceof ObjectMeta meta) {
      objectMeta(meta, e);
    } else if (v instanceof GenericKubernetesResource g) {
      generic(g, e);
    } else if (v.getClass().isArray()) {
      throw new dev.stskit.render.RenderException("cannot render an array of " + v.getClass().getComponentType().getName());
    } else if (v.getClass().getName().startsWith("io.fabric8.")) {
      bean(v, TypeInfo.of(v.getClass()), e);
    } else if (v.getClass().getName().startsWith("tools.jackson.") && v instanceof JsonNode node) {
      // the name first: an instanceof alone, reached for every bean, loaded Jackson databind on
      // every render, which a fabric8 object (all that compile and import give) never needs
      jsonNode(node, e);
    } else {
      throw new dev.stskit.render.RenderException("cannot render a value of type " + v.getClass().getName()
          + "; fabric8 model objects, strings, numbers, booleans, lists and maps can be rendered");
    }
  }

  static String quantity(Quantity q) {
    String amount = q.getAmount();
    String format = q.getFormat();
    if (amount == null) {
      throw new dev.stskit.render.RenderException("a Quantity without an amount cannot be rendered");
    }
    return format == null || format.isEmpty() ? amount : amount + format;
  }

  static String floatLiteral(double d, Object original) {
    if (original instanceof BigDecimal bd) {
      return bd.toString().replace("E", "e");
    }
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    String s = Double.toString(d);
    int e = s.indexOf('E');
    if (e >= 0 && s.charAt(e + 1) != '-') {
      // YAML 1.1 floats need a signed exponent: 1.0E10 would read back as a string
      s = s.substring(0, e) + "e+" + s.substring(e + 1);
    } else if (e >= 0) {
      s = s.substring(0, e) + "e" + s.substring(e + 1);
    }
    return s;
  }

  private void bean(Object bean, TypeInfo ti, Emitter e) {
    boolean resource = applyReady && ti.resource();
    Map<String, Object> extra = ti.additionalProperties(bean);
    boolean hasExtra = extra != null && !extra.isEmpty();
    e.beginMap();
    if (sortedKeys && hasExtra) {
      sortedBean(bean, ti, extra, resource, e);
    } else {
      Prop[] props = sortedKeys ? ti.sortedProps() : ti.props();
      for (Prop p : props) {
        Object v = p.getter.apply(bean);
        if (v == null || (resource && p.isStatus)) {
          continue;
        }
        prop(p, v, e);
      }
      if (hasExtra) {
        extras(extra, resource, e);
      }
    }
    e.endMap();
  }

  private static final char[] API_VERSION = "apiVersion".toCharArray();
  private static final char[] KIND = "kind".toCharArray();
  private static final char[] METADATA = "metadata".toCharArray();

  /** Any other kind: apiVersion, kind, metadata, then its other fields (sorted). */
  private void generic(GenericKubernetesResource g, Emitter e) {
    Map<String, Object> extra = g.getAdditionalProperties();
    String[] keys = extra == null ? new String[0] : sortedKeys(extra);
    e.beginMap();
    if (sortedKeys) {
      java.util.List<String> all = new java.util.ArrayList<>(java.util.Arrays.asList(keys));
      all.add("apiVersion");
      all.add("kind");
      all.add("metadata");
      all.sort(null);
      for (String k : all) {
        genericField(g, k, extra, e);
      }
    } else {
      genericField(g, "apiVersion", extra, e);
      genericField(g, "kind", extra, e);
      genericField(g, "metadata", extra, e);
      for (String k : keys) {
        genericField(g, k, extra, e);
      }
    }
    e.endMap();
  }

  private void genericField(GenericKubernetesResource g, String k, Map<String, Object> extra, Emitter e) {
    switch (k) {
      case "apiVersion":
        if (g.getApiVersion() != null) {
          e.name(API_VERSION);
          e.string(g.getApiVersion());
        }
        return;
      case "kind":
        if (g.getKind() != null) {
          e.name(KIND);
          e.string(g.getKind());
        }
        return;
      case "metadata":
        if (g.getMetadata() != null) {
          e.name(METADATA);
          objectMeta(g.getMetadata(), e);
        }
        return;
      default:
        if (applyReady && k.equals("status")) {
          return;
        }
        e.key(k);
        value(extra.get(k), e);
    }
  }

  /** A property, dispatched on its declared type first (no instanceof chains on the hot path). */
  private void prop(Prop p, Object v, Emitter e) {
    ValueType t = p.valueType;
    switch (t.kind) {
      case STRING:
        if (v instanceof String s) {
          e.name(p.key);
          e.string(s);
          return;
        }
        break;
      case INT:
      case LONG:
        if (v instanceof Integer || v instanceof Long) {
          e.name(p.key);
          e.integer(((Number) v).longValue());
          return;
        }
        break;
      case BOOL:
        if (v instanceof Boolean b) {
          e.name(p.key);
          e.bool(b);
          return;
        }
        break;
      case BEAN:
        e.name(p.key);
        beanValue(v, t, e);
        return;
      case LIST:
        if (v instanceof List<?> l) {
          if (l.isEmpty()) {
            return;
          }
          e.name(p.key);
          ValueType et = t.element;
          e.beginSeq();
          for (int i = 0, n = l.size(); i < n; i++) {
            Object x = l.get(i);
            if (x == null) {
              throw e.refusal(NULL_ELEMENT);
            } else if (et.kind == ValueType.Kind.BEAN) {
              beanValue(x, et, e);
            } else if (et.kind == ValueType.Kind.STRING && x instanceof String s) {
              e.string(s);
            } else {
              value(x, e);
            }
          }
          e.endSeq();
          return;
        }
        break;
      case MAP:
        if (v instanceof Map<?, ?> m && t.element != null && t.element.kind != ValueType.Kind.RAW
            && m.containsValue(null)) {
          throw refuseNullValue(p.key, m, e);
        }
        break;
      default:
        break;
    }
    field(p.key, v, e);
  }

  /** A typed map's null value reads back as the zero value ("" for a label): refused, naming it. */
  private static dev.stskit.render.RenderException refuseNullValue(char[] key, Map<?, ?> m, Emitter e) {
    e.name(key);
    e.beginMap();
    for (String k : sortedKeys(m)) {
      if (m.get(k) == null) {
        e.key(k);
        return e.refusal(NULL_ELEMENT);
      }
    }
    throw new IllegalStateException("no null value");
  }

  /**
   * Why a null element of a typed list or a null value of a typed map is refused: the API server
   * (and {@code ManifestReader}) reads {@code null} there as the type's zero value, so the output
   * would not read back as the object written.
   */
  static final String NULL_ELEMENT = "is null, which reads back as the empty value (\"\", 0 or {}), not as null;"
      + " remove it or set a value";

  private void beanValue(Object v, ValueType t, Emitter e) {
    if (v.getClass() == t.raw) {
      if (v instanceof ObjectMeta meta) {
        objectMeta(meta, e);
      } else {
        bean(v, t.info(), e);
      }
    } else {
      value(v, e);
    }
  }

  private void field(char[] key, Object v, Emitter e) {
    if (v instanceof List<?> l) {
      if (l.isEmpty()) {
        return;
      }
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return;
      }
    } else if (v instanceof IntOrString ios && ios.getValue() == null) {
      return;
    }
    e.name(key);
    value(v, e);
  }

  private void extras(Map<String, Object> extra, boolean resource, Emitter e) {
    String[] keys = sortedKeys(extra);
    for (String k : keys) {
      if (resource && k.equals("status")) {
        continue;
      }
      e.key(k);
      value(extra.get(k), e);
    }
  }

  private void sortedBean(Object bean, TypeInfo ti, Map<String, Object> extra, boolean resource, Emitter e) {
    Prop[] props = ti.sortedProps();
    String[] keys = sortedKeys(extra);
    int i = 0;
    int j = 0;
    while (i < props.length || j < keys.length) {
      if (j >= keys.length || (i < props.length && props[i].name.compareTo(keys[j]) <= 0)) {
        Prop p = props[i++];
        Object v = p.getter.apply(bean);
        if (v != null && !(resource && p.isStatus)) {
          field(p.key, v, e);
        }
      } else {
        String k = keys[j++];
        if (resource && k.equals("status")) {
          continue;
        }
        e.key(k);
        value(extra.get(k), e);
      }
    }
  }

  private static String[] sortedKeys(Map<?, ?> m) {
    String[] keys = new String[m.size()];
    int i = 0;
    for (Object k : m.keySet()) {
      if (!(k instanceof String s)) {
        throw new dev.stskit.render.RenderException("map keys must be strings, found "
            + (k == null ? "a null key" : k instanceof Number ? "the number " + k : k instanceof Boolean ? "the boolean " + k
                : "a key that is not text"));
      }
      keys[i++] = s;
    }
    if (!isSorted(keys)) {
      Arrays.sort(keys);
    }
    return keys;
  }

  private static boolean isSorted(String[] keys) {
    for (int i = 1; i < keys.length; i++) {
      if (keys[i - 1].compareTo(keys[i]) > 0) {
        return false;
      }
    }
    return true;
  }

  /** Writes a map with sorted keys; {@code skipKey} (may be null) is left out. */
  private void map(Map<?, ?> m, Emitter e, String skipKey) {
    e.beginMap();
    if (m.isEmpty()) {
      e.endMap();
      return;
    }
    if (keysAlreadySorted(m)) {
      // the common case (maps the reader made from sorted YAML, or built in order): no copy
      for (Map.Entry<?, ?> entry : m.entrySet()) {
        String k = (String) entry.getKey();
        if (k.equals(skipKey)) {
          continue;
        }
        e.key(k);
        value(entry.getValue(), e);
      }
    } else {
      String[] keys = sortedKeys(m);
      for (String k : keys) {
        if (k.equals(skipKey)) {
          continue;
        }
        e.key(k);
        value(m.get(k), e);
      }
    }
    e.endMap();
  }

  private static boolean keysAlreadySorted(Map<?, ?> m) {
    if (m instanceof java.util.SortedMap<?, ?> || m instanceof java.util.HashMap<?, ?> && !(m instanceof java.util.LinkedHashMap<?, ?>)) {
      return false; // a TreeMap's comparator or a HashMap's order cannot be trusted to be String order
    }
    String prev = null;
    for (Object k : m.keySet()) {
      if (!(k instanceof String s)) {
        return false;
      }
      if (prev != null && prev.compareTo(s) > 0) {
        return false;
      }
      prev = s;
    }
    return true;
  }

  /** ObjectMeta by hand: the apply-ready rules live here, and it is on every object's path. */
  private void objectMeta(ObjectMeta m, Emitter e) {
    if (!applyReady) {
      bean(m, TypeInfo.of(ObjectMeta.class), e);
      return;
    }
    TypeInfo ti = TypeInfo.of(ObjectMeta.class);
    Map<String, Object> extra = ti.additionalProperties(m);
    if (sortedKeys && extra != null && !extra.isEmpty()) {
      // rare: unknown metadata fields and sorted output; strip on a copy
      bean(strippedCopy(m), ti, e);
      return;
    }
    e.beginMap();
    for (Prop p : sortedKeys ? ti.sortedProps() : ti.props()) {
      if (ServerPopulatedFields.isMetadataField(p.name)) {
        continue;
      }
      Object v;
      switch (p.name) {
        case "ownerReferences":
          if (!keepOwnerReferences) {
            continue;
          }
          v = p.getter.apply(m);
          break;
        case "annotations":
          Map<String, String> ann = m.getAnnotations();
          if (ann == null || ann.isEmpty()) {
            continue;
          }
          if (ann.containsKey(LAST_APPLIED)) {
            if (ann.size() == 1) {
              continue;
            }
            e.name(p.key);
            map(ann, e, LAST_APPLIED);
            continue;
          }
          v = ann;
          break;
        default:
          v = p.getter.apply(m);
      }
      if (v instanceof Map<?, ?> mv && mv.containsValue(null)) {
        throw refuseNullValue(p.key, mv, e); // labels, annotations
      }
      if (v != null) {
        field(p.key, v, e);
      }
    }
    if (extra != null && !extra.isEmpty()) {
      extras(extra, false, e);
    }
    e.endMap();
  }

  private ObjectMeta strippedCopy(ObjectMeta m) {
    ObjectMeta c = new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(m).build();
    ServerPopulatedFields.clear(c);
    if (!keepOwnerReferences) {
      c.setOwnerReferences(null);
    }
    if (c.getAnnotations() != null && c.getAnnotations().containsKey(LAST_APPLIED)) {
      Map<String, String> ann = new java.util.LinkedHashMap<>(c.getAnnotations());
      ann.remove(LAST_APPLIED);
      c.setAnnotations(ann);
    }
    return c;
  }

  private void jsonNode(JsonNode node, Emitter e) {
    if (node.isObject()) {
      e.beginMap();
      java.util.List<String> names = new java.util.ArrayList<>(node.propertyNames());
      names.sort(null);
      for (String k : names) {
        e.key(k);
        jsonNode(node.get(k), e);
      }
      e.endMap();
    } else if (node.isArray()) {
      e.beginSeq();
      for (Iterator<JsonNode> it = node.values().iterator(); it.hasNext(); ) {
        jsonNode(it.next(), e);
      }
      e.endSeq();
    } else if (node.isString()) {
      e.string(node.stringValue());
    } else if (node.isBoolean()) {
      e.bool(node.booleanValue());
    } else if (node.isIntegralNumber()) {
      e.number(node.bigIntegerValue().toString());
    } else if (node.isNumber()) {
      e.number(floatLiteral(node.doubleValue(), node.decimalValue()));
    } else if (node.isNull() || node.isMissingNode()) {
      e.nullValue();
    } else {
      throw new dev.stskit.render.RenderException("cannot render a JSON node of type " + node.getNodeType());
    }
  }
}
