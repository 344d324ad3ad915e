package dev.stskit.render.internal;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the renderer and the reader know about one fabric8 model class: its JSON properties in
 * Kubernetes' Go struct order (from {@link GoFieldOrder}), each with a fast getter and setter, and
 * its any-getter/any-setter for the unknown fields fabric8 keeps in {@code additionalProperties}.
 *
 * <p>Built once per class (a {@link ClassValue}) and immutable afterwards, so it is shared by every
 * renderer and reader on every thread.
 */
public final class TypeInfo {

  private static final ClassValue<TypeInfo> CACHE = new ClassValue<>() {
    @Override
    protected TypeInfo computeValue(Class<?> type) {
      return new TypeInfo(type);
    }
  };

  /** Returns the (cached) type information of a fabric8 model class. */
  public static TypeInfo of(Class<?> type) {
    return CACHE.get(type);
  }

  /** The properties a fabric8 model class orders first (its {@code @JsonPropertyOrder}'s head). */
  static final List<String> MODEL_FIRST = List.of("apiVersion", "kind", "metadata");

  private final Class<?> type;
  private final Prop[] goOrder;
  private final Prop[] sortedOrder;
  private final Map<String, Prop> byName;
  private final Function<Object, Object> anyGetter;
  private final BiConsumer<Object, Object[]> anySetter;
  private final Supplier<Object> constructor;
  private final boolean hasGoOrder;
  private final boolean resource;
  private final List<String> unorderedProperties;

  private TypeInfo(Class<?> type) {
    this.type = type;
    this.resource = io.fabric8.kubernetes.api.model.HasMetadata.class.isAssignableFrom(type);
    Map<String, Method> getters = new LinkedHashMap<>();
    Map<String, Method> setters = new HashMap<>();
    Method any = null;
    Method anySet = null;
    for (Method m : type.getMethods()) {
      if (Modifier.isStatic(m.getModifiers()) || m.isBridge()) {
        continue;
      }
      JsonProperty jp = m.getAnnotation(JsonProperty.class);
      if (jp != null) {
        if (m.getParameterCount() == 0 && m.getReturnType() != void.class) {
          getters.put(jp.value(), m);
        } else if (m.getParameterCount() == 1) {
          setters.put(jp.value(), m);
        }
      }
      if (m.isAnnotationPresent(JsonAnyGetter.class) && m.getParameterCount() == 0) {
        any = m;
      }
      if (m.isAnnotationPresent(JsonAnySetter.class) && m.getParameterCount() == 2) {
        anySet = m;
      }
    }
    List<String> order = GoFieldOrder.orderOf(type.getSimpleName());
    this.hasGoOrder = order != null && type.getName().startsWith("io.fabric8.kubernetes.api.model.");
    List<String> names = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    if (hasGoOrder) {
      for (String n : order) {
        if (getters.containsKey(n)) {
          names.add(n);
        }
      }
      for (String n : getters.keySet()) {
        if (!order.contains(n)) {
          missing.add(n);
        }
      }
    } else {
      // a fabric8 model class's @JsonPropertyOrder is apiVersion, kind, metadata, then the rest by
      // name (OrderTableTest checks every model class on the class path): it is not read, since
      // reading a class annotation parses them all, and theirs load Jackson databind's JsonDeserialize
      boolean model = type.getName().startsWith("io.fabric8.kubernetes.api.model.");
      JsonPropertyOrder jpo = model ? null : type.getAnnotation(JsonPropertyOrder.class);
      if (model || jpo != null) {
        for (String n : model ? MODEL_FIRST : List.of(jpo.value())) {
          if (getters.containsKey(n) && !names.contains(n)) {
            names.add(n);
          }
        }
      }
      List<String> rest = new ArrayList<>(getters.keySet());
      rest.removeAll(names);
      rest.sort(Comparator.naturalOrder());
      names.addAll(rest);
    }
    // properties the Go table does not place still render (after the ordered ones), so nothing is
    // lost; OrderTableTest makes sure the list stays empty for every type a StatefulSet can hold
    missing.sort(Comparator.naturalOrder());
    names.addAll(missing);
    this.unorderedProperties = List.copyOf(missing);

    Prop[] props = new Prop[names.size()];
    Map<String, Prop> index = new HashMap<>();
    for (int i = 0; i < props.length; i++) {
      String n = names.get(i);
      Method g = getters.get(n);
      Method s = setters.get(n);
      props[i] = new Prop(n, ValueType.of(g.getGenericReturnType()), Accessors.getter(g),
          s == null ? null : Accessors.setter(s));
      index.put(n, props[i]);
    }
    this.goOrder = props;
    this.sortedOrder = props.clone();
    Arrays.sort(sortedOrder, Comparator.comparing(p -> p.name));
    this.byName = Map.copyOf(index);
    this.anyGetter = any == null ? null : Accessors.getter(any);
    this.anySetter = anySet == null ? null : Accessors.anySetter(anySet);
    this.constructor = Accessors.constructor(type);
  }

