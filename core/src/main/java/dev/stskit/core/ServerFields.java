package dev.stskit.core;

import dev.stskit.apimachinery.ServerPopulatedFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import dev.stskit.core.internal.Beans;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes what the API server populates, so that an exported object compares with a compiled one
 * (docs/form.md §15, §18): {@code status}, {@code metadata.uid}, {@code resourceVersion}, {@code
 * generation}, {@code creationTimestamp}, {@code managedFields}, {@code selfLink}, {@code
 * ownerReferences} (re-created elsewhere the owner does not exist and the garbage collector would
 * delete the object), {@code deletionTimestamp} and {@code deletionGracePeriodSeconds}, and the
 * same inside the pod template's and claim templates' metadata, plus the claim templates' {@code
 * status}; the {@code kubectl.kubernetes.io/last-applied-configuration} annotation ({@code kubectl
 * apply}'s bookkeeping, which the apply-ready renderer drops as well); and for a Service, the
 * cluster IPs the source cluster allocated ({@code spec.clusterIP}/{@code clusterIPs} other than
 * {@code None}: another cluster refuses an address outside its service range, and the form has no
 * field for them). Returns copies in canonical form (an explicit {@code null}
 * list or map reads as an empty one, as fabric8 writes both the same: the object the copy's JSON
 * decodes to, made without Jackson databind); the arguments are not changed.
 */
public final class ServerFields {
  /** {@code kubectl apply}'s record of the last applied object. */
  public static final String LAST_APPLIED_ANNOTATION = ServerPopulatedFields.LAST_APPLIED_ANNOTATION;

  private static final String HEADLESS = "None";

  private ServerFields() {}

  /**
   * A copy of {@code sts} without server-populated fields.
   *
   * @param sts the StatefulSet as read from a cluster
   * @return the stripped copy
   * @throws SpecException naming the field for a value no Kubernetes object can hold (a {@code
   *     new Quantity()} without an amount)
   */
  public static StatefulSet strip(StatefulSet sts) {
    StatefulSet copy = new StatefulSetBuilder(sts).build();
    copy.setStatus(null);
    strip(copy.getMetadata());
    if (copy.getSpec() != null) {
      if (copy.getSpec().getTemplate() != null) {
        strip(copy.getSpec().getTemplate().getMetadata());
      }
      List<PersistentVolumeClaim> claims = copy.getSpec().getVolumeClaimTemplates();
      if (claims != null) {
        for (PersistentVolumeClaim c : claims) {
          c.setStatus(null);
          strip(c.getMetadata());
        }
      }
    }
    return canonical(copy, StatefulSet.class);
  }

  /**
   * A copy of {@code service} without server-populated metadata and status.
   *
   * @param service the Service as read from a cluster
   * @return the stripped copy
   * @throws SpecException naming the field for a value no Kubernetes object can hold (a {@code
   *     new Quantity()} without an amount)
   */
  public static Service strip(Service service) {
    Service copy = new ServiceBuilder(service).build();
    copy.setStatus(null);
    strip(copy.getMetadata());
    if (copy.getSpec() != null && !HEADLESS.equals(copy.getSpec().getClusterIP())) {
      copy.getSpec().setClusterIP(null);
      copy.getSpec().setClusterIPs(new java.util.ArrayList<>());
    }
    return canonical(copy, Service.class);
  }

  /**
   * What {@link #strip} removes that the user should hear about: one warning for each {@code
   * ownerReferences} of {@code object} (its metadata and, for a StatefulSet, the pod template's and
   * claim templates'), naming the field path and the owners (docs/form.md §15 asks for a warning:
   * an owned object re-created elsewhere would be deleted by the garbage collector, and once the
   * references are gone the owner no longer manages it). Empty when there are none.
   *
   * @param object the object as read from a cluster
   * @return one warning per owner reference
   */
  public static List<String> ownerReferenceWarnings(HasMetadata object) {
    List<String> out = new ArrayList<>();
    ownerReferenceWarning("metadata", object.getMetadata(), out);
    if (object instanceof StatefulSet sts && sts.getSpec() != null) {
      if (sts.getSpec().getTemplate() != null) {
        ownerReferenceWarning("spec.template.metadata", sts.getSpec().getTemplate().getMetadata(), out);
      }
      List<PersistentVolumeClaim> claims = sts.getSpec().getVolumeClaimTemplates();
      for (int i = 0; claims != null && i < claims.size(); i++) {
        if (claims.get(i) != null) {
          ownerReferenceWarning("spec.volumeClaimTemplates[" + i + "].metadata", claims.get(i).getMetadata(), out);
        }
      }
    }
    return out;
  }

  private static void ownerReferenceWarning(String at, ObjectMeta meta, List<String> out) {
    if (meta == null || meta.getOwnerReferences() == null || meta.getOwnerReferences().isEmpty()) {
      return;
    }
    StringBuilder owners = new StringBuilder();
    for (OwnerReference r : meta.getOwnerReferences()) {
      if (owners.length() > 0) {
        owners.append(", ");
      }
      owners.append(r == null ? "?" : r.getKind() + "/" + r.getName());
    }
    out.add(at + ".ownerReferences removed (owner " + owners + "): re-created elsewhere the owner's uid"
        + " does not exist, and the garbage collector deletes an object whose owner is missing");
  }

  /**
   * The canonical form of a stripped copy: what its JSON decodes to (an explicit null list or map
   * is the empty one), by {@link Beans} without Jackson databind.
   */
  private static <T> T canonical(T copy, Class<T> type) {
    try {
      return Beans.canonical(copy, type);
    } catch (Beans.Mismatch e) {
      throw new SpecException(e.path(), e.problem());
    }
  }

  private static void strip(ObjectMeta meta) {
    if (meta == null) {
      return;
    }
    ServerPopulatedFields.clear(meta);
    meta.setManagedFields(new java.util.ArrayList<>()); // canonical: an empty list, as fabric8 reads none
    meta.setOwnerReferences(new java.util.ArrayList<>());
    if (meta.getAnnotations() != null) {
      meta.getAnnotations().remove(LAST_APPLIED_ANNOTATION);
    }
  }
}
