package dev.stskit.core.internal;

import com.fasterxml.jackson.annotation.JacksonAnnotation;
import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.internal.GpuRequestJson;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * The spec file written without Jackson databind: the fast path of {@link
 * dev.stskit.core.SpecFiles#writeYaml} and {@code writeJson}.
 *
 * <p>Building Jackson's serializers for the spec's types took most of a cold {@code sts-kit import
 * --spec}. This writer turns the spec into a tree of plain values the way databind's bean
 * serializers would, by reflection over the same annotations ({@code @JsonProperty} accessors, in
 * {@code @JsonPropertyOrder} order and then alphabetically, as Jackson 3 sorts; {@code
 * @JsonInclude} as configured in {@link SpecMapper}; {@code @JsonTypeInfo} ids first; {@code
 * @JsonValue}; map entries sorted by key; the GPU request's own form, {@link
 * GpuRequestJson#write}), and hands the tree to the same token generators ({@link SpecText}), so
 * the bytes are the full writer's. Whatever it does not mirror exactly (an annotation it does not
 * know, a getter Jackson would find by its name, a number type, a YAML string the full writer
 * refuses) makes it give up: {@link #yaml} and {@link #json} return null and the full writer
 * writes. {@code FastSpecWriterTest} and the mutation fuzzer compare the two byte for byte.
 */
public final class FastSpecWriter {
  /** Thrown when the fast path cannot decide; never escapes {@link #yaml} or {@link #json}. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  /** Deeper than this, Jackson's nesting limit may apply: give up well before it. */
  private static final int MAX_DEPTH = 400;

  private static final ClassValue<Object> PLANS = new ClassValue<>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        return plan(type);
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        return GIVE_UP;
      }
    }
  };

  private static final class Holder {
    static final YAMLFactory YAML = SpecText.yamlFactory();
    static final JsonFactory JSON = SpecText.jsonFactory();
  }

  private FastSpecWriter() {}

  /**
   * The spec as YAML, byte for byte what {@link SpecMapper#writeYaml} writes, or null when the full
   * writer must write it.
   *
   * @param spec the spec
   * @return its YAML text, or null
   */
  public static String yaml(StatefulSetSpec spec) {
    return write(spec, true);
  }

  /**
   * The spec as JSON, byte for byte what {@link SpecMapper#writeJson} writes, or null when the full
   * writer must write it.
   *
   * @param spec the spec
   * @return its JSON text, or null
   */
  public static String json(StatefulSetSpec spec) {
    return write(spec, false);
  }

  private static String write(StatefulSetSpec spec, boolean yaml) {
    if (spec == null) {
      return null;
    }
    try {
      Object tree = value(spec, null, 0, yaml);
      StringWriter out = new StringWriter();
      TokenStreamFactory f = yaml ? Holder.YAML : Holder.JSON;
      try (JsonGenerator g = f.createGenerator(yaml ? ObjectWriteContext.empty() : new Indented(), out)) {
        emit(g, tree);
      }
      return yaml ? out.toString() : out + "\n";
    } catch (RuntimeException | LinkageError e) {
      // GiveUp, or anything unexpected: the full writer writes, and reports what is wrong
      return null;
    }
  }

  /** What {@code SerializationFeature.INDENT_OUTPUT} gives the JSON generator: the default pretty printer. */
  private static final class Indented extends ObjectWriteContext.Base {
    @Override
    public PrettyPrinter getPrettyPrinter() {
      return new DefaultPrettyPrinter();
    }

    @Override
    public boolean hasPrettyPrinter() {
      return true;
    }
  }

  // ---- the tree to tokens ----

  private static void emit(JsonGenerator g, Object v) {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer n) {
      g.writeNumber(n.intValue());
    } else if (v instanceof Long n) {
      g.writeNumber(n.longValue());
    } else if (v instanceof Double n) {
      g.writeNumber(n.doubleValue());
    } else if (v instanceof BigInteger n) {
      g.writeNumber(n);
    } else if (v instanceof BigDecimal n) {
      g.writeNumber(n);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeName((String) e.getKey());
        emit(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        emit(g, x);
      }
      g.writeEndArray();
    } else {
      throw GIVE_UP;
    }
  }

  // ---- values to the tree, as databind's serializers would ----

  /**
   * The tree of {@code v}: (null at the root or where Jackson
   * looks at the runtime type only; a list's or map's content type for those) decides a type id.
   */
  private static Object value(Object v, Class<?> declared, int depth, boolean yaml) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    if (v == null || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof BigInteger || v instanceof BigDecimal) {
      return v;
    }
    if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        throw GIVE_UP;
      }
      return d;
    }
    if (v instanceof String s) {
      return string(s, yaml);
    }
    if (v instanceof Map<?, ?> m) {
      return map(m, declared, depth, yaml);
    }
    if (v instanceof Collection<?> c) {
      if (!(c instanceof List<?>)) {
        throw GIVE_UP; // a set's order is its own; the spec has none
      }
      List<Object> out = new ArrayList<>(c.size());
      for (Object x : c) {
        out.add(value(x, declared, depth + 1, yaml)); // a list property's declared type is its elements'
      }
      return out;
    }
    if (v instanceof GpuRequest gpu) {
      // the GPU request's own serializer writes this form (@JsonSerialize(using) on GpuRequest)
      if (declared != null && declared != GpuRequest.class) {
        throw GIVE_UP;
      }
      return checked(GpuRequestJson.write(gpu), yaml);
    }
    if (v instanceof Enum<?> e) {
      return enumName(e);
    }
    if (v.getClass().getName().startsWith("io.fabric8.kubernetes.api.model.")) {
      return fabric8(v, yaml);
    }
    Object plan = PLANS.get(v.getClass());
    if (plan == GIVE_UP) {
      throw GIVE_UP;
    }
    if (plan instanceof Method jsonValue) {
      try {
        return value(jsonValue.invoke(v), null, depth + 1, yaml);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw GIVE_UP;
      }
    }
    return bean(v, (Bean) plan, declared, depth, yaml);
  }

  private static String string(String s, boolean yaml) {
    if (yaml && SpecText.loneHighSurrogate(s) >= 0) {
      throw GIVE_UP; // the full writer refuses it, naming the field
    }
    return s;
  }

  /**
   * A map as {@code ORDER_MAP_ENTRIES_BY_KEYS} writes it: sorted by its keys' natural order (a
   * sorted map, which Jackson keeps in its own order, is not mirrored).
   */
  private static Map<String, Object> map(Map<?, ?> m, Class<?> declared, int depth, boolean yaml) {
    if (m instanceof SortedMap<?, ?>) {
      throw GIVE_UP;
    }
    for (Object k : m.keySet()) {
      if (!(k instanceof String)) {
        throw GIVE_UP;
      }
    }
    Map<?, ?> ordered = new TreeMap<>(m);
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : ordered.entrySet()) {
      out.put(string((String) e.getKey(), yaml), value(e.getValue(), declared, depth + 1, yaml));
    }
    return out;
  }

  /** The GPU form's strings checked as the spec's are (its serializer writes them as they are). */
  private static Map<String, Object> checked(Map<String, Object> form, boolean yaml) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : form.entrySet()) {
      Object v = e.getValue();
      if (v instanceof String s) {
        string(s, yaml);
      } else if (v instanceof List<?> l) {
        for (Object x : l) {
          string((String) x, yaml);
        }
      } else if (!(v instanceof Integer)) {
        throw GIVE_UP;
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  /** An enum constant by its {@code @JsonProperty} name, or its name when {@code toString} is the name. */
  private static String enumName(Enum<?> e) {
    try {
      Field f = e.getDeclaringClass().getField(e.name());
      for (Annotation a : f.getAnnotations()) {
        if (a instanceof JsonProperty p && !p.value().isEmpty()) {
          return p.value();
        }
        if (isJackson(a)) {
          throw GIVE_UP;
        }
      }
    } catch (NoSuchFieldException x) {
      throw GIVE_UP;
    }
    for (Method m : e.getDeclaringClass().getDeclaredMethods()) {
      if (jacksonAnnotated(m)) {
        throw GIVE_UP; // @JsonValue, @JsonCreator: not mirrored here
      }
    }
    if (!e.toString().equals(e.name())) {
      throw GIVE_UP; // Jackson 3 writes such a constant by its toString
    }
    return e.name();
  }

  /** A fabric8 object kept verbatim (a raw volume or env var): its plain view, as Jackson writes it. */
  private static Object fabric8(Object v, boolean yaml) {
    return verbatim(Beans.toWritten(v), 0, yaml);
  }

  private static Object verbatim(Object plain, int depth, boolean yaml) {
    if (depth > MAX_DEPTH) {
      throw GIVE_UP;
    }
    if (plain instanceof String s) {
      return string(s, yaml);
    }
    if (plain instanceof Map<?, ?> m) {
      // a bean's fields in Jackson's order, a map's entries sorted: both as Beans.toWritten gives them
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(string((String) e.getKey(), yaml), verbatim(e.getValue(), depth + 1, yaml));
      }
      return out;
    }
    if (plain instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object x : l) {
        out.add(verbatim(x, depth + 1, yaml));
      }
      return out;
    }
    if (plain == null || plain instanceof Boolean || plain instanceof Integer || plain instanceof Long
        || plain instanceof BigInteger || plain instanceof BigDecimal || plain instanceof Double) {
      return value(plain, null, depth, yaml);
    }
    throw GIVE_UP;
  }

  // ---- beans ----

  /** How Jackson writes one property of a bean. */
  private record Prop(String name, Method getter, Class<?> rawType, Class<?> contentType,
      JsonInclude.Include include, Object filter, boolean suppressNull) {}

  /** A bean class's properties in Jackson's order, and its type id when a base type asks for one. */
  private record Bean(List<Prop> props, String typeName) {}

  private static Object bean(Object v, Bean plan, Class<?> declared, int depth, boolean yaml) {
    Map<String, Object> out = new LinkedHashMap<>();
    JsonTypeInfo info = declared == null ? null : annotation(declared, JsonTypeInfo.class);
    if (info != null) {
      // As.PROPERTY: the type id is the object's first property
      String property = typeProperty(declared, info);
      if (plan.typeName() == null || !subtypeNamed(declared, v.getClass(), plan.typeName())) {
        throw GIVE_UP;
      }
      out.put(property, plan.typeName());
    } else if (annotation(v.getClass(), JsonTypeInfo.class) != null) {
      throw GIVE_UP; // a type id the declared type does not ask for: not mirrored
    }
    for (Prop p : plan.props()) {
      Object x;
      try {
        x = p.getter().invoke(v);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw GIVE_UP;
      }
      if (x instanceof Optional<?> o) {
        if (o.isEmpty()) {
          if (p.include() == JsonInclude.Include.ALWAYS || p.include() == JsonInclude.Include.NON_NULL) {
            throw GIVE_UP;
          }
          continue; // absent: NON_ABSENT and stricter leave it out
        }
        x = o.get();
      } else if (x instanceof OptionalInt o) {
        if (o.isEmpty()) {
          if (p.include() == JsonInclude.Include.ALWAYS || p.include() == JsonInclude.Include.NON_NULL) {
            throw GIVE_UP;
          }
          continue;
        }
        x = o.getAsInt();
      } else if (x instanceof OptionalLong o) {
        if (o.isEmpty()) {
          if (p.include() == JsonInclude.Include.ALWAYS || p.include() == JsonInclude.Include.NON_NULL) {
            throw GIVE_UP;
          }
          continue;
        }
        x = o.getAsLong();
      }
      if (!included(p, x)) {
        continue;
      }
      out.put(p.name(), value(x, p.contentType(), depth + 1, yaml));
    }
    return out;
  }

  private static boolean included(Prop p, Object x) {
    if (x == null) {
      return !p.suppressNull();
    }
    switch (p.include()) {
      case ALWAYS:
      case NON_NULL:
      case NON_ABSENT:
        return true;
      case NON_EMPTY:
        if (x instanceof Collection<?> c) {
          return !c.isEmpty();
        }
        if (x instanceof Map<?, ?> m) {
          return !m.isEmpty();
        }
        if (x instanceof String s) {
          return !s.isEmpty();
        }
        throw GIVE_UP;
      case NON_DEFAULT:
        if (x instanceof Boolean b) {
          return b;
        }
        if (x instanceof Integer n) {
          return n != 0;
        }
        if (x instanceof Long n) {
          return n != 0L;
        }
        throw GIVE_UP;
      case CUSTOM:
        return !p.filter().equals(x);
      default:
        throw GIVE_UP;
    }
  }

  private static String typeProperty(Class<?> base, JsonTypeInfo info) {
    if (info.use() != JsonTypeInfo.Id.NAME || info.include() != JsonTypeInfo.As.PROPERTY || info.visible()
        || info.property().isEmpty()) {
      throw GIVE_UP;
    }
    return info.property();
  }

  /** Whether the base type's {@code @JsonSubTypes} list exactly one subtype of {@code c}, under {@code name}. */
  private static boolean subtypeNamed(Class<?> base, Class<?> c, String name) {
    JsonSubTypes subTypes = annotation(base, JsonSubTypes.class);
    if (subTypes == null) {
      return false;
    }
    String found = null;
    for (JsonSubTypes.Type t : subTypes.value()) {
      if (t.value().isAssignableFrom(c)) {
        if (found != null || t.names().length > 0) {
          return false;
        }
        found = t.name().isEmpty() ? name : t.name();
      }
    }
    return name.equals(found);
  }

  /**
   * What Jackson writes for values of class {@code c}: a {@link Bean} plan, the {@code @JsonValue}
   * method, or (by exception) nothing this writer mirrors.
   */
  private static Object plan(Class<?> c) throws ReflectiveOperationException {
    List<Class<?>> types = supertypes(c);
    Method jsonValue = null;
    for (Class<?> t : types) {
      for (Annotation a : t.getDeclaredAnnotations()) {
        if (isJackson(a) && !(a instanceof JsonPropertyOrder || a instanceof JsonTypeInfo
            || a instanceof JsonSubTypes || a instanceof JsonTypeName || a instanceof JsonDeserialize
            || a instanceof JsonSerialize s && s.using() == tools.jackson.databind.ValueSerializer.None.class
                && s.contentUsing() == tools.jackson.databind.ValueSerializer.None.class
                && s.keyUsing() == tools.jackson.databind.ValueSerializer.None.class
                && s.contentAs() == Void.class && s.keyAs() == Void.class
                && (s.as() == Void.class || s.as().isAssignableFrom(c)))) {
          throw GIVE_UP;
        }
      }
      for (Field f : t.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        if (Modifier.isPublic(f.getModifiers()) || jacksonAnnotated(f)) {
          throw GIVE_UP; // Jackson would write or rename through it
        }
      }
      for (Method m : t.getDeclaredMethods()) {
        if (m.isAnnotationPresent(JsonValue.class)) {
          if (jsonValue != null && !jsonValue.getName().equals(m.getName())) {
            throw GIVE_UP;
          }
          if (jsonValue == null) {
            jsonValue = m;
          }
        }
      }
    }
    if (jsonValue != null) {
      JsonValue jv = jsonValue.getAnnotation(JsonValue.class);
      if (!jv.value() || jsonValue.getParameterCount() != 0 || Modifier.isStatic(jsonValue.getModifiers())) {
        throw GIVE_UP;
      }
      for (Class<?> t : types) {
        for (Method m : t.getDeclaredMethods()) {
          if (!m.getName().equals(jsonValue.getName()) && !Modifier.isStatic(m.getModifiers())
              && jacksonAnnotatedBesides(m, Set.of(com.fasterxml.jackson.annotation.JsonCreator.class))) {
            throw GIVE_UP;
          }
        }
      }
      jsonValue.setAccessible(true);
      return jsonValue;
    }
    return beanPlan(c, types);
  }

  private static Bean beanPlan(Class<?> c, List<Class<?>> types) throws ReflectiveOperationException {
    // every non-static method Jackson may look at, by name (properties are zero-argument methods)
    Map<String, List<Method>> declarations = new LinkedHashMap<>();
    for (Class<?> t : types) {
      for (Method m : t.getDeclaredMethods()) {
        if (Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
          continue;
        }
        if (m.getParameterCount() > 0) {
          if (jacksonAnnotated(m)) {
            throw GIVE_UP; // a setter or any-setter with annotations: not mirrored
          }
          continue;
        }
        declarations.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
      }
    }
    Map<String, Prop> byName = new LinkedHashMap<>();
    for (Map.Entry<String, List<Method>> d : declarations.entrySet()) {
      JsonProperty property = null;
      JsonInclude include = null;
      boolean ignored = false;
      for (Method m : d.getValue()) {
        for (Annotation a : m.getDeclaredAnnotations()) {
          if (a instanceof JsonProperty p) {
            if (property != null && !property.equals(p)) {
              throw GIVE_UP;
            }
            property = p;
          } else if (a instanceof JsonInclude i) {
            if (include != null && !include.equals(i)) {
              throw GIVE_UP;
            }
            include = i;
          } else if (a instanceof JsonIgnore i) {
            if (!i.value()) {
              throw GIVE_UP;
            }
            ignored = true;
          } else if (a instanceof JsonDeserialize) {
            continue; // reading only
          } else if (isJackson(a)) {
            throw GIVE_UP;
          }
        }
      }
      String name = d.getKey();
      Method getter;
      try {
        getter = c.getMethod(name);
      } catch (NoSuchMethodException notPublic) {
        if (property != null || include != null || ignored) {
          throw GIVE_UP; // a property through a non-public method: not mirrored
        }
        continue;
      }
      if (ignored) {
        if (property != null) {
          throw GIVE_UP;
        }
        continue;
      }
      if (property == null) {
        if (Modifier.isPublic(getter.getModifiers()) && getter.getReturnType() != void.class
            && looksLikeGetter(name, getter.getReturnType()) && !name.equals("getClass")) {
          throw GIVE_UP; // Jackson would find it by its name
        }
        continue;
      }
      if (property.index() != JsonProperty.INDEX_UNKNOWN || property.access() == JsonProperty.Access.WRITE_ONLY
          || !property.defaultValue().isEmpty() || getter.getReturnType() == void.class
          || !Modifier.isPublic(getter.getModifiers())) {
        throw GIVE_UP;
      }
      String external = property.value().isEmpty() ? name : property.value();
      if (byName.containsKey(external)) {
        throw GIVE_UP;
      }
      getter.setAccessible(true);
      byName.put(external, prop(external, getter, include));
    }
    // @JsonPropertyOrder's names first, then the rest alphabetically (Jackson 3 sorts by default)
    JsonPropertyOrder order = annotation(c, JsonPropertyOrder.class);
    List<Prop> props = new ArrayList<>();
    Map<String, Prop> rest = new TreeMap<>(byName);
    if (order != null) {
      if (order.alphabetic()) {
        throw GIVE_UP;
      }
      for (String n : order.value()) {
        Prop p = rest.remove(n);
        if (p != null) {
          props.add(p);
        } else if (rest.values().stream().anyMatch(q -> q.getter().getName().equals(n))) {
          throw GIVE_UP; // Jackson also matches a property's method name: not mirrored
        }
      }
    }
    props.addAll(rest.values());
    JsonTypeName typeName = annotation(c, JsonTypeName.class);
    return new Bean(List.copyOf(props), typeName == null || typeName.value().isEmpty() ? null : typeName.value());
  }

  private static boolean looksLikeGetter(String name, Class<?> type) {
    return name.startsWith("get") && name.length() > 3
        || name.startsWith("is") && name.length() > 2 && (type == boolean.class || type == Boolean.class);
  }

  /** The property as the spec's mappers include it: NON_ABSENT, NON_EMPTY for lists and maps, then its {@code @JsonInclude}. */
  private static Prop prop(String name, Method getter, JsonInclude annotated) throws ReflectiveOperationException {
    Class<?> raw = getter.getReturnType();
    Type generic = getter.getGenericReturnType();
    JsonInclude.Include include = raw == List.class || raw == Map.class ? JsonInclude.Include.NON_EMPTY
        : JsonInclude.Include.NON_ABSENT;
    if (Collection.class.isAssignableFrom(raw) && raw != List.class || Map.class.isAssignableFrom(raw) && raw != Map.class
        || raw.isArray() || raw == float.class || raw == double.class || raw == short.class || raw == byte.class
        || raw == char.class) {
      throw GIVE_UP;
    }
    Object filter = null;
    if (annotated != null) {
      // content inclusion applies to what a list, map or optional holds: not mirrored for those
      boolean container = raw == List.class || raw == Map.class || raw == Optional.class
          || raw == OptionalInt.class || raw == OptionalLong.class;
      if (container && annotated.content() != JsonInclude.Include.USE_DEFAULTS
          || annotated.contentFilter() != Void.class) {
        throw GIVE_UP;
      }
      if (annotated.value() != JsonInclude.Include.USE_DEFAULTS) {
        include = annotated.value();
      }
      if (include == JsonInclude.Include.CUSTOM) {
        if (annotated.valueFilter() == Void.class) {
          throw GIVE_UP;
        }
        Constructor<?> make = annotated.valueFilter().getDeclaredConstructor();
        make.setAccessible(true);
        filter = make.newInstance();
      } else if (include == JsonInclude.Include.NON_DEFAULT) {
        if (raw != boolean.class && raw != int.class && raw != long.class) {
          throw GIVE_UP;
        }
      } else if (include == JsonInclude.Include.NON_EMPTY) {
        if (raw != List.class && raw != Map.class && raw != String.class) {
          throw GIVE_UP;
        }
      } else if (include != JsonInclude.Include.NON_ABSENT && include != JsonInclude.Include.NON_NULL
          && include != JsonInclude.Include.ALWAYS) {
        throw GIVE_UP;
      }
    }
    boolean suppressNull = include != JsonInclude.Include.ALWAYS
        && (include != JsonInclude.Include.CUSTOM || filter.equals(null));
    return new Prop(name, getter, raw, contentType(generic), include, filter, suppressNull);
  }

  /**
   * The declared class of what a property holds, whose {@code @JsonTypeInfo} decides a type id:
   * the type itself, an optional's or list's content, a map's values.
   */
  private static Class<?> contentType(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
      Type[] args = pt.getActualTypeArguments();
      Type content = raw == Optional.class || raw == List.class ? args[0] : raw == Map.class ? args[1] : null;
      if (content instanceof Class<?> c) {
        return c;
      }
      if (content instanceof ParameterizedType inner && inner.getRawType() instanceof Class<?> c
          && annotation(c, JsonTypeInfo.class) == null) {
        return null;
      }
    }
    throw GIVE_UP;
  }

  /**
   * The class and its supertypes in the order Jackson resolves class annotations: the class, then
   * depth first its interfaces in declaration order, then its superclass.
   */
  private static List<Class<?>> supertypes(Class<?> c) {
    Set<Class<?>> out = new LinkedHashSet<>();
    addSupertypes(c, out);
    out.remove(Object.class);
    return new ArrayList<>(out);
  }

  private static void addSupertypes(Class<?> c, Set<Class<?>> out) {
    if (c == null || !out.add(c)) {
      return;
    }
    for (Class<?> i : c.getInterfaces()) {
      addSupertypes(i, out);
    }
    addSupertypes(c.getSuperclass(), out);
  }

  /** The class annotation Jackson sees on {@code c}: the nearest in {@link #supertypes} order. */
  private static <A extends Annotation> A annotation(Class<?> c, Class<A> type) {
    for (Class<?> t : supertypes(c)) {
      A a = t.getDeclaredAnnotation(type);
      if (a != null) {
        return a;
      }
    }
    return null;
  }

  private static boolean isJackson(Annotation a) {
    Class<? extends Annotation> t = a.annotationType();
    return t.isAnnotationPresent(JacksonAnnotation.class) || t.isAnnotationPresent(JacksonAnnotationsInside.class)
        || t.getName().startsWith("com.fasterxml.jackson.") || t.getName().startsWith("tools.jackson.");
  }

  private static boolean jacksonAnnotated(java.lang.reflect.AnnotatedElement e) {
    for (Annotation a : e.getDeclaredAnnotations()) {
      if (isJackson(a)) {
        return true;
      }
    }
    return false;
  }

  private static boolean jacksonAnnotatedBesides(Method m, Set<Class<? extends Annotation>> allowed) {
    for (Annotation a : m.getDeclaredAnnotations()) {
      if (isJackson(a) && !allowed.contains(a.annotationType())) {
        return true;
      }
    }
    return false;
  }
}
