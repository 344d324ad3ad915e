package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * Several replicas with nothing keeping them apart.
 *
 * <p>With {@code replicas} &gt; 1 and neither pod anti-affinity nor topology spread constraints the
 * scheduler may put every replica on one node, and one node failure takes the whole set down; the
 * platform's own example uses preferred anti-affinity on {@code kubernetes.io/hostname} (docs/form.md §18).
 * Info only: small clusters may have no choice.
 *
 * <p>Checked fields: {@code spec.template.spec.affinity.podAntiAffinity},
 * {@code spec.template.spec.topologySpreadConstraints}, when {@code spec.replicas} &gt; 1.
 *
 * <p>Allowed values: either set.
 */
@RuleInfo(id = "bp-anti-affinity", severity = Severity.INFO,
    summary = "More than one replica but no pod anti-affinity or topology spread")
public final class BpAntiAffinity implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    Integer replicas = Pods.spec(sts).getReplicas();
    PodSpec pod = Pods.podSpec(sts);
    Affinity a = pod.getAffinity();
    boolean anti = a != null && a.getPodAntiAffinity() != null;
    boolean spread = pod.getTopologySpreadConstraints() != null && !pod.getTopologySpreadConstraints().isEmpty();
    if (replicas != null && replicas > 1 && !anti && !spread) {
      return List.of(Violation.required(Pods.POD_SPEC.child("affinity", "podAntiAffinity"),
          Message.of("bp-anti-affinity", replicas)).withHint(Message.of("hint-bp-anti-affinity")));
    }
    return List.of();
  }
}
