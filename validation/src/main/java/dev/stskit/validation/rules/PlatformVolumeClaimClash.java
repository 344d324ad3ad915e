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
 * A pod volume shadowed by a claim template of the same name.
 *
 * <p>The StatefulSet controller replaces a template volume by the per-pod claim of the same name
 * ({@code updateStorage} in {@code pkg/controller/statefulset/stateful_set_utils.go}), so the volume as
 * written is never mounted. The platform's own example YAML has this quirk (docs/form.md §18: volume
 * {@code data} with {@code claimName: data} next to claim template {@code data}). Accepted by
 * Kubernetes, hence a warning.
 *
 * <p>Checked fields: {@code spec.template.spec.volumes[*].name} against
 * {@code spec.volumeClaimTemplates[*].metadata.name}.
 *
 * <p>Allowed values: names no claim template uses.
 */
@RuleInfo(id = "platform-volume-claim-clash", severity = Severity.WARNING,
    summary = "Pod volume has the name of a volume claim template, which replaces it")
public final class PlatformVolumeClaimClash implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    List<String> claims = Pods.claimTemplateNames(sts);
    List<Volume> volumes = Pods.podSpec(sts).getVolumes() == null ? List.of() : Pods.podSpec(sts).getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      int j = v == null || v.getName() == null ? -1 : claims.indexOf(v.getName());
      if (j >= 0) {
        FieldPath p = Pods.POD_SPEC.child("volumes").index(i).child("name");
        out.add(Violation.invalid(p, v.getName(), Message.of("platform-volume-claim-clash", j))
            .withHint(Message.of("hint-platform-volume-claim-clash")));
      }
    }
    return out;
  }
}
