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
 * A warning, as kube-linter's {@code no-anti-affinity} is on by default.
 *
 * <p>Checked fields: {@code spec.template.spec.affinity.podAntiAffinity},
 * {@code spec.template.spec.topologySpreadConstraints}, when {@code spec.replicas} &gt; 1.
 *
 * <p>An anti-affinity whose terms all name other {@code namespaces} does not count: it keeps replicas away
 * from those namespaces' pods, not from each other (kube-linter's {@code no-anti-affinity} says the same).
 *
 * <p>Allowed values: either set.
 */
@RuleInfo(id = "bp-anti-affinity", severity = Severity.WARNING,
    summary = "More than one replica but no pod anti-affinity or topology spread")
public final class BpAntiAffinity implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    Integer replicas = Pods.spec(sts).getReplicas();
    PodSpec pod = Pods.podSpec(sts);
    Affinity a = pod.getAffinity();
    boolean anti = a != null && a.getPodAntiAffinity() != null && coversOwnNamespace(a.getPodAntiAffinity(),
        Pods.meta(sts).getNamespace());
    boolean spread = pod.getTopologySpreadConstraints() != null && !pod.getTopologySpreadConstraints().isEmpty();
    if (replicas != null && replicas > 1 && !anti && !spread) {
      return List.of(Violation.required(Pods.POD_SPEC.child("affinity", "podAntiAffinity"),
          Message.of("bp-anti-affinity", replicas)).withHint(Message.of("hint-bp-anti-affinity")));
    }
    return List.of();
  }

  /**
   * Whether some anti-affinity term applies to pods of the StatefulSet's own namespace: a term that lists
   * other {@code namespaces} only keeps replicas away from those namespaces' pods, not from each other.
   */
  private static boolean coversOwnNamespace(io.fabric8.kubernetes.api.model.PodAntiAffinity anti, String namespace) {
    String ns = namespace == null || namespace.isEmpty() ? "default" : namespace;
    List<io.fabric8.kubernetes.api.model.PodAffinityTerm> terms = new java.util.ArrayList<>();
    if (anti.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
      terms.addAll(anti.getRequiredDuringSchedulingIgnoredDuringExecution());
    }
    if (anti.getPreferredDuringSchedulingIgnoredDuringExecution() != null) {
      anti.getPreferredDuringSchedulingIgnoredDuringExecution().stream().filter(w -> w != null && w.getPodAffinityTerm() != null)
          .forEach(w -> terms.add(w.getPodAffinityTerm()));
    }
    if (terms.isEmpty()) {
      return true; // an empty podAntiAffinity: the apiserver's business, not this rule's
    }
    for (var t : terms) {
      if (t == null) {
        continue;
      }
      if (t.getNamespaceSelector() != null || t.getNamespaces() == null || t.getNamespaces().isEmpty()
          || t.getNamespaces().contains(ns)) {
        return true;
      }
    }
    return false;
  }
}
