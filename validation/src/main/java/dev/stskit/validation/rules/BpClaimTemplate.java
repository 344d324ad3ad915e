package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * A StatefulSet with no volume claim templates.
 *
 * <p>What a StatefulSet adds over a Deployment is stable identity and per-pod storage: each replica gets
 * its own claim {@code <template>-<name>-<ordinal>} that follows it across rescheduling. Without claim
 * templates the data in {@code emptyDir} volumes dies with the pod and shared claims are shared by all
 * replicas. Sometimes intended (a stateless service that needs stable names), hence info only.
 *
 * <p>Checked fields: {@code spec.volumeClaimTemplates}.
 *
 * <p>Allowed values: at least one claim template.
 */
@RuleInfo(id = "bp-claim-template", severity = Severity.INFO,
    summary = "StatefulSet without volume claim templates keeps no per-pod data")
public final class BpClaimTemplate implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    if (Pods.claimTemplateNames(sts).isEmpty()) {
      return List.of(Violation.required(FieldPath.of("spec", "volumeClaimTemplates"), Message.of("bp-claim-template")));
    }
    return List.of();
  }
}
