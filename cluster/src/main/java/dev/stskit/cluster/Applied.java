package dev.stskit.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * One applied object.
 *
 * @param kind e.g. {@code StatefulSet}
 * @param namespace its namespace
 * @param name its name
 * @param outcome created, configured or unchanged
 * @param object the object as the API server returned it (with server fields)
 */
public record Applied(String kind, String namespace, String name, Outcome outcome, HasMetadata object) {
  /**
   * {@code statefulset.apps/web configured}, as kubectl prints it.
   *
   * @return the line, e.g. {@code statefulset.apps/web configured}
   */
  public String line() {
    String group = object.getApiVersion() != null && object.getApiVersion().contains("/")
        ? "." + object.getApiVersion().substring(0, object.getApiVersion().indexOf('/')) : "";
    return kind.toLowerCase(java.util.Locale.ROOT) + group + "/" + name + " " + outcome.word();
  }
}