  public Class<?> type() {
    return type;
  }

  /** Properties in Go struct order (or fabric8's order for classes outside the table). */
  public Prop[] props() {
    return goOrder;
  }

  /** Properties in alphabetical order. */
  public Prop[] sortedProps() {
    return sortedOrder;
  }

  public Prop prop(String jsonName) {
    return byName.get(jsonName);
  }

  public boolean hasGoOrder() {
    return hasGoOrder;
  }

  /** Properties of the class that the Go order table does not mention (should be empty). */
  public List<String> unorderedProperties() {
    return unorderedProperties;
  }

  /** The unknown fields fabric8 kept for this object, or {@code null}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> additionalProperties(Object bean) {
    return anyGetter == null ? null : (Map<String, Object>) anyGetter.apply(bean);
  }

  /**
   * Whether the type is a top-level resource ({@code HasMetadata}), decided once: an
   * {@code instanceof} against an interface the object does not implement scans its secondary
   * supertypes on every call, and the walker asks it of every bean.
   */
  public boolean resource() {
    return resource;
  }

  public boolean acceptsAdditionalProperties() {
    return anySetter != null;
  }

  /**
   * Whether Kubernetes keeps this object's content as raw JSON that strict decoding never looks
   * into: {@code metav1.FieldsV1} ({@code FieldsV1{Raw []byte}} with its own {@code UnmarshalJSON},
   * k8s.io/apimachinery pkg/apis/meta/v1/types.go), the {@code fieldsV1} of every managed-fields
   * entry. Its keys ({@code f:spec}, …) are content, not fields.
   */
  public boolean opaque() {
    return type == io.fabric8.kubernetes.api.model.FieldsV1.class;
  }

  public void setAdditionalProperty(Object bean, String name, Object value) {
    anySetter.accept(bean, new Object[] {name, value});
  }

  public Object newInstance() {
    return constructor.get();
  }

  /** One JSON property of a model class. */
  public static final class Prop {
    final String name;
    final char[] key;
    final ValueType valueType;
    final Function<Object, Object> getter;
    final BiConsumer<Object, Object> setter;
    /** The object's {@code status}, which apply-ready output leaves out. */
    final boolean isStatus;

    Prop(String name, ValueType valueType, Function<Object, Object> getter, BiConsumer<Object, Object> setter) {
      this.name = name;
      this.key = name.toCharArray();
      this.isStatus = name.equals("status");
      this.valueType = valueType;
      this.getter = getter;
      this.setter = setter;
    }

    public String name() {
      return name;
    }

    public ValueType valueType() {
      return valueType;
    }

    public Object get(Object bean) {
      return getter.apply(bean);
    }

    public boolean writable() {
      return setter != null;
    }

    public void set(Object bean, Object value) {
      setter.accept(bean, value);
    }
  }

  /** The declared Java type of a property, reduced to what rendering and binding need. */
  public static final class ValueType {
    /** What kind of value a property holds. */
    public enum Kind { STRING, INT, LONG, BOOL, DOUBLE, QUANTITY, INT_OR_STRING, BEAN, LIST, MAP, RAW }

    final Kind kind;
    final Class<?> raw;
    final ValueType element;
    /** The raw class's TypeInfo, looked up on first use (a benign race: TypeInfo.of is idempotent). */
    private TypeInfo info;

    TypeInfo info() {
      TypeInfo i = info;
      if (i == null) {
        i = TypeInfo.of(raw);
        info = i;
      }
      return i;
    }

    private ValueType(Kind kind, Class<?> raw, ValueType element) {
      this.kind = kind;
      this.raw = raw;
      this.element = element;
    }

