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
 * hostPath volumes (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code hostPathVolumes} ({@code policy/check_hostPathVolumes.go}, v1.0). The restricted
 * set replaces it with {@code pss-restricted-volumes}, which forbids hostPath among others.
 *
 * <p>Checked fields: {@code spec.template.spec.volumes[*].hostPath}.
 *
 * <p>Allowed values: unset.
 */
@RuleInfo(id = "pss-host-path-volumes", severity = Severity.ERROR,
    summary = "hostPath volume, forbidden by the baseline Pod Security Standard")
public final class PssHostPathVolumes implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    List<Volume> volumes = Pods.podSpec(sts).getVolumes() == null ? List.of() : Pods.podSpec(sts).getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      if (v != null && v.getHostPath() != null) {
        FieldPath p = Pods.POD_SPEC.child("volumes").index(i).child("hostPath");
        out.add(Violation.forbidden(p, Message.of("pss-host-path-volumes", Pods.str(v.getName())))
            .withHint(Message.of("hint-pss-host-path")));
      }
    }
    return out;
  }
}
