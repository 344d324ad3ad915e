package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * A pod template without node affinity: replicas may land on any node, including ones without the
 * disks, GPUs or zone the data needs. (kube-linter ships this check switched off; so it is advice.)
 *
 * <p>Checked fields: {@code spec.template.spec.affinity.nodeAffinity}.
 */
@RuleInfo(id = "bp-node-affinity", severity = Severity.INFO, summary = "Pod template without node affinity")
public final class BpNodeAffinity implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    Affinity a = Pods.podSpec(sts).getAffinity();
    if (a == null || a.getNodeAffinity() == null) {
      return List.of(Violation.required(Pods.POD_SPEC.child("affinity", "nodeAffinity"), Message.of("bp-node-affinity"))
          .withCheck("node-affinity"));
    }
    return List.of();
  }
}
