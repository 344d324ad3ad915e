package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.MetaChecks;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Quantities;
import dev.stskit.validation.internal.Ratcheting;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Volume claim templates: access modes, storage request, storage class, volume mode, selector, names.
 *
 * <p>Follows {@code ValidateVolumeClaimTemplates} ({@code pkg/apis/apps/validation/validation.go}, added
 * in v1.34 by kubernetes/kubernetes#132212; before that, a bad template only failed when the controller
 * created the PVC) and {@code ValidatePersistentVolumeClaimSpec} ({@code pkg/apis/core/validation}). On
 * update the check is ratcheted (skipped when the stored templates already fail it). Quirk kept: the
 * storage request path is {@code spec.resources[storage]} (no {@code requests}). A claim template's name
 * becomes a pod volume name, so it must be a DNS-1123 label; upstream reports that through the volume it
 * adds to the template (at an index that follows Go's map order), sts-kit at
 * {@code volumeClaimTemplates[i].metadata.name}. Two claim templates of one name are not an error at
 * v1.37.2: {@code volumesToAddForTemplates} keeps one volume per name (seen by the conformance suite).
 *
 * <p>Checked fields: {@code spec.volumeClaimTemplates[*]}.
 *
 * <p>Allowed values: at least one access mode of {@code ReadWriteOnce}, {@code ReadOnlyMany},
 * {@code ReadWriteMany}, {@code ReadWriteOncePod} (the last alone); {@code resources.requests.storage}
 * &gt; 0; storageClassName a DNS subdomain; volumeMode {@code Filesystem} or {@code Block}.
 */
@RuleInfo(id = "k8s-volume-claim-templates", severity = Severity.ERROR,
    summary = "Volume claim templates that kube-apiserver rejects: access modes, storage size, class")
@Ratcheting
public final class VolumeClaimTemplates implements Rule {
  private static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce",
      "ReadWriteOncePod");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    List<PersistentVolumeClaim> templates = Defaults.list(Pods.spec(sts).getVolumeClaimTemplates());
    FieldPath path = Pods.SPEC.child("volumeClaimTemplates");
    for (int i = 0; i < templates.size(); i++) {
      PersistentVolumeClaim pvc = templates.get(i);
      if (pvc == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String name = pvc.getMetadata() == null ? "" : Pods.str(pvc.getMetadata().getName());
      FieldPath np = p.child("metadata", "name");
      if (name.isEmpty()) {
        out.add(Violation.required(np));
      } else {
        for (Message m : Names.dns1123Label(name)) {
          out.add(Violation.invalid(np, name, m));
        }
      }
      spec(out, pvc.getSpec() == null ? new PersistentVolumeClaimSpec() : pvc.getSpec(), p.child("spec"));
    }
    return out;
  }

  /** {@code ValidatePersistentVolumeClaimSpec}, shared with ephemeral volumes' claim templates. */
  static void spec(List<Violation> out, PersistentVolumeClaimSpec spec, FieldPath path) {
    List<String> modes = Defaults.list(spec.getAccessModes());
    if (modes.isEmpty()) {
      out.add(Violation.required(path.child("accessModes"), Message.of("access-mode-required")));
    }
    if (spec.getSelector() != null) {
      out.addAll(MetaChecks.labelSelector(spec.getSelector(), path.child("selector")));
    }
    boolean rwop = false;
    boolean other = false;
    for (String mode : modes) {
      String m = Pods.str(mode);
      if (!ACCESS_MODES.contains(m)) {
        out.add(Violation.notSupported(path.child("accessModes"), m, ACCESS_MODES));
      }
      if (m.equals("ReadWriteOncePod")) {
        rwop = true;
      } else if (ACCESS_MODES.contains(m)) {
        other = true;
      }
    }
    if (rwop && other) {
      out.add(Violation.forbidden(path.child("accessModes"), Message.of("rwop-exclusive")));
    }
    FieldPath sp = path.child("resources").key("storage");
    Quantity storage = spec.getResources() == null || spec.getResources().getRequests() == null
        ? null : spec.getResources().getRequests().get("storage");
    if (storage == null) {
      out.add(Violation.required(sp).withHint(Message.of("hint-storage")));
    } else {
      Optional<BigDecimal> v = Quantities.parse(storage);
      if (v.isEmpty()) {
        out.add(Violation.invalid(sp, Quantities.text(storage), Message.of("quantity-syntax")));
      } else if (v.get().signum() <= 0) {
        out.add(Violation.invalid(sp, Quantities.text(storage), Message.of("greater-than-zero")));
      }
    }
    String cls = spec.getStorageClassName();
    if (cls != null && !cls.isEmpty()) {
      for (Message m : Names.dns1123Subdomain(cls)) {
        out.add(Violation.invalid(path.child("storageClassName"), cls, m));
      }
    }
    if (spec.getVolumeMode() != null && !List.of("Block", "Filesystem").contains(spec.getVolumeMode())) {
      out.add(Violation.notSupported(path.child("volumeMode"), spec.getVolumeMode(), List.of("Block", "Filesystem")));
    }
  }
}
