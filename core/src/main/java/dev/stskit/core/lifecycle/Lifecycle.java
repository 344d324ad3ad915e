package dev.stskit.core.lifecycle;

import dev.stskit.core.SpecException;
import dev.stskit.core.internal.Trees;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The row-menu operations of the platform's StatefulSet list (docs/form.md §16) as pure functions:
 * each takes a StatefulSet and returns the object to send, never changing its argument and never
 * talking to a cluster. Time is a parameter, so results are deterministic.
 */
public final class Lifecycle {
  /** The pod-template annotation {@code kubectl rollout restart} sets. */
  public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private Lifecycle() {}

  /**
   * Scale (弹性扩缩): a copy with {@code spec.replicas = replicas}.
   *
   * @param sts the StatefulSet
   * @param replicas the number of pods wanted, 0 or more
   * @return the scaled copy
   * @throws SpecException {@code spec.replicas: must be >= 0}
   */
  public static StatefulSet scale(StatefulSet sts, int replicas) {
    if (replicas < 0) {
      throw new SpecException("spec.replicas", "must be >= 0");
    }
    return new StatefulSetBuilder(sts).editOrNewSpec().withReplicas(replicas).endSpec().build();
  }

  /**
   * Restart (重启), as {@code kubectl rollout restart} does it: the pod template gets the annotation
   * {@value #RESTARTED_AT} with {@code at} in RFC 3339 (UTC, whole seconds), which changes the
   * template and so rolls the pods per the update strategy. With {@code OnDelete} (the form's
   * "recreate") a template change updates nothing by itself, so {@link Restart#podsToDelete()}
   * lists the pods to delete; with {@code RollingUpdate} it is empty.
   *
   * @param sts the StatefulSet
   * @param at the time written into {@code kubectl.kubernetes.io/restartedAt}
   * @return the StatefulSet to send and the pods to delete
   */
  public static Restart restart(StatefulSet sts, Instant at) {
    String stamp = RFC3339.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    StatefulSet out = new StatefulSetBuilder(sts).editOrNewSpec().editOrNewTemplate().editOrNewMetadata()
        .addToAnnotations(RESTARTED_AT, stamp).endMetadata().endTemplate().endSpec().build();
    boolean onDelete = sts.getSpec() != null && sts.getSpec().getUpdateStrategy() != null
        && "OnDelete".equals(sts.getSpec().getUpdateStrategy().getType());
    return new Restart(out, onDelete ? podNames(sts) : List.of());
  }

  /**
   * The names of the StatefulSet's pods, {@code <name>-<ordinal>} for the ordinals from {@code
   * spec.ordinals.start} (default 0) on, one per replica (default 1).
   *
   * @param sts the StatefulSet
   * @return the pod names, in ordinal order
   */
  public static List<String> podNames(StatefulSet sts) {
    String name = sts.getMetadata() == null ? null : sts.getMetadata().getName();
    if (name == null || name.isEmpty()) {
      throw new SpecException("metadata.name", "required");
    }
    int replicas = 1;
    int start = 0;
    if (sts.getSpec() != null) {
      replicas = Optional.ofNullable(sts.getSpec().getReplicas()).orElse(1);
      if (sts.getSpec().getOrdinals() != null && sts.getSpec().getOrdinals().getStart() != null) {
        start = sts.getSpec().getOrdinals().getStart();
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      out.add(name + "-" + (start + i));
    }
    return out;
  }

  /**
   * Rollback (版本回退) as {@code kubectl rollout undo} does it (kubectl {@code
   * pkg/polymorphichelpers/rollback.go}, {@code findHistory}): revision 0 means the previous one
   * (the second highest), otherwise the revision with that number. The StatefulSet controller
   * stores in each ControllerRevision a patch {@code {"spec":{"template":{…,"$patch":"replace"}}}}
   * (kubernetes {@code pkg/controller/statefulset/stateful_set_utils.go}, {@code getPatch}); the
   * result is a copy with that template. Claim templates are not rolled back.
   *
   * @param history the StatefulSet's ControllerRevisions (the caller selects those it owns)
   * @param sts the StatefulSet
   * @param toRevision the revision to go back to; 0 for the one before the current
   * @return a copy whose pod template is the revision's
   * @throws SpecException naming the revision when there is none to roll back to
   */
  public static StatefulSet rollback(StatefulSet sts, List<ControllerRevision> history, long toRevision) {
    List<ControllerRevision> sorted = new ArrayList<>(history);
    sorted.sort(Comparator.comparing((ControllerRevision r) -> r.getRevision() == null ? 0L : r.getRevision())
        .thenComparing(r -> r.getMetadata() == null || r.getMetadata().getName() == null
            ? "" : r.getMetadata().getName()));
    ControllerRevision target = null;
    if (toRevision == 0) {
      if (sorted.size() >= 2) {
        target = sorted.get(sorted.size() - 2);
      }
    } else {
      for (ControllerRevision r : sorted) {
        if (r.getRevision() != null && r.getRevision() == toRevision) {
          target = r;
          break;
        }
      }
    }
    if (target == null) {
      throw new SpecException("revision", toRevision == 0
          ? "no previous revision to roll back to"
          : "unable to find revision " + toRevision + " in the history");
    }
    JsonNode data = Trees.MAPPER.valueToTree(target.getData());
    JsonNode template = data.path("spec").path("template");
    if (!template.isObject()) {
      throw new SpecException("data.spec.template",
          "revision " + target.getRevision() + " holds no pod template");
    }
    ObjectNode copy = (ObjectNode) template.deepCopy();
    copy.remove("$patch");
    PodTemplateSpec restored = Trees.fromTree(copy, PodTemplateSpec.class);
    return new StatefulSetBuilder(sts).editOrNewSpec().withTemplate(restored).endSpec().build();
  }

  /**
   * Delete (删除) options: {@code Background} (the default: the StatefulSet goes at once, its
   * pods after) or {@code Foreground} (the pods first). Claims from claim templates are kept
   * unless {@code spec.persistentVolumeClaimRetentionPolicy.whenDeleted} is {@code Delete}; the
   * Services compiled with the workload are separate objects and are deleted separately.
   *
   * @param foreground whether the pods go first
   * @return the delete options
   */
  public static DeleteOptions deleteOptions(boolean foreground) {
    DeleteOptions options = new DeleteOptions();
    options.setPropagationPolicy(foreground ? "Foreground" : "Background");
    return options;
  }

  /**
   * The result of {@link #restart}.
   *
   * @param statefulSet the StatefulSet to send
   * @param podsToDelete pods to delete so they come back on the new template ({@code OnDelete}
   *     only), in ordinal order
   */
  public record Restart(StatefulSet statefulSet, List<String> podsToDelete) {
    /**
     * Copies the StatefulSet and the list.
     *
     * @param statefulSet the StatefulSet to send
     * @param podsToDelete pods to delete so they come back on the new template
     */
    public Restart {
      statefulSet = new StatefulSetBuilder(statefulSet).build();
      podsToDelete = List.copyOf(podsToDelete);
    }

    /** {@return a copy of the StatefulSet to send} */
    @Override
    public StatefulSet statefulSet() {
      return new StatefulSetBuilder(statefulSet).build();
    }
  }

}
