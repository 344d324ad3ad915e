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
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scheduling a StatefulSet should state: how replicas spread over topology, and how important its
 * pods are when the cluster is full.
 *
 * <p>Checks: {@code topology-spread} (no {@code topologySpreadConstraints}: nothing stops the scheduler
 * from packing replicas into one zone or node); {@code priority-class} (no {@code priorityClassName}:
 * the pods get the cluster's default priority and may be preempted by any other workload).
 *
 * <p>Checked fields: {@code spec.template.spec.{topologySpreadConstraints,priorityClassName}}.
 *
 * <p>Fix: a {@code topologySpreadConstraints} entry on {@code kubernetes.io/hostname} with
 * {@code maxSkew: 1}, {@code whenUnsatisfiable: ScheduleAnyway} and the StatefulSet's
 * {@code selector.matchLabels} (when it has some).
 */
@RuleInfo(id = "bp-scheduling", severity = Severity.WARNING,
    summary = "Pod template without topology spread constraints or a priority class")
public final class BpScheduling implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    if (pod.getTopologySpreadConstraints() == null || pod.getTopologySpreadConstraints().isEmpty()) {
      FieldPath p = Pods.POD_SPEC.child("topologySpreadConstraints");
      Violation v = Violation.required(p, Message.of("bp-topology-spread")).withCheck("topology-spread");
      LabelSelector sel = Pods.spec(sts).getSelector();
      Map<String, String> labels = sel == null ? null : sel.getMatchLabels();
      if (labels != null && !labels.isEmpty()) {
        v = v.withFix(Fix.add(p, List.of(Fix.object("maxSkew", 1, "topologyKey", "kubernetes.io/hostname",
            "whenUnsatisfiable", "ScheduleAnyway", "labelSelector", Fix.object("matchLabels", labels)))));
      }
      out.add(v);
    }
    if (Pods.str(pod.getPriorityClassName()).isEmpty()) {
      out.add(Violation.required(Pods.POD_SPEC.child("priorityClassName"), Message.of("bp-priority-class"))
          .withCheck("priority-class"));
    }
    return out;
  }
}
