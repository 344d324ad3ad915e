package dev.stskit.core.internal;

import dev.stskit.core.Extras;
import dev.stskit.core.SpecException;
import dev.stskit.core.internal.Paths.Index;
import dev.stskit.core.internal.Paths.Key;
import dev.stskit.core.internal.Paths.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The one place extras meet a compiled object: after the modelled fields, on a copy of the
 * fabric8 object, without a detour through Jackson. A {@code set} path where the modelled fields
 * already wrote a value is a conflict naming both; an {@code omit} is only for a field the form
 * writes with the API server's own default, and leaves it out only while the spec holds that
 * default. Lift uses the same rules backwards ({@link #liftExtras}), so that the extras of a
 * lifted spec hold only what the spec cannot express.
 */
public final class ExtrasStep {
  private ExtrasStep() {}

  private static final String NOT_READY = "node.kubernetes.io/not-ready";
  private static final String UNREACHABLE = "node.kubernetes.io/unreachable";
  private static final String TOLERATIONS = "spec.template.spec.tolerations";

  /** A field the form always writes that an object may leave to the API server's default. */
  private record Rule(String pattern, List<Segment> path, Function<Object, Object> defaultOf, String shown) {
    boolean matches(List<Segment> p) {
      if (p.size() != path.size()) {
        return false;
      }
      for (int i = 0; i < p.size(); i++) {
        Segment want = path.get(i);
        if (want instanceof Key k && k.name().equals("*")) {
          if (!(p.get(i) instanceof Index)) {
            return false;
          }
        } else if (!want.equals(p.get(i))) {
          return false;
        }
      }
      return true;
    }
  }

  private static final List<Rule> RULES = new ArrayList<>();

  /** Paths where compile may write derived values (not modelled) that extras may replace or omit. */
  private static final List<Rule> DERIVED = List.of(
      new Rule("spec.template.spec.containers[*].ports", Paths.parsePath("spec.template.spec.containers[*].ports"),
          root -> null, "ports added for Service targets"),
      new Rule("metadata.labels", Paths.parsePath("metadata.labels"), root -> null, "the governing Service's labels"),
      new Rule("spec.clusterIP", Paths.parsePath("spec.clusterIP"), root -> null, "the governing Service's None"),
      new Rule("spec.ports", Paths.parsePath("spec.ports"), root -> null, "the governing Service's ports"));

  private static void rule(String pattern, Object value) {
    RULES.add(new Rule(pattern, Paths.parsePath(pattern), root -> value,
        PlainValues.of(value, pattern).toString()));
  }

  static {
    rule("metadata.namespace", "default");
    rule("spec.replicas", 1);
    RULES.add(new Rule("spec.serviceName", Paths.parsePath("spec.serviceName"),
        root -> Beans.at(root, Paths.parsePath("metadata.name")), "the name"));
    rule("spec.revisionHistoryLimit", 10);
    rule("spec.podManagementPolicy", "OrderedReady");
    Map<String, Object> rolling = new LinkedHashMap<>();
    rolling.put("partition", 0);
    Map<String, Object> strategy = new LinkedHashMap<>();
    strategy.put("type", "RollingUpdate");
    strategy.put("rollingUpdate", rolling);
    rule("spec.updateStrategy", strategy);
    rule("spec.updateStrategy.rollingUpdate", rolling);
    rule("spec.template.spec.terminationGracePeriodSeconds", 30);
    RULES.add(new Rule(TOLERATIONS, Paths.parsePath(TOLERATIONS), root -> null,
        "the form's not-ready and unreachable tolerations of 300 s"));
    for (String list : List.of("containers", "initContainers")) {
      String c = "spec.template.spec." + list + "[*].";
      rule(c + "imagePullPolicy", "IfNotPresent");
      rule(c + "resources", Map.of());
      rule(c + "ports[*].protocol", "TCP");
      rule(c + "env[*].valueFrom.fieldRef.apiVersion", "v1");
    }
    rule("spec.type", "ClusterIP");
    rule("spec.sessionAffinity", "None");
    rule("spec.ports[*].protocol", "TCP");
  }

  /** The paths {@link Extras#omit()} accepts, with the default each stands for. */
  public static Map<String, String> omittable() {
    Map<String, String> out = new LinkedHashMap<>();
    RULES.forEach(r -> out.put(r.pattern(), r.shown()));
    DERIVED.forEach(r -> out.put(r.pattern(), r.shown()));
    return Collections.unmodifiableMap(out);
  }

  private static Rule ruleFor(List<Segment> path) {
    for (Rule r : RULES) {
      if (r.matches(path)) {
        return r;
      }
    }
    return null;
  }

  /**
   * Checks an omit path when extras are built.
   *
   * @throws SpecException when the path is malformed or not a field the form writes with a default
   */
  public static void checkOmit(String path) {
    List<Segment> p = Paths.parsePath(path);
    if (ruleFor(p) == null && !DERIVED.stream().anyMatch(d -> d.matches(p))) {
      // the whole list is over 1,000 characters: name a few, count the rest (core/README.md lists them)
      throw new SpecException("extras.omit[" + path + "]", "only a field the form always writes with the"
          + " API server's default can be left out, such as metadata.namespace, spec.replicas or a"
          + " container's imagePullPolicy (" + omittable().size() + " fields in all, listed in the core"
          + " module's README under extras); a field the spec does not write needs no omit, and one it"
          + " models is changed by its own field");
    }
  }

  // ---------------------------------------------------------------- compile

  /**
   * The compiled object with its extras: omissions of defaults first, then the values to set.
   *
   * @param raw the object built from the modelled fields (not changed)
   * @param where the extras in the spec, for messages ({@code extras}, {@code services[0].extras})
   * @param what the object, for messages ({@code StatefulSet mysql})
   * @param copy a deep copy of the object
   * @throws SpecException naming the extras entry and the modelled field when they meet, or when a
   *     value does not fit the Kubernetes type
   */
  public static <T> T apply(T raw, Extras extras, String where, String what, UnaryOperator<T> copy,
      List<String> derivedPaths) {
    if (extras.isEmpty()) {
      return raw;
    }
    List<List<Segment>> derived = derivedPaths.stream().map(Paths::parsePath).toList();
    Object plain = Beans.toPlain(raw);
    T out = copy.apply(raw);
    List<String> omits = new ArrayList<>(extras.omit());
    omits.sort((a, b) -> Paths.ORDER.compare(Paths.parsePath(b), Paths.parsePath(a)));   // last index first
    for (String p : omits) {
      List<Segment> path = Paths.parsePath(p);
      Rule rule = ruleFor(path);
      Object v = Beans.at(plain, path);
      if (v == null) {
        continue;
      }
      if (rule == null || isDerived(path, v, derived)) {
        if (isDerived(path, v, derived)) {
          Beans.remove(out, path);
          continue;
        }
        throw new SpecException(where + ".omit[" + p + "]", what + ": " + p + " is written by the spec's "
            + fieldOf(path, plain) + " (" + brief(v) + "); extras may not remove a modelled field");
      }
      if (rule.pattern().equals(TOLERATIONS)) {
        if (startsWithFormTolerations(v, 300)) {
          Beans.remove(out, Paths.parsePath(TOLERATIONS + "[1]"));
          Beans.remove(out, Paths.parsePath(TOLERATIONS + "[0]"));
          if (((List<?>) v).size() == 2) {
            Beans.remove(out, path);
          }
        }
      } else if (Objects.equals(v, PlainValues.of(rule.defaultOf().apply(plain), p))) {
        Beans.remove(out, path);
      }
    }
    List<Map.Entry<String, Object>> sets = new ArrayList<>(extras.set().entrySet());
    sets.sort((a, b) -> Paths.ORDER.compare(Paths.parsePath(a.getKey()), Paths.parsePath(b.getKey())));
    for (Map.Entry<String, Object> e : sets) {
      List<Segment> path = Paths.parsePath(e.getKey());
      String at = where + ".set[" + e.getKey() + "]";
      Object modelled = Beans.at(plain, path);
      if (modelled != null && !isDerived(path, modelled, derived)) {
        throw new SpecException(at, what + ": " + e.getKey() + " is written by the spec's "
            + fieldOf(path, plain) + " (" + brief(modelled) + "); extras may not override a modelled"
            + " field: change that field instead, or remove this entry");
      }
      try {
        Beans.set(out, path, e.getValue());
      } catch (Beans.Mismatch m) {
        throw new SpecException(at, what + ": " + m.getMessage());
      }
    }
    return out;
  }

  /**
   * Whether a path holds only what compile derived rather than took from a field: it is (or is
   * under) a derived path, or it is a list whose elements are all derived.
   */
  private static boolean isDerived(List<Segment> path, Object value, List<List<Segment>> derived) {
    for (List<Segment> d : derived) {
      if (path.size() >= d.size() && path.subList(0, d.size()).equals(d)) {
        return true;
      }
    }
    if (value instanceof List<?> l && !l.isEmpty()) {
      for (int i = 0; i < l.size(); i++) {
        List<Segment> element = new ArrayList<>(path);
        element.add(new Index(i));
        if (!derived.contains(element)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private static String brief(Object v) {
    String s = v instanceof String str ? "\"" + str + "\"" : String.valueOf(v);
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }

  /** The spec field that writes a path of a compiled object, in the spec file's words. */
  static String fieldOf(List<Segment> path, Object plain) {
    String p = Paths.format(path);
    for (String list : List.of("initContainers", "containers")) {
      String base = "spec.template.spec." + list;
      if (p.startsWith(base + "[") && path.size() > 4 && path.get(4) instanceof Index i) {
        Object name = Beans.at(plain, List.of(path.get(0), path.get(1), path.get(2), path.get(3), i, new Key("name")));
        String rest = Paths.format(path.subList(5, path.size()));
        return "container " + list + "[" + i.index() + "] (name \"" + name + "\")" + (rest.isEmpty() ? "" : " at " + rest);
      }
    }
    String[][] table = {
      {"metadata.annotations[kpanda.io/describe]", "description"},
      {"metadata.name", "name"}, {"metadata.namespace", "namespace"}, {"metadata.labels", "labels"},
      {"metadata.annotations", "annotations"}, {"spec.replicas", "replicas"}, {"spec.selector", "selector"},
      {"spec.serviceName", "serviceName"}, {"spec.updateStrategy", "updateStrategy"},
      {"spec.revisionHistoryLimit", "revisionHistoryLimit"}, {"spec.podManagementPolicy", "podManagementPolicy"},
      {"spec.minReadySeconds", "minReadySeconds"}, {"spec.ordinals", "ordinalsStart"},
      {"spec.persistentVolumeClaimRetentionPolicy", "claimRetentionPolicy"},
      {"spec.volumeClaimTemplates", "volumeClaimTemplates"}, {"spec.template.metadata.labels", "selector or podLabels"},
      {"spec.template.metadata.annotations", "podAnnotations (or the network or GPU settings)"},
      {"spec.template.spec.volumes", "volumes"},
      {"spec.template.spec.terminationGracePeriodSeconds", "terminationGracePeriodSeconds"},
      {"spec.template.spec.tolerations", "scheduling (tolerationSeconds, tolerations)"},
      {"spec.template.spec.affinity", "scheduling (or a GPU request)"},
      {"spec.template.spec.nodeSelector", "scheduling.nodeSelector"},
      {"spec.template.spec.topologySpreadConstraints", "scheduling.topologySpreadConstraints"},
      {"spec.template.spec.securityContext.runAsUser", "runAsUser"},
      {"spec.template.spec.securityContext", "podSecurity"},
      {"spec.template.spec.imagePullSecrets", "imagePullSecrets"},
      {"spec.template.spec.schedulerName", "a GPU request"},
      {"spec.template.spec.dns", "dns"}, {"spec.template.spec.hostAliases", "dns.hostAliases"},
      {"spec.template.spec", "field"},
      {"spec.ports", "ports"}, {"spec.type", "type"}, {"spec", "field"},
    };
    for (String[] row : table) {
      if (p.equals(row[0]) || p.startsWith(row[0] + ".") || p.startsWith(row[0] + "[")
          || (row[0].endsWith(".dns") && p.startsWith(row[0]))) {
        return row[1].equals("field") ? "field that compiles to " + p : "field " + row[1];
      }
    }
    return "field that compiles to " + p;
  }

  private static boolean startsWithFormTolerations(Object v, long seconds) {
    if (!(v instanceof List<?> l) || l.size() < 2) {
      return false;
    }
    return isFormToleration(l.get(0), NOT_READY, seconds) && isFormToleration(l.get(1), UNREACHABLE, seconds);
  }

  private static boolean isFormToleration(Object t, String key, long seconds) {
    return t instanceof Map<?, ?> m && m.size() == 4 && key.equals(m.get("key"))
        && "Exists".equals(m.get("operator")) && "NoExecute".equals(m.get("effect"))
        && m.get("tolerationSeconds") instanceof Number n && n.longValue() == seconds;
  }

  // ---------------------------------------------------------------- lift

  /**
   * The extras that turn the object compiled from a lifted spec's modelled fields into the input:
   * omissions of defaults the input leaves to the API server, then the input's fields the spec
   * cannot express, one leaf (or one appended list element) at a time.
   */
  public static Extras liftExtras(Object compiled, Object input, List<String> derivedPaths) {
    Object from = Beans.toPlain(compiled);
    Object to = Beans.toPlain(input);
    List<String> omit = new ArrayList<>();
    // derived container ports the input lacks: the whole list when all of it is derived
    List<List<Segment>> derived = derivedPaths.stream().map(Paths::parsePath).toList();
    for (List<Segment> d : derived) {
      if (d.get(d.size() - 1) instanceof Index && Beans.at(to, d) == null) {
        List<Segment> list = d.subList(0, d.size() - 1);
        Object v = Beans.at(from, list);
        if (v != null && isDerived(list, v, derived) && Beans.at(to, list) == null) {
          replace(from, list, null);
          if (!omit.contains(Paths.format(list))) {
            omit.add(Paths.format(list));
          }
        }
      }
    }
    for (Rule r : RULES) {
      for (List<Segment> path : concrete(from, r.path(), 0, new ArrayList<>())) {
        Object v = Beans.at(from, path);
        if (v == null) {
          continue;
        }
        if (r.pattern().equals(TOLERATIONS)) {
          Object in = Beans.at(to, path);
          if (startsWithFormTolerations(v, 300) && !startsWithFormTolerations(in, 300)) {
            List<?> rest = ((List<?>) v).subList(2, ((List<?>) v).size());
            replace(from, path, rest.isEmpty() ? null : new ArrayList<Object>(rest));
            omit.add(Paths.format(path));
          }
        } else if (Beans.at(to, path) == null && Objects.equals(v, PlainValues.of(r.defaultOf().apply(from), ""))) {
          replace(from, path, null);
          omit.add(Paths.format(path));
        }
      }
    }
    Map<String, Object> set = new LinkedHashMap<>();
    diff(from, to, new ArrayList<>(), set, omit);
    return Extras.builder().set(set).omit(omit).build();
  }

  private static List<List<Segment>> concrete(Object plain, List<Segment> pattern, int i, List<Segment> prefix) {
    if (i == pattern.size()) {
      return List.of(new ArrayList<>(prefix));
    }
    Segment s = pattern.get(i);
    List<List<Segment>> out = new ArrayList<>();
    if (s instanceof Key k && k.name().equals("*")) {
      Object list = Beans.at(plain, prefix);
      if (list instanceof List<?> l) {
        for (int n = 0; n < l.size(); n++) {
          prefix.add(new Index(n));
          out.addAll(concrete(plain, pattern, i + 1, prefix));
          prefix.remove(prefix.size() - 1);
        }
      }
      return out;
    }
    prefix.add(s);
    out.addAll(concrete(plain, pattern, i + 1, prefix));
    prefix.remove(prefix.size() - 1);
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void replace(Object plain, List<Segment> path, Object value) {
    Object parent = Beans.at(plain, path.subList(0, path.size() - 1));
    Segment last = path.get(path.size() - 1);
    if (parent instanceof Map<?, ?> m) {
      if (value == null) {
        m.remove(Paths.keyOf(last));
      } else {
        ((Map<String, Object>) m).put(Paths.keyOf(last), value);
      }
    }
  }

  /**
   * Fields of {@code to} that {@code from} lacks or has different go to {@code set}, as deep as
   * objects go; lists of equal length element by element, longer lists by appended elements;
   * fields {@code from} has and {@code to} lacks go to {@code omit}.
   */
  public static void diff(Object from, Object to, List<Segment> path, Map<String, Object> set, List<String> omit) {
    if (Objects.equals(from, to)) {
      return;
    }
    if (from instanceof Map<?, ?> f && to instanceof Map<?, ?> t) {
      for (Map.Entry<?, ?> e : t.entrySet()) {
        path.add(new Key((String) e.getKey()));
        Object x = f.get(e.getKey());
        if (x == null) {
          missing(e.getValue(), path, set);
        } else {
          diff(x, e.getValue(), path, set, omit);
        }
        path.remove(path.size() - 1);
      }
      for (Object k : f.keySet()) {
        if (!t.containsKey(k)) {
          path.add(new Key((String) k));
          omit.add(Paths.format(path));
          path.remove(path.size() - 1);
        }
      }
      return;
    }
    if (from instanceof List<?> f && to instanceof List<?> t && f.size() <= t.size()) {
      for (int i = 0; i < t.size(); i++) {
        path.add(new Index(i));
        if (i < f.size()) {
          diff(f.get(i), t.get(i), path, set, omit);
        } else {
          set.put(Paths.format(path), t.get(i));
        }
        path.remove(path.size() - 1);
      }
      return;
    }
    set.put(Paths.format(path), to);
  }

  private static void missing(Object value, List<Segment> path, Map<String, Object> set) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        path.add(new Key((String) e.getKey()));
        missing(e.getValue(), path, set);
        path.remove(path.size() - 1);
      }
    } else {
      set.put(Paths.format(path), value);
    }
  }
}
