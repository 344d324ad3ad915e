package dev.stskit.core.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stskit.core.internal.Paths.Index;
import dev.stskit.core.internal.Paths.Segment;
import io.fabric8.kubernetes.api.model.AnyType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * fabric8 model objects read and written by Kubernetes field path, by reflection over their
 * {@code @JsonProperty} fields, without Jackson databind. A fabric8 object's <em>plain view</em>
 * is what its JSON would be, as Java values: {@link LinkedHashMap} objects, {@link ArrayList}
 * lists, strings, booleans, numbers in {@link PlainValues normal form} and {@code null}; absent
 * fields (null, and empty lists and maps that Jackson leaves out) are not in it.
 */
public final class Beans {
  private Beans() {}

  /** A value that does not fit the Kubernetes type at a path (relative to where conversion began). */
  public static final class Mismatch extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The field path, in Kubernetes form; empty for the object itself. */
    private final String path;
    /** What is wrong, without the path. */
    private final String problem;

    Mismatch(String path, String problem) {
      super((path.isEmpty() ? "" : path + ": ") + problem, null, false, false);
      this.path = path;
      this.problem = problem;
    }

    /** {@return the field path, in Kubernetes form; empty for the object itself} */
    public String path() {
      return path;
    }

    /** {@return what is wrong, without the path} */
    public String problem() {
      return problem;
    }
  }

  /** One JSON property of a fabric8 class. */
  private record Prop(String name, Field field, Method getter, Method setter, Type type, boolean nonEmpty) {
    Object get(Object bean) {
      try {
        return getter != null ? getter.invoke(bean) : field.get(bean);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + name + " of " + bean.getClass().getName(), e);
      }
    }

    void set(Object bean, Object value) {
      try {
        if (setter != null) {
          setter.invoke(bean, value);
        } else {
          field.set(bean, value);
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot write " + name + " of " + bean.getClass().getName(), e);
      }
    }
  }

  private static final ClassValue<Map<String, Prop>> PROPS = new ClassValue<>() {
    @Override
    protected Map<String, Prop> computeValue(Class<?> type) {
      return scan(type);
    }
  };

  /** The package of fabric8's Kubernetes model classes (and its sub-packages, {@code apps} …). */
  private static final String MODEL = "io.fabric8.kubernetes.api.model.";

  /** What each fabric8 model class says in its {@code @JsonPropertyOrder}: these first, then the rest. */
  static final List<String> MODEL_FIRST = List.of("apiVersion", "kind", "metadata");

  /**
   * Whether the class is one of fabric8's model classes, whose class annotations Beans does not
   * read: reading any class annotation parses them all, and theirs include Jackson databind's
   * {@code JsonDeserialize}, which loads databind classes that lift and strip never need otherwise.
   * Every such class says the same ({@code BeansTest} checks it for each one a StatefulSet or a
   * Service can hold): {@code JsonInclude(NON_NULL)}, and a {@code JsonPropertyOrder} of {@link
   * #MODEL_FIRST} then the fields in declaration order.
   */
  static boolean readsNoClassAnnotations(Class<?> type) {
    return type.getName().startsWith(MODEL);
  }

  private static Map<String, Prop> scan(Class<?> type) {
    Map<String, Prop> found = new LinkedHashMap<>();
    boolean model = readsNoClassAnnotations(type);
    JsonInclude classInclude = model ? null : type.getAnnotation(JsonInclude.class);
    List<Class<?>> chain = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      chain.add(0, c);
    }
    for (Class<?> c : chain) {
      for (Field f : c.getDeclaredFields()) {
        JsonProperty jp = f.getAnnotation(JsonProperty.class);
        if (jp == null || Modifier.isStatic(f.getModifiers()) || f.isAnnotationPresent(JsonIgnore.class)) {
          continue;
        }
        String name = jp.value().isEmpty() ? f.getName() : jp.value();
        String cap = Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        Method getter = method(type, "get" + cap);
        if (getter == null) {
          getter = method(type, "is" + cap);
        }
        Method setter = method(type, "set" + cap, f.getType());
        if (getter == null || setter == null) {
          f.setAccessible(true);
        }
        JsonInclude inc = f.getAnnotation(JsonInclude.class);
        JsonInclude.Include include = inc != null ? inc.value()
            : classInclude != null ? classInclude.value() : JsonInclude.Include.NON_NULL;
        found.put(name, new Prop(name, f, getter, setter, f.getGenericType(),
            include == JsonInclude.Include.NON_EMPTY));
      }
    }
    JsonPropertyOrder order = model ? null : type.getAnnotation(JsonPropertyOrder.class);
    if (!model && order == null) {
      return found;
    }
    Map<String, Prop> ordered = new LinkedHashMap<>();
    for (String n : model ? MODEL_FIRST : List.of(order.value())) {
      Prop p = found.get(n);
      if (p != null) {
        ordered.put(n, p);
      }
    }
    found.forEach(ordered::putIfAbsent);
    return ordered;
  }

  /**
   * The JSON properties of a fabric8 class, in the plain view's order, each with whether it is
   * left out when empty (not only when null).
   */
  static Map<String, Boolean> properties(Class<?> type) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    PROPS.get(type).forEach((n, p) -> out.put(n, p.nonEmpty()));
    return out;
  }

  private static Method method(Class<?> type, String name, Class<?>... params) {
    try {
      return type.getMethod(name, params);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** Whether values of this class are fabric8 objects with JSON properties. */
  static boolean isBean(Class<?> c) {
    return c.getName().startsWith("io.fabric8.") && !AnyType.class.isAssignableFrom(c) && c != Quantity.class
        && !c.isEnum();
  }

  private static final ClassValue<java.util.Optional<Method>> ADDITIONAL = new ClassValue<>() {
    @Override
    protected java.util.Optional<Method> computeValue(Class<?> type) {
      return java.util.Optional.ofNullable(method(type, "getAdditionalProperties"));
    }
  };

  @SuppressWarnings("unchecked")
  private static Map<String, Object> additional(Object bean) {
    Method m = ADDITIONAL.get(bean.getClass()).orElse(null);
    if (m == null) {
      return null;
    }
    try {
      return (Map<String, Object>) m.invoke(bean);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- plain view

  /** The plain view of a fabric8 object (or of any value a fabric8 property holds). */
  public static Object toPlain(Object v) {
    return plain(v, false);
  }

  /**
   * The plain view; {@code exact} keeps what a Jackson tree round trip keeps (a number's class but
   * a byte's, an enum's name) instead of the normal form.
   */
  private static Object plain(Object v, boolean exact) {
    if (v == null || v instanceof String || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Number n) {
      return exact ? exactNumber(n) : PlainValues.number(n);
    }
    if (v instanceof AnyType a) {
      return plain(a.getValue(), false);
    }
    if (v instanceof Quantity q) {
      return q.toString();
    }
    if (v instanceof Enum<?> e) {
      return exact ? e.name() : e.toString();
    }
    if (exact && v instanceof Character) {
      return v.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), plain(x, exact)));
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(x -> out.add(plain(x, exact)));
      return out;
    }
    if (!isBean(v.getClass())) {
      return PlainValues.of(v, "");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Prop p : PROPS.get(v.getClass()).values()) {
      Object x = p.get(v);
      if (x == null || (p.nonEmpty() && isEmpty(x))) {
        continue;
      }
      out.put(p.name(), plain(x, exact));
    }
    Map<String, Object> more = additional(v);
    if (more != null) {
      more.forEach((k, x) -> out.put(k, plain(x, exact)));
    }
    return out;
  }

  /** A number as a Jackson tree round trip gives it back: of its own class, except a byte (an int). */
  private static Number exactNumber(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Double || n instanceof Float
        || n instanceof java.math.BigInteger || n instanceof java.math.BigDecimal) {
      return n;
    }
    return PlainValues.number(n);
  }

  /** Whether the class's {@code @JsonPropertyOrder} lists every property (so that it alone orders them). */
  private static final ClassValue<Boolean> ORDERED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      JsonPropertyOrder order = type.getAnnotation(JsonPropertyOrder.class);
      return order != null && !order.alphabetic()
          && java.util.Arrays.asList(order.value()).containsAll(PROPS.get(type).keySet());
    }
  };

  /** What {@link #toWritten} cannot say as Jackson would write it. */
  public static final class NotMirrored extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotMirrored() {
      super(null, null, false, false);
    }
  }

  /**
   * A fabric8 object as the spec file's Jackson mappers write it ({@code SpecMapper}), as Java
   * values: each object a map of its properties in Jackson's order (null left out,
   * and empty lists and maps, as {@code NON_EMPTY} on the property or the mappers' default for lists
   * and maps leaves them out), each map property sorted by key ({@code ORDER_MAP_ENTRIES_BY_KEYS}),
   * numbers as they are (not in normal form), quantities and int-or-strings as their values,
   * additional properties after the others, sorted by key.
   *
   * @param v a fabric8 object or a value one holds
   * @return the value as written
   * @throws NotMirrored for what this does not know Jackson's output of (a property order the
   *     class does not fix, a value of another Java type)
   */
  public static Object toWritten(Object v) {
    if (v == null || v instanceof String || v instanceof Boolean || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof java.math.BigInteger || v instanceof java.math.BigDecimal) {
      return v;
    }
    if (v instanceof AnyType a) {
      Object x = a.getValue();
      if (x instanceof String || x instanceof Integer) {
        return x;
      }
      throw new NotMirrored();
    }
    if (v instanceof Quantity q) {
      return q.toString();
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : new java.util.TreeMap<>(m).entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new NotMirrored();
        }
        out.put(k, toWritten(e.getValue()));
      }
      return out;
    }
    if (v instanceof List<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      c.forEach(x -> out.add(toWritten(x)));
      return out;
    }
    if (!isBean(v.getClass()) || !ORDERED.get(v.getClass())) {
      throw new NotMirrored(); // Jackson 3 sorts the properties @JsonPropertyOrder does not list
    }
    JsonInclude classInclude = v.getClass().getAnnotation(JsonInclude.class);
    if (classInclude != null && classInclude.value() != JsonInclude.Include.NON_NULL) {
      throw new NotMirrored();
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Prop p : PROPS.get(v.getClass()).values()) {
      Object x = p.get(v);
      if (x == null) {
        continue;
      }
      JsonInclude own = p.field().getAnnotation(JsonInclude.class);
      Class<?> raw = p.field().getType();
      JsonInclude.Include include = own != null ? own.value()
          : raw == List.class || raw == Map.class ? JsonInclude.Include.NON_EMPTY : JsonInclude.Include.NON_NULL;
      if (include == JsonInclude.Include.NON_EMPTY && isEmpty(x)) {
        continue;
      }
      if (include != JsonInclude.Include.NON_EMPTY && include != JsonInclude.Include.NON_NULL) {
        throw new NotMirrored();
      }
      out.put(p.name(), toWritten(x));
    }
    // @JsonAnyGetter: after the properties, sorted by key like any map, nulls kept
    Map<String, Object> more = additional(v);
    if (more != null) {
      for (Map.Entry<?, ?> e : new java.util.TreeMap<>(more).entrySet()) {
        if (!(e.getKey() instanceof String k) || out.containsKey(k)) {
          throw new NotMirrored();
        }
        out.put(k, toWritten(e.getValue()));
      }
    }
    return out;
  }

  private static boolean isEmpty(Object x) {
    return (x instanceof Collection<?> c && c.isEmpty()) || (x instanceof Map<?, ?> m && m.isEmpty())
        || (x instanceof String s && s.isEmpty());
  }

  /**
   * The JSON property names of a fabric8 object's plain view, in its order, without building the
   * values: the properties that are set (not null, and not empty where Jackson leaves empty ones
   * out), then the additional properties.
   */
  public static List<String> presentProperties(Object bean) {
    List<String> out = new ArrayList<>();
    for (Prop p : PROPS.get(bean.getClass()).values()) {
      Object x = p.get(bean);
      if (x != null && !(p.nonEmpty() && isEmpty(x))) {
        out.add(p.name());
      }
    }
    Map<String, Object> more = additional(bean);
    if (more != null) {
      for (String k : more.keySet()) {
        if (!out.contains(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /**
   * A deep copy of a fabric8 object in canonical form: the object its JSON decodes to, as a
   * Jackson round trip would give, without Jackson. A {@code null} or (where Jackson leaves it
   * out) empty list, map or string reads as absent, which is the empty list or map fabric8 starts
   * with; a quantity is re-read from its text; unknown fields' values become maps, lists, strings
   * and numbers, each number of its own class as in a Jackson tree (a byte becomes an int).
   *
   * @param bean a fabric8 object
   * @param type its class
   * @return the copy; {@code bean} is not changed
   * @throws Mismatch naming the field for a value fabric8 cannot carry (a {@code new Quantity()}
   *     with no amount)
   */
  public static <T> T canonical(T bean, Class<T> type) {
    return type.cast(convert(plain(bean, true), type, "", true));
  }

  /** The value at a path of a plain view, or {@code null} when the path leads nowhere. */
  public static Object at(Object plain, List<Segment> path) {
    Object node = plain;
    for (Segment s : path) {
      if (node instanceof Map<?, ?> m) {
        node = m.get(Paths.keyOf(s));
      } else if (node instanceof List<?> l && s instanceof Index i) {
        node = i.index() < l.size() ? l.get(i.index()) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  // ---------------------------------------------------------------- writing

  /**
   * Writes a plain value at a path of a fabric8 object, creating missing objects on the way; an
   * index must exist or be the next one (appending).
   *
   * @throws Mismatch when the value does not fit the Kubernetes type or the path crosses a scalar
   */
  public static void set(Object root, List<Segment> path, Object value) {
    Holder h = walk(root, path, true);
    h.put(value);
  }

  /** Removes the field or list element at a path; nothing happens when it is not there. */
  public static void remove(Object root, List<Segment> path) {
    Holder h = walk(root, path, false);
    if (h != null) {
      h.remove();
    }
  }

  /** A place that holds a value: a property of a bean, a key of a map, an element of a list. */
  private interface Holder {
    Object get();

    Type type();

    void put(Object plainValue);

    void remove();

    void replace(Object javaValue);
  }

  private static Holder walk(Object root, List<Segment> path, boolean create) {
    Holder h = rootHolder(root);
    List<Segment> done = new ArrayList<>();
    for (Segment s : path) {
      Object node = h.get();
      if (node == null) {
        if (!create) {
          return null;
        }
        node = newInstance(h.type(), Paths.format(done));
        h.replace(node);
      } else if (!done.isEmpty() && (node instanceof List<?> || node instanceof Map<?, ?>)) {
        node = node instanceof List<?> l ? new ArrayList<Object>(l) : new LinkedHashMap<Object, Object>((Map<?, ?>) node);
        h.replace(node);
      }
      Holder next = child(node, h.type(), s, create, done);
      if (next == null) {
        return null;
      }
      done.add(s);
      h = next;
    }
    return h;
  }

  private static Holder rootHolder(Object root) {
    return new Holder() {
      @Override
      public Object get() {
        return root;
      }

      @Override
      public Type type() {
        return root.getClass();
      }

      @Override
      public void put(Object plainValue) {
        throw new Mismatch("", "the whole object cannot be replaced");
      }

      @Override
      public void remove() {
        throw new Mismatch("", "the whole object cannot be removed");
      }

      @Override
      public void replace(Object javaValue) {
        throw new IllegalStateException("root");
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Holder child(Object node, Type type, Segment s, boolean create, List<Segment> done) {
    String at = Paths.format(done);
    if (node instanceof List<?> raw) {
      List<Object> list = (List<Object>) raw;
      if (!(s instanceof Index i)) {
        throw new Mismatch(at, "is a list; [" + Paths.keyOf(s) + "] is not an index");
      }
      int index = i.index();
      if (index > list.size() || (!create && index >= list.size())) {
        if (!create) {
          return null;
        }
        throw new Mismatch(at + "[" + index + "]", "index out of range (" + list.size() + " elements)");
      }
      Type element = typeArgument(type, 0);
      return new Holder() {
        @Override
        public Object get() {
          return index < list.size() ? list.get(index) : null;
        }

        @Override
        public Type type() {
          return element;
        }

        @Override
        public void put(Object plainValue) {
          replace(convert(plainValue, element, at + "[" + index + "]"));
        }

        @Override
        public void remove() {
          if (index < list.size()) {
            list.remove(index);
          }
        }

        @Override
        public void replace(Object javaValue) {
          if (index == list.size()) {
            list.add(javaValue);
          } else {
            list.set(index, javaValue);
          }
        }
      };
    }
    String key = Paths.keyOf(s);
    String here = at.isEmpty() ? key : at + "." + key;
    if (node instanceof Map<?, ?> raw) {
      Map<String, Object> map = (Map<String, Object>) raw;
      Type value = typeArgument(type, 1);
      return mapHolder(map, key, value, here);
    }
    if (!isBean(node.getClass())) {
      throw new Mismatch(at, "is not an object or list");
    }
    Prop p = PROPS.get(node.getClass()).get(key);
    if (p == null) {
      Map<String, Object> more = additional(node);
      if (more == null) {
        throw new Mismatch(here, "no such field");
      }
      return mapHolder(more, key, Object.class, here);
    }
    return new Holder() {
      @Override
      public Object get() {
        return p.get(node);
      }

      @Override
      public Type type() {
        return p.type();
      }

      @Override
      public void put(Object plainValue) {
        p.set(node, propertyValue(p, plainValue, here, false));
      }

      @Override
      public void remove() {
        p.set(node, absent(p));
      }

      @Override
      public void replace(Object javaValue) {
        p.set(node, javaValue);
      }
    };
  }

  /**
   * What an absent property holds: fabric8 starts lists and maps empty, as Jackson leaves them when the
   * field is absent; anything else is null.
   */
  private static Object absent(Prop p) {
    Class<?> c = rawClass(p.type());
    return List.class.isAssignableFrom(c) ? new ArrayList<>()
        : Map.class.isAssignableFrom(c) ? new LinkedHashMap<>() : null;
  }

  /**
   * A plain value converted for a property. A null list or map is the absent one (empty): Kubernetes
   * and the renderers read {@code volumes: null} as no volumes, so the object must equal the one that
   * never had the field (issue 15 item 7: extras setting a list to null gave equal bytes, unequal objects).
   */
  private static Object propertyValue(Prop p, Object plain, String here, boolean exact) {
    return plain == null ? absent(p) : convert(plain, p.type(), here, exact);
  }

  private static Holder mapHolder(Map<String, Object> map, String key, Type value, String here) {
    return new Holder() {
      @Override
      public Object get() {
        return map.get(key);
      }

      @Override
      public Type type() {
        return value;
      }

      @Override
      public void put(Object plainValue) {
        map.put(key, convert(plainValue, value, here));
      }

      @Override
      public void remove() {
        map.remove(key);
      }

      @Override
      public void replace(Object javaValue) {
        map.put(key, javaValue);
      }
    };
  }

  private static Type typeArgument(Type type, int i) {
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      return args.length > i ? args[i] : args[args.length - 1];
    }
    return Object.class;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Object newInstance(Type type, String at) {
    Class<?> c = rawClass(type);
    if (List.class.isAssignableFrom(c)) {
      return new ArrayList<>();
    }
    if (Map.class.isAssignableFrom(c) || c == Object.class) {
      return new LinkedHashMap<>();
    }
    if (isBean(c)) {
      try {
        return c.getConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + c.getName(), e);
      }
    }
    throw new Mismatch(at, "is not an object or list");
  }

  /**
   * Converts a plain value to the Java type of a fabric8 property, as Jackson would decode its
   * JSON: numbers only into number fields, strings only into string fields, objects into fabric8
   * objects (unknown keys kept as additional properties).
   */
  public static Object convert(Object plain, Type type, String at) {
    return convert(plain, type, at, false);
  }

  /**
   * {@link #convert(Object, Type, String)}; {@code exact} takes a value of no Kubernetes type (an
   * unknown field's) as it is, not in normal form: it must be a fresh {@link #plain} view.
   */
  private static Object convert(Object plain, Type type, String at, boolean exact) {
    if (plain == null) {
      return null;
    }
    Class<?> c = rawClass(type);
    if (c == Object.class) {
      return exact ? plain : PlainValues.copy(plain);
    }
    if (c == String.class) {
      if (plain instanceof String s) {
        return s;
      }
      throw mismatch(at, "a string", plain);
    }
    if (c == Boolean.class || c == boolean.class) {
      if (plain instanceof Boolean b) {
        return b;
      }
      throw mismatch(at, "a boolean", plain);
    }
    if (c == Integer.class || c == int.class) {
      if (plain instanceof Integer n) {
        return n;
      }
      throw mismatch(at, "a 32-bit integer", plain);
    }
    if (c == Long.class || c == long.class) {
      if (plain instanceof Integer || plain instanceof Long) {
        return ((Number) plain).longValue();
      }
      throw mismatch(at, "a 64-bit integer", plain);
    }
    if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
      if (plain instanceof Number n) {
        return c == Float.class || c == float.class ? (Object) n.floatValue() : (Object) n.doubleValue();
      }
      throw mismatch(at, "a number", plain);
    }
    if (c == IntOrString.class) {
      if (plain instanceof Integer n) {
        return new IntOrString(n);
      }
      if (plain instanceof String s) {
        return new IntOrString(s);
      }
      throw mismatch(at, "an integer or a string", plain);
    }
    if (c == Quantity.class) {
      if (plain instanceof String || plain instanceof Number) {
        try {
          return new Quantity(plain.toString());
        } catch (IllegalArgumentException e) {
          // fabric8 refuses an empty amount ("" is what a new Quantity() with no amount writes)
          throw new Mismatch(at, "not a quantity (a Quantity needs an amount, such as 500m or 1Gi)");
        }
      }
      throw mismatch(at, "a quantity", plain);
    }
    if (List.class.isAssignableFrom(c)) {
      if (!(plain instanceof List<?> l)) {
        throw mismatch(at, "a list", plain);
      }
      Type element = typeArgument(type, 0);
      List<Object> out = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        out.add(convert(l.get(i), element, at + "[" + i + "]", exact));
      }
      return out;
    }
    if (Map.class.isAssignableFrom(c)) {
      if (!(plain instanceof Map<?, ?> m)) {
        throw mismatch(at, "an object", plain);
      }
      Type value = typeArgument(type, 1);
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put((String) k, convert(v, value, keyPath(at, (String) k), exact)));
      return out;
    }
    if (isBean(c)) {
      if (!(plain instanceof Map<?, ?> m)) {
        throw mismatch(at, "an object", plain);
      }
      Object bean = newInstance(c, at);
      Map<String, Prop> props = PROPS.get(c);
      Map<String, Object> more = additional(bean);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = (String) e.getKey();
        String here = at.isEmpty() ? k : at + "." + k;
        Prop p = props.get(k);
        if (p != null) {
          p.set(bean, propertyValue(p, e.getValue(), here, exact));
        } else if (more != null) {
          more.put(k, exact ? e.getValue() : PlainValues.copy(e.getValue()));
        } else {
          throw new Mismatch(here, "no such field");
        }
      }
      return bean;
    }
    throw mismatch(at, c.getSimpleName(), plain);
  }

  /** The path of a map's entry, in Kubernetes form: {@code limits.cpu}, {@code limits[nvidia.com/gpu]}. */
  private static String keyPath(String at, String key) {
    String k = Paths.format(List.of(new Paths.Key(key)));
    return at.isEmpty() || k.startsWith("[") ? at + k : at + "." + k;
  }

  private static Mismatch mismatch(String at, String expected, Object plain) {
    String got = plain instanceof String s ? "the string \"" + s + "\""
        : plain instanceof Map ? "an object" : plain instanceof List ? "a list"
        : plain instanceof Boolean ? "the boolean " + plain : "the number " + plain;
    return new Mismatch(at, "expected " + expected + ", got " + got);
  }
}
