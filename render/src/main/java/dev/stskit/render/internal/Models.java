package dev.stskit.render.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds the reader has a fabric8 model for: every {@link HasMetadata} class that fabric8's
 * model jars on the class path register (their {@code META-INF/services} list of
 * {@code KubernetesResource}s), keyed by {@code apiVersion} and {@code kind} — for the render
 * module's dependencies, the core ({@code v1}) and {@code apps/v1} kinds. A document of such a
 * kind is bound to its class and read strictly; any other kind is a
 * {@link GenericKubernetesResource}.
 *
 * <p>Which apiVersion and kind a class has is read from {@value #INDEX}, made from the fabric8
 * version sts-kit is built with (its first line names it; {@code ModelsIndexTest} keeps it
 * true): a class is loaded only when a document of its kind is read. Without the index, or
 * with another fabric8 version on the class path, or for a class the index does not list, every
 * class is loaded and its annotations read, which costs hundreds of classes at start-up.
 */
public final class Models {

  private static final String SERVICES = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";
  /** The resource that lists {@code class apiVersion kind}, one a line, after a {@code # fabric8 VERSION} line. */
  static final String INDEX = "models.index";
  private static final String MODEL_CORE_POM = "META-INF/maven/io.fabric8/kubernetes-model-core/pom.properties";

  private static final Models INSTANCE = load();

  /** apiVersion + '/' + kind → class name. */
  private final Map<String, String> byKey;
  /** The classes loaded so far, by key. */
  private final Map<String, Class<? extends HasMetadata>> loaded = new ConcurrentHashMap<>();
  /** group ("" for core) → versions with a model. */
  private final Map<String, Set<String>> versionsByGroup;
  /** kind → apiVersions it has a model in. */
  private final Map<String, Set<String>> apiVersionsByKind;

  private Models(Map<String, String> byKey, Map<String, Class<? extends HasMetadata>> loaded) {
    this.byKey = Map.copyOf(byKey);
    this.loaded.putAll(loaded);
    Map<String, Set<String>> groups = new HashMap<>();
    Map<String, Set<String>> kinds = new HashMap<>();
    for (String key : byKey.keySet()) {
      int slash = key.lastIndexOf('/');
      String apiVersion = key.substring(0, slash);
      String kind = key.substring(slash + 1);
      int g = apiVersion.indexOf('/');
      groups.computeIfAbsent(g < 0 ? "" : apiVersion.substring(0, g), x -> new TreeSet<>())
          .add(g < 0 ? apiVersion : apiVersion.substring(g + 1));
      kinds.computeIfAbsent(kind, x -> new TreeSet<>()).add(apiVersion);
    }
    this.versionsByGroup = groups;
    this.apiVersionsByKind = kinds;
  }

  public static Models get() {
    return INSTANCE;
  }

  /** The model class of a document, or {@link GenericKubernetesResource} when there is none. */
  public Class<? extends HasMetadata> typeFor(String apiVersion, String kind) {
    String key = apiVersion + "/" + kind;
    Class<? extends HasMetadata> c = loaded.get(key);
    if (c != null) {
      return c;
    }
    String name = byKey.get(key);
    if (name == null) {
      return GenericKubernetesResource.class;
    }
    return loaded.computeIfAbsent(key, k -> forName(name));
  }

  private static Class<? extends HasMetadata> forName(String name) {
    try {
      return Class.forName(name, false, Models.class.getClassLoader()).asSubclass(HasMetadata.class);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("fabric8 model class " + name + " is listed but cannot be loaded", e);
    }
  }

  /**
   * Why an apiVersion/kind pair with no model is not one the API server serves, or null when it
   * may be (a group the class path has no model of, such as a custom resource's).
   */
  public String unknownPair(String apiVersion, String kind) {
    if (byKey.containsKey(apiVersion + "/" + kind)) {
      return null;
    }
    int g = apiVersion.indexOf('/');
    String group = g < 0 ? "" : apiVersion.substring(0, g);
    if (!versionsByGroup.containsKey(group)) {
      return null;
    }
    Set<String> servedAs = apiVersionsByKind.get(kind);
    return "no matches for kind \"" + Messages.clip(kind) + "\" in version \"" + Messages.clip(apiVersion) + "\""
        + (servedAs == null ? "" : " (" + kind + " is " + String.join(" or ", servedAs) + ")");
  }

  /** The models of the class path, read with the index when it fits the fabric8 version there. */
  private static Models load() {
    ClassLoader cl = Models.class.getClassLoader();
    return scan(cl, index(cl));
  }

  /**
   * The models the services lists name; a class the index lists is not loaded, any other is (and
   * its annotations read).
   */
  static Models scan(ClassLoader cl, Map<String, String> index) {
    Map<String, String> byKey = new TreeMap<>();
    Map<String, Class<? extends HasMetadata>> loaded = new HashMap<>();
    for (String name : listed(cl)) {
      String key = index.get(name);
      if (key == null) {
        add(byKey, loaded, name, cl);
      } else if (!key.isEmpty()) {
        byKey.put(key, name);
      }
    }
    return new Models(byKey, loaded);
  }

  /** The class names the services lists of fabric8's model jars name, in class-path order. */
  private static List<String> listed(ClassLoader cl) {
    List<String> names = new ArrayList<>();
    try {
      Enumeration<URL> urls = cl.getResources(SERVICES);
      while (urls.hasMoreElements()) {
        try (InputStream in = urls.nextElement().openStream();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
              names.add(name);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list fabric8's model classes", e);
    }
    return names;
  }

  /**
   * The index: class name → apiVersion/kind key (an empty key for a listed class that is not a
   * model); empty when there is none or it was made from another fabric8 version than the one on
   * the class path.
   */
  static Map<String, String> index(ClassLoader cl) {
    String version = fabric8Version(cl);
    try (InputStream in = Models.class.getResourceAsStream(INDEX)) {
      if (in == null || version == null) {
        return Map.of();
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String first = r.readLine();
      if (first == null || !first.equals("# fabric8 " + version)) {
        return Map.of();
      }
      Map<String, String> out = new HashMap<>(1024);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(" ", -1);
        out.put(f[0], f.length == 3 ? f[1] + "/" + f[2] : "");
      }
      return out;
    } catch (IOException e) {
      return Map.of();
    }
  }

  /** The version of kubernetes-model-core on the class path (from its Maven metadata), or null. */
  static String fabric8Version(ClassLoader cl) {
    try (InputStream in = cl.getResourceAsStream(MODEL_CORE_POM)) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  /** The apiVersion/kind key of a listed class, or null when it is not a model the reader binds. */
  static String keyOf(String name, ClassLoader cl) {
    Class<?> c;
    try {
      c = Class.forName(name, false, cl);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
    if (!HasMetadata.class.isAssignableFrom(c) || c == GenericKubernetesResource.class) {
      return null;
    }
    Class<? extends HasMetadata> type = c.asSubclass(HasMetadata.class);
    String apiVersion = HasMetadata.getApiVersion(type);
    String kind = HasMetadata.getKind(type);
    return apiVersion != null && kind != null ? apiVersion + "/" + kind : null;
  }

  private static void add(Map<String, String> byKey, Map<String, Class<? extends HasMetadata>> loaded, String name,
      ClassLoader cl) {
    String key = keyOf(name, cl);
    if (key != null) {
      byKey.put(key, name);
      loaded.put(key, forName(name));
    }
  }

  /** The keys with a model (apiVersion/kind → class name). */
  public Map<String, String> keys() {
    return byKey;
  }

  /**
   * The index of the class path's model classes, as {@value #INDEX} holds it: every class the
   * services lists name, sorted, with its apiVersion and kind when it is a model the reader binds;
   * each class is loaded and its annotations read. Null without fabric8's Maven metadata.
   */
  public static String indexText(ClassLoader cl) {
    String version = fabric8Version(cl);
    if (version == null) {
      return null;
    }
    Set<String> names = new TreeSet<>(listed(cl));
    StringBuilder out = new StringBuilder("# fabric8 ").append(version).append('\n')
        .append("# class [apiVersion kind]: made by the cli module's ModelsIndexTest with -Dmodels.update=true\n");
    for (String name : names) {
      String key = keyOf(name, cl);
      out.append(name);
      if (key != null) {
        int slash = key.lastIndexOf('/');
        out.append(' ').append(key, 0, slash).append(' ').append(key.substring(slash + 1));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** The models of the class loader's services lists read without the index (every class loaded). */
  public static Models withoutIndex(ClassLoader cl) {
    return scan(cl, Map.of());
  }
}