    public Kind kind() {
      return kind;
    }

    public Class<?> raw() {
      return raw;
    }

    public ValueType element() {
      return element;
    }

    static ValueType of(Type t) {
      if (t instanceof ParameterizedType p) {
        Class<?> raw = (Class<?>) p.getRawType();
        Type[] args = p.getActualTypeArguments();
        if (List.class.isAssignableFrom(raw)) {
          return new ValueType(Kind.LIST, raw, of(args[0]));
        }
        if (Map.class.isAssignableFrom(raw)) {
          return new ValueType(Kind.MAP, raw, of(args[1]));
        }
        return new ValueType(Kind.RAW, raw, null);
      }
      if (!(t instanceof Class<?> c)) {
        return new ValueType(Kind.RAW, Object.class, null);
      }
      if (c == String.class) {
        return new ValueType(Kind.STRING, c, null);
      }
      if (c == Integer.class || c == int.class) {
        return new ValueType(Kind.INT, c, null);
      }
      if (c == Long.class || c == long.class) {
        return new ValueType(Kind.LONG, c, null);
      }
      if (c == Boolean.class || c == boolean.class) {
        return new ValueType(Kind.BOOL, c, null);
      }
      if (c == Double.class || c == double.class) {
        return new ValueType(Kind.DOUBLE, c, null);
      }
      if (c == Quantity.class) {
        return new ValueType(Kind.QUANTITY, c, null);
      }
      if (c == IntOrString.class) {
        return new ValueType(Kind.INT_OR_STRING, c, null);
      }
      if (c.getName().startsWith("io.fabric8.") && !c.isInterface()
          && !Modifier.isAbstract(c.getModifiers())) {
        return new ValueType(Kind.BEAN, c, null);
      }
      return new ValueType(Kind.RAW, c, null);
    }
  }

  /** Getters and setters as plain functional objects (LambdaMetafactory), with a reflective fallback. */
  static final class Accessors {
    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private Accessors() {}

    @SuppressWarnings("unchecked")
    static Function<Object, Object> getter(Method m) {
      try {
        MethodHandle mh = LOOKUP.unreflect(m);
        CallSite site = LambdaMetafactory.metafactory(LOOKUP, "apply",
            MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
            mh, MethodType.methodType(box(m.getReturnType()), m.getDeclaringClass()));
        return (Function<Object, Object>) site.getTarget().invoke();
      } catch (Throwable e) {
        return bean -> {
          try {
            return m.invoke(bean);
          } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot read " + m, ex);
          }
        };
      }
    }

    @SuppressWarnings("unchecked")
    static BiConsumer<Object, Object> setter(Method m) {
      try {
        MethodHandle mh = LOOKUP.unreflect(m);
        CallSite site = LambdaMetafactory.metafactory(LOOKUP, "accept",
            MethodType.methodType(BiConsumer.class),
            MethodType.methodType(void.class, Object.class, Object.class), mh,
            MethodType.methodType(void.class, m.getDeclaringClass(), box(m.getParameterTypes()[0])));
        return (BiConsumer<Object, Object>) site.getTarget().invoke();
      } catch (Throwable e) {
        return (bean, value) -> {
          try {
            m.invoke(bean, value);
          } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot write " + m, ex);
          }
        };
      }
    }

    static BiConsumer<Object, Object[]> anySetter(Method m) {
      return (bean, kv) -> {
        try {
          m.invoke(bean, kv[0], kv[1]);
        } catch (ReflectiveOperationException ex) {
          throw new IllegalStateException("cannot write " + m, ex);
        }
      };
    }

    static Supplier<Object> constructor(Class<?> type) {
      try {
        Constructor<?> c = type.getConstructor();
        return () -> {
          try {
            return c.newInstance();
          } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("cannot create " + type.getName(), ex);
          }
        };
      } catch (NoSuchMethodException e) {
        return () -> {
          throw new IllegalStateException(type.getName() + " has no public no-argument constructor");
        };
      }
    }

    private static Class<?> box(Class<?> c) {
      if (!c.isPrimitive()) {
        return c;
      }
      if (c == int.class) {
        return Integer.class;
      }
      if (c == long.class) {
        return Long.class;
      }
      if (c == boolean.class) {
        return Boolean.class;
      }
      if (c == double.class) {
        return Double.class;
      }
      return c;
    }
  }
}
