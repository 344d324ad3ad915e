package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Fix;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * StatefulSet settings that make rollouts and storage predictable.
 *
 * <p>Checks: {@code update-strategy} ({@code OnDelete}, or any type but {@code RollingUpdate}: a new template reaches no pod until someone
 * deletes it by hand); {@code min-ready-seconds} (0: the next ordinal is replaced as soon as one is
 * Ready, before it has proven itself); {@code replicas} (fewer than 3: one replica down leaves no
 * quorum for the usual replicated stores); {@code claim-storage-class} (a claim template without
 * {@code storageClassName}: the data lands on whatever class is the cluster's default that day);
 * {@code claim-access-mode} (a claim template without {@code accessModes}); {@code storage-class-annotation}
 * (the deprecated {@code volume.beta.kubernetes.io/storage-class} annotation on a claim template instead
 * of {@code storageClassName}).
 *
 * <p>Checked fields: {@code spec.{updateStrategy,minReadySeconds,replicas,volumeClaimTemplates}}.
 *
 * <p>Fixes: {@code updateStrategy: {type: RollingUpdate}}; the annotation's class moved to
 * {@code storageClassName}.
 */
@RuleInfo(id = "bp-statefulset", severity = Severity.INFO,
    summary = "OnDelete updates, no minReadySeconds, fewer than 3 replicas, or claim templates without class or access mode")
public final class BpStatefulSet implements Rule {
  static final String CLASS_ANNOTATION = "volume.beta.kubernetes.io/storage-class";

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    StatefulSetSpec spec = Pods.spec(sts);
    String type = spec.getUpdateStrategy() == null ? null : spec.getUpdateStrategy().getType();
    if (type != null && !type.equals("RollingUpdate")) {
      FieldPath p = Pods.SPEC.child("updateStrategy", "type");
      out.add(Violation.invalid(p, type, Message.of("bp-update-strategy")).withCheck("update-strategy")
          .withFix(Fix.replace(Pods.SPEC.child("updateStrategy"), Fix.object("type", "RollingUpdate"))));
    }
    if (spec.getMinReadySeconds() == null || spec.getMinReadySeconds() == 0) {
      out.add(Violation.required(Pods.SPEC.child("minReadySeconds"), Message.of("bp-min-ready-seconds"))
          .withCheck("min-ready-seconds"));
    }
    int replicas = spec.getReplicas() == null ? 1 : spec.getReplicas();
    if (replicas < 3) {
      out.add(Violation.invalid(Pods.SPEC.child("replicas"), replicas, Message.of("bp-replicas")).withCheck("replicas"));
    }
    List<PersistentVolumeClaim> claims = spec.getVolumeClaimTemplates() == null ? List.of() : spec.getVolumeClaimTemplates();
    for (int i = 0; i < claims.size(); i++) {
      PersistentVolumeClaim c = claims.get(i);
      if (c == null) {
        continue;
      }
      FieldPath cp = Pods.SPEC.child("volumeClaimTemplates").index(i);
      Map<String, String> ann = c.getMetadata() == null || c.getMetadata().getAnnotations() == null ? Map.of()
          : c.getMetadata().getAnnotations();
      String cls = c.getSpec() == null ? null : c.getSpec().getStorageClassName();
      if (ann.containsKey(CLASS_ANNOTATION)) {
        FieldPath ap = cp.child("metadata", "annotations").key(CLASS_ANNOTATION);
        Fix fix = Fix.remove(ap);
        if (cls == null) {
          fix = Fix.add(cp.child("spec", "storageClassName"), ann.get(CLASS_ANNOTATION)).then(fix);
        }
        out.add(Violation.invalid(ap, ann.get(CLASS_ANNOTATION), Message.of("bp-storage-class-annotation"))
            .withCheck("storage-class-annotation").withFix(fix));
      } else if (cls == null) {
        out.add(Violation.required(cp.child("spec", "storageClassName"), Message.of("bp-claim-storage-class"))
            .withCheck("claim-storage-class"));
      }
      if (c.getSpec() == null || c.getSpec().getAccessModes() == null || c.getSpec().getAccessModes().isEmpty()) {
        out.add(Violation.required(cp.child("spec", "accessModes"), Message.of("bp-claim-access-mode"))
            .withCheck("claim-access-mode"));
      }
    }
    return out;
  }
}
