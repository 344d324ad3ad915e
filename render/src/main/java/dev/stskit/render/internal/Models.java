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
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The kinds the reader has a fabric8 model for: every {@link HasMetadata} class that fabric8's
 * model jars on the class path register (their {@code META-INF/services} list of
 * {@code KubernetesResource}s), keyed by {@code apiVersion} and {@code kind} — for the render
 * module's dependencies, the core ({@code v1}) and {@code apps/v1} kinds. A document of such a
 * kind is bound to its class and read strictly; any other kind is a
 * {@link GenericKubernetesResource}.
 */
public final class Models {

  private static final String SERVICES = "META-INF/services/io.fabric8.kubernetes.api.model.KubernetesResource";

  private static final Models INSTANCE = load();

  /** apiVersion + '/' + kind → class. */
  private final Map<String, Class<? extends HasMetadata>> byKey;
  /** group ("" for core) → versions with a model. */
  private final Map<String, Set<String>> versionsByGroup;
  /** kind → apiVersions it has a model in. */
  private final Map<String, Set<String>> apiVersionsByKind;

  private Models(Map<String, Class<? extends HasMetadata>> byKey) {
    this.byKey = Map.copyOf(byKey);
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
    Class<? extends HasMetadata> c = byKey.get(apiVersion + "/" + kind);
    return c == null ? GenericKubernetesResource.class : c;
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

  private static Models load() {
    Map<String, Class<? extends HasMetadata>> byKey = new TreeMap<>();
    ClassLoader cl = Models.class.getClassLoader();
    try {
      Enumeration<URL> urls = cl.getResources(SERVICES);
      while (urls.hasMoreElements()) {
        try (InputStream in = urls.nextElement().openStream();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
              continue;
            }
            add(byKey, name, cl);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list fabric8's model classes", e);
    }
    return new Models(byKey);
  }

  private static void add(Map<String, Class<? extends HasMetadata>> byKey, String name, ClassLoader cl) {
    Class<?> c;
    try {
      c = Class.forName(name, false, cl);
    } catch (ClassNotFoundException | LinkageError e) {
      return;
    }
    if (!HasMetadata.class.isAssignableFrom(c) || c == GenericKubernetesResource.class) {
      return;
    }
    Class<? extends HasMetadata> type = c.asSubclass(HasMetadata.class);
    String apiVersion = HasMetadata.getApiVersion(type);
    String kind = HasMetadata.getKind(type);
    if (apiVersion != null && kind != null) {
      byKey.put(apiVersion + "/" + kind, type);
    }
  }
}
