package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Volume types outside the restricted set (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code restrictedVolumes} ({@code policy/check_restrictedVolumes.go}): only volume
 * types that need no host access or in-tree driver privileges; storage comes through claims (claim
 * templates are always allowed: they become {@code persistentVolumeClaim} volumes). A volume with no
 * source is an {@code emptyDir} after defaulting, as upstream sees it. Replaces
 * {@code pss-host-path-volumes} in the restricted set.
 *
 * <p>Checked fields: {@code spec.template.spec.volumes[*]}.
 *
 * <p>Allowed values: {@code configMap}, {@code csi}, {@code downwardAPI}, {@code emptyDir},
 * {@code ephemeral}, {@code image}, {@code persistentVolumeClaim}, {@code projected}, {@code secret}.
 */
@RuleInfo(id = "pss-restricted-volumes", severity = Severity.ERROR,
    summary = "Volume type the restricted Pod Security Standard forbids")
public final class PssRestrictedVolumes implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    List<Volume> volumes = Pods.podSpec(sts).getVolumes() == null ? List.of() : Pods.podSpec(sts).getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v == null || allowed(v)) {
        continue;
      }
      FieldPath p = Pods.POD_SPEC.child("volumes").index(i);
      out.add(Violation.forbidden(p, Message.of("pss-restricted-volumes", Pods.str(v.getName())))
          .withHint(Message.of("hint-pss-restricted-volumes")));
    }
    return out;
  }

  private static boolean allowed(Volume v) {
    return v.getConfigMap() != null || v.getCsi() != null || v.getDownwardAPI() != null || v.getEmptyDir() != null
        || v.getEphemeral() != null || v.getImage() != null || v.getPersistentVolumeClaim() != null
        || v.getProjected() != null || v.getSecret() != null;
  }
}
