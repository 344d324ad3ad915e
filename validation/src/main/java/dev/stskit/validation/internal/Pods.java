package dev.stskit.validation.internal;

import dev.stskit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Null-safe access to a StatefulSet's parts, with their field paths. */
public final class Pods {
  /** {@code spec}. */
  public static final FieldPath SPEC = FieldPath.of("spec");
  /** {@code spec.template}. */
  public static final FieldPath TEMPLATE = SPEC.child("template");
  /** {@code spec.template.spec}. */
  public static final FieldPath POD_SPEC = TEMPLATE.child("spec");

  private Pods() {}

  /** A container and where it sits. */
  public record Located(Container container, FieldPath path, boolean init) {}

  /** The StatefulSet spec, or an empty one. */
  public static StatefulSetSpec spec(StatefulSet sts) {
    return sts.getSpec() == null ? new StatefulSetSpec() : sts.getSpec();
  }

  /** The metadata, or an empty one. */
  public static ObjectMeta meta(StatefulSet sts) {
    return sts.getMetadata() == null ? new ObjectMeta() : sts.getMetadata();
  }

  /** The pod template, or an empty one. */
  public static PodTemplateSpec template(StatefulSet sts) {
    PodTemplateSpec t = spec(sts).getTemplate();
    return t == null ? new PodTemplateSpec() : t;
  }

  /** The pod template's metadata, or an empty one. */
  public static ObjectMeta templateMeta(StatefulSet sts) {
    ObjectMeta m = template(sts).getMetadata();
    return m == null ? new ObjectMeta() : m;
  }

  /** The pod spec, or an empty one. */
  public static PodSpec podSpec(StatefulSet sts) {
    PodSpec p = template(sts).getSpec();
    return p == null ? new PodSpec() : p;
  }

  /**
   * Whether kube-apiserver validates the pod template at all: only when the selector converts
   * ({@code ValidateStatefulSetSpec} calls {@code ValidatePodTemplateSpecForStatefulSet} in the
   * {@code else} branch of {@code metav1.LabelSelectorAsSelector}).
   */
  public static boolean templateIsValidated(StatefulSet sts) {
    return MetaChecks.selectorConverts(spec(sts).getSelector());
  }

  /** Init containers, then containers, with their paths. */
  public static List<Located> allContainers(StatefulSet sts) {
    List<Located> out = new ArrayList<>();
    PodSpec p = podSpec(sts);
    List<Container> init = Defaults.list(p.getInitContainers());
    for (int i = 0; i < init.size(); i++) {
      if (init.get(i) != null) {
        out.add(new Located(init.get(i), POD_SPEC.child("initContainers").index(i), true));
      }
    }
    List<Container> regular = Defaults.list(p.getContainers());
    for (int i = 0; i < regular.size(); i++) {
      if (regular.get(i) != null) {
        out.add(new Located(regular.get(i), POD_SPEC.child("containers").index(i), false));
      }
    }
    return out;
  }

  /**
   * The volumes a pod of this StatefulSet gets, by name: the template's volumes, with a
   * {@code persistentVolumeClaim} volume per claim template replacing any template volume of the same
   * name (what the StatefulSet controller does in {@code updateStorage}, and what
   * {@code ValidateStatefulSetSpec} adds before validating mounts since v1.34).
   */
  public static Map<String, Volume> podVolumes(StatefulSet sts) {
    Map<String, Volume> out = new LinkedHashMap<>();
    for (Volume v : Defaults.list(podSpec(sts).getVolumes())) {
      if (v != null && v.getName() != null) {
        out.putIfAbsent(v.getName(), v);
      }
    }
    for (PersistentVolumeClaim pvc : Defaults.list(spec(sts).getVolumeClaimTemplates())) {
      if (pvc != null && pvc.getMetadata() != null && pvc.getMetadata().getName() != null) {
        Volume v = new Volume();
        v.setName(pvc.getMetadata().getName());
        v.setPersistentVolumeClaim(new io.fabric8.kubernetes.api.model.PersistentVolumeClaimVolumeSource(
            pvc.getMetadata().getName(), false));
        out.put(v.getName(), v);
      }
    }
    return out;
  }

  /** The names of the claim templates. */
  public static List<String> claimTemplateNames(StatefulSet sts) {
    List<String> out = new ArrayList<>();
    for (PersistentVolumeClaim pvc : Defaults.list(spec(sts).getVolumeClaimTemplates())) {
      if (pvc != null && pvc.getMetadata() != null && pvc.getMetadata().getName() != null) {
        out.add(pvc.getMetadata().getName());
      }
    }
    return out;
  }

  /** Null as empty. */
  public static String str(String s) {
    return s == null ? "" : s;
  }
}
