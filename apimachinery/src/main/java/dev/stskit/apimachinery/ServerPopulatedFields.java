package dev.stskit.apimachinery;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/**
 * The metadata fields the API server populates, which an object created elsewhere must not carry:
 * {@code uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp},
 * {@code deletionTimestamp}, {@code deletionGracePeriodSeconds}, {@code managedFields} and
 * {@code selfLink} ({@code ObjectMeta} in {@code k8s.io/apimachinery/pkg/apis/meta/v1/types.go}: "Populated
 * by the system. Read-only."), plus {@code kubectl apply}'s bookkeeping annotation. The one list that
 * core's {@code ServerFields} and render's apply-ready mode both use.
 */
public final class ServerPopulatedFields {
  /** The server-populated {@code metadata} fields, by JSON name. */
  public static final List<String> METADATA = List.of("uid", "resourceVersion", "generation", "creationTimestamp",
      "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink");

  /** {@code kubectl apply}'s record of the last applied object. */
  public static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";

  private ServerPopulatedFields() {}

  /**
   * Whether {@code name} is one of the server-populated {@code metadata} fields.
   *
   * @param name a field name of {@code metadata}, e.g. {@code uid}
   * @return true for a field the API server sets
   */
  public static boolean isMetadataField(String name) {
    return METADATA.contains(name);
  }

  /**
   * Clears every server-populated field of {@code meta} (sets it to null) in place.
   *
   * @param meta the metadata to clear, changed in place
   */
  public static void clear(ObjectMeta meta) {
    for (String field : METADATA) {
      switch (field) {
        case "uid" -> meta.setUid(null);
        case "resourceVersion" -> meta.setResourceVersion(null);
        case "generation" -> meta.setGeneration(null);
        case "creationTimestamp" -> meta.setCreationTimestamp(null);
        case "deletionTimestamp" -> meta.setDeletionTimestamp(null);
        case "deletionGracePeriodSeconds" -> meta.setDeletionGracePeriodSeconds(null);
        case "managedFields" -> meta.setManagedFields(null);
        case "selfLink" -> meta.setSelfLink(null);
        default -> throw new IllegalStateException("no setter for metadata." + field);
      }
    }
  }
}
