package dev.stskit.core.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.internal.GpuRequestJson;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * The spec file read without Jackson databind: the fast path of {@link dev.stskit.core.SpecFiles}.
 *
 * <p>Building Jackson's deserializers for the spec's types takes most of a cold {@code sts-kit
 * render} (about 0.25 s of 0.5 on two cores; bench/README.md, "Cold start"). This reader takes the
 * same tokens ({@link SpecSyntax}) as plain values and binds them the way the full reader ({@link
 * SpecMapper}) does, through the same Immutables {@code fromJson} creators, {@code @JsonCreator}
 * factories and {@code @JsonSubTypes} names, found by reflection. It only decides what it is sure
 * of: a file that reads clean with exact types. Anything else (an error of any kind, an unknown
 * field, a coercion such as {@code replicas: "3"}, a null, an alias, {@code 010}) makes it give up,
 * and the full reader reads the file and reports its errors with lines and paths. So it accepts
 * nothing the full reader refuses, and what it accepts reads equal ({@code FastSpecReaderTest}, and
 * the mutation fuzzer compares the two on every input).
 */
public final class FastSpecReader {
  /** Thrown when the fast path cannot decide; never escapes {@link #tryRead}. */
  private static final class GiveUp extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GiveUp() {
      super(null, null, false, false);
    }
  }

  private static final GiveUp GIVE_UP = new GiveUp();

  private static final TokenStreamFactory YAML = SpecSyntax.yaml().build();
  private static final TokenStreamFactory JSON = SpecSyntax.json().build();

  /** {@code 010}, {@code -007}, {@code 0o17}: integers YAML readers read differently (the full reader refuses them). */
  private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?(0[0-9_]+|0o[0-7_]+)");

  private static final Map<Class<?>, Binding> BINDINGS = new ConcurrentHashMap<>();

  private FastSpecReader() {}

  /**
   * The spec of {@code text}, or null when the full reader must read it (an error, or something
   * this reader does not decide).
   *
   * @param text a spec file's text
   * @return the spec, equal to what the full reader reads, or null
   */
  public static StatefulSetSpec tryRead(String text) {
    if (text.length() > SpecSyntax.MAX_INPUT_CHARS) {
      return null;
    }
    try {
      Object root = parse(text);
      if (!(root instanceof Map)) {
        return null;
      }
      return (StatefulSetSpec) bind(root, StatefulSetSpec.class);
    } catch (RuntimeException | LinkageError e) {
      // GiveUp, a tokenizer error, a value check of the spec: all the full reader's to report
      return null;
    }
  }

  // ---- tokens to plain values ----

  private static Object parse(String text) {
    TokenStreamFactory f = SpecSyntax.isJson(text) ? JSON : YAML;
    try (JsonParser p = f.createParser(ObjectReadContext.empty(), text)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_OBJECT) {
        throw GIVE_UP;
      }
      Object root = value(p, t);
      if (p.nextToken() != null) {
        throw GIVE_UP; // a second document or trailing tokens
      }
      return root;
    }
  }

  /** The plain value at token {@code t}: maps, lists, strings, numbers, booleans, null. */
  private static Object value(JsonParser p, JsonToken t) {
    if (p instanceof YAMLParser y && y.isCurrentAlias()) {
      throw GIVE_UP;
    }
    switch (t) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          if (k != JsonToken.PROPERTY_NAME) {
            throw GIVE_UP;
          }
          String name = p.currentName();
          Object v = value(p, p.nextToken());
          if (map.containsKey(name)) {
            throw GIVE_UP;
          }
          map.put(name, v);
        }
        return map;
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          list.add(value(p, e));
        }
        return list;
      }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT: {
        if (LEADING_ZERO.matcher(p.getString()).matches()) {
          throw GIVE_UP;
        }
        return p.getNumberValue();
      }
      case VALUE_NUMBER_FLOAT: {
        Number n = p.getNumberValue();
        if (!(n instanceof Double d) || d.isNaN() || d.isInfinite()) {
          throw GIVE_UP;
        }
        return d;
      }
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw GIVE_UP; // binary, embedded objects
    }
  }

  // ---- plain values to the spec's types ----

  private static Object bind(Object v, Type type) {
    if (type instanceof ParameterizedType pt) {
      Class<?> raw = (Class<?>) pt.getRawType();
      Type[] args = pt.getActualTypeArguments();
      if (raw == Optional.class) {
        return v == null ? Optional.empty() : Optional.of(bindNonNull(v, args[0]));
      }
      if (raw == List.class) {
        if (!(v instanceof List<?> in)) {
          throw GIVE_UP;
        }
        List<Object> out = new ArrayList<>(in.size());
        for (Object e : in) {
          out.add(bindNonNull(e, args[0]));
        }
        return out;
      }
      if (raw == Map.class && args[0] == String.class) {
        if (!(v instanceof Map<?, ?> in)) {
          throw GIVE_UP;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : in.entrySet()) {
          out.put((String) e.getKey(), args[1] == Object.class ? e.getValue() : bindNonNull(e.getValue(), args[1]));
        }
        return out;
      }
      throw GIVE_UP;
    }
    if (type == OptionalInt.class) {
      return v == null ? OptionalInt.empty() : OptionalInt.of(intValue(v));
    }
    if (type == OptionalLong.class) {
      return v == null ? OptionalLong.empty() : OptionalLong.of(longValue(v));
    }
    return bindNonNull(v, type);
  }

  private static Object bindNonNull(Object v, Type type) {
    if (v == null || !(type instanceof Class<?> c)) {
      throw GIVE_UP;
    }
    if (c == String.class) {
      if (v instanceof String s) {
        return s;
      }
      throw GIVE_UP;
    }
    if (c == int.class || c == Integer.class) {
      return intValue(v);
    }
    if (c == long.class || c == Long.class) {
      return longValue(v);
    }
    if (c == boolean.class || c == Boolean.class) {
      if (v instanceof Boolean b) {
        return b;
      }
      throw GIVE_UP;
    }
    if (c == Object.class) {
      return v;
    }
    if (c.getName().startsWith("io.fabric8.kubernetes.api.model.")) {
      // a Kubernetes object kept verbatim (a raw volume or env var): fabric8's bean, as Jackson
      // would decode it, by reflection (Beans)
      return Beans.convert(v, c, "");
    }
    return binding(c).bind(v);
  }

  private static int intValue(Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    throw GIVE_UP;
  }

  private static long longValue(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    throw GIVE_UP;
  }

  /** How a plain value becomes an object of a class of the spec. */
  private interface Binding {
    Object bind(Object plain);
  }

  private static Binding binding(Class<?> c) {
    Binding b = BINDINGS.get(c);
    if (b == null) {
      b = BINDINGS.computeIfAbsent(c, FastSpecReader::bindingOf);
    }
    return b;
  }

  private static Binding bindingOf(Class<?> c) {
    if (c == GpuRequest.class) {
      // the GPU request's own reader, the one Jackson's deserializer calls too
      return GpuRequestJson::read;
    }
    if (c.isEnum()) {
      return enumBinding(c);
    }
    JsonTypeInfo info = c.getAnnotation(JsonTypeInfo.class);
    if (info != null) {
      return subtypeBinding(c, info);
    }
    JsonDeserialize d = c.getAnnotation(JsonDeserialize.class);
    if (d != null && d.using() != tools.jackson.databind.ValueDeserializer.None.class) {
      return giveUp();
    }
    Class<?> target = d != null && d.as() != Void.class ? d.as() : c;
    Binding bean = beanBinding(target);
    if (bean != null) {
      return bean;
    }
    Binding creators = creatorBinding(c);
    return creators != null ? creators : giveUp();
  }

  private static Binding giveUp() {
    return plain -> {
      throw GIVE_UP;
    };
  }

  /** Enum constants by their {@code @JsonProperty} names (or their names, when {@code toString} is the name). */
  private static Binding enumBinding(Class<?> c) {
    Map<String, Object> byName = new HashMap<>();
    for (Object constant : c.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      JsonProperty p;
      try {
        p = c.getField(name).getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException e) {
        return giveUp();
      }
      if (p != null && !p.value().isEmpty()) {
        byName.put(p.value(), constant);
      } else if (constant.toString().equals(name)) {
        byName.put(name, constant);
      } else {
        return giveUp(); // Jackson 3 reads such a constant by its toString
      }
    }
    return plain -> {
      Object constant = plain instanceof String s ? byName.get(s) : null;
      if (constant == null) {
        throw GIVE_UP;
      }
      return constant;
    };
  }

  /** A {@code @JsonTypeInfo(use = NAME, include = PROPERTY)} type: the subtype its type property names. */
  private static Binding subtypeBinding(Class<?> c, JsonTypeInfo info) {
    JsonSubTypes subTypes = c.getAnnotation(JsonSubTypes.class);
    if (info.use() != JsonTypeInfo.Id.NAME || info.include() != JsonTypeInfo.As.PROPERTY || info.visible()
        || subTypes == null || info.defaultImpl() != JsonTypeInfo.class) {
      return giveUp();
    }
    String property = info.property().isEmpty() ? "@type" : info.property();
    Map<String, Class<?>> byName = new HashMap<>();
    for (JsonSubTypes.Type t : subTypes.value()) {
      String name = t.name();
      if (name.isEmpty()) {
        JsonTypeName n = t.value().getAnnotation(JsonTypeName.class);
        if (n == null || n.value().isEmpty()) {
          return giveUp();
        }
        name = n.value();
      }
      if (t.names().length > 0) {
        return giveUp();
      }
      byName.put(name, t.value());
    }
    return plain -> {
      if (!(plain instanceof Map<?, ?> m) || !(m.get(property) instanceof String id) || !byName.containsKey(id)) {
        throw GIVE_UP;
      }
      Map<Object, Object> rest = new LinkedHashMap<>(m);
      rest.remove(property);
      return binding(byName.get(id)).bind(rest);
    };
  }

  /**
   * An Immutables type: its generated {@code Json} holder filled through its {@code @JsonProperty}
   * setters, then the type's {@code fromJson} (the builder, with the type's checks), as Jackson does.
   */
  private static Binding beanBinding(Class<?> target) {
    Class<?> json = null;
    for (Class<?> nested : target.getDeclaredClasses()) {
      if (nested.getSimpleName().equals("Json")) {
        json = nested;
      }
    }
    if (json == null) {
      return null;
    }
    Method fromJson;
    Constructor<?> make;
    try {
      fromJson = target.getDeclaredMethod("fromJson", json);
      make = json.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      return null;
    }
    if (!Modifier.isStatic(fromJson.getModifiers())) {
      return null;
    }
    fromJson.setAccessible(true);
    make.setAccessible(true);
    Map<String, Setter> setters = new HashMap<>();
    for (Method m : json.getDeclaredMethods()) {
      JsonProperty p = m.getAnnotation(JsonProperty.class);
      if (p != null && m.getParameterCount() == 1 && m.getName().startsWith("set")) {
        m.setAccessible(true);
        setters.put(p.value(), setter(m));
      }
    }
    return plain -> {
      if (!(plain instanceof Map<?, ?> m)) {
        throw GIVE_UP;
      }
      try {
        Object holder = make.newInstance();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          Setter setter = setters.get((String) e.getKey());
          if (setter == null) {
            throw GIVE_UP; // unknown (or ignored) field: the full reader says which
          }
          setter.method().invoke(holder, setter.bind(e.getValue()));
        }
        return fromJson.invoke(null, holder);
      } catch (ReflectiveOperationException e) {
        throw GIVE_UP; // a value check of the type: the full reader reports it with its path
      }
    };
  }

  /**
   * A property setter of an Immutables {@code Json} holder, with its type and its
   * {@code @JsonDeserialize(using = …)} read once, when the binding is made: {@code command} and
   * {@code args} take one string as a command line (as {@link CommandLineDeserializer} does); any
   * other custom deserializer is the full reader's.
   */
  private record Setter(Method method, Type type, boolean commandLine, boolean custom) {
    Object bind(Object v) {
      if (custom) {
        throw GIVE_UP;
      }
      if (commandLine && v instanceof String s) {
        return dev.stskit.core.CommandLine.split(s);
      }
      return FastSpecReader.bind(v, type);
    }
  }

  private static Setter setter(Method m) {
    JsonDeserialize d = m.getAnnotation(JsonDeserialize.class);
    boolean commandLine = d != null && d.using() == CommandLineDeserializer.class;
    return new Setter(m, m.getGenericParameterTypes()[0], commandLine, d != null && !commandLine);
  }

  /** A value type made by its static {@code @JsonCreator} factories (one per kind of scalar). */
  private static Binding creatorBinding(Class<?> c) {
    Method ofString = null;
    Method ofLong = null;
    Method ofDouble = null;
    Method ofObject = null;
    for (Method m : c.getDeclaredMethods()) {
      JsonCreator jc = m.getAnnotation(JsonCreator.class);
      if (jc == null || !Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1
          || jc.mode() == JsonCreator.Mode.PROPERTIES) {
        continue;
      }
      m.setAccessible(true);
      Class<?> p = m.getParameterTypes()[0];
      if (p == String.class) {
        ofString = m;
      } else if (p == long.class) {
        ofLong = m;
      } else if (p == double.class) {
        ofDouble = m;
      } else if (p == Object.class && jc.mode() == JsonCreator.Mode.DELEGATING) {
        ofObject = m;
      } else {
        return null;
      }
    }
    if (ofObject != null && (ofString != null || ofLong != null || ofDouble != null)) {
      return null;
    }
    Method s = ofString;
    Method l = ofLong;
    Method d = ofDouble;
    Method o = ofObject;
    if (s == null && l == null && d == null && o == null) {
      return null;
    }
    return plain -> {
      try {
        if (o != null) {
          if (plain instanceof Map || plain instanceof List || plain instanceof Boolean || plain instanceof Double
              || plain instanceof BigInteger) {
            throw GIVE_UP;
          }
          return o.invoke(null, plain);
        }
        if (plain instanceof String && s != null) {
          return s.invoke(null, plain);
        }
        if ((plain instanceof Integer || plain instanceof Long) && l != null) {
          return l.invoke(null, ((Number) plain).longValue());
        }
        if (plain instanceof Double && d != null) {
          return d.invoke(null, plain);
        }
      } catch (ReflectiveOperationException e) {
        throw GIVE_UP;
      }
      throw GIVE_UP;
    };
  }
}
