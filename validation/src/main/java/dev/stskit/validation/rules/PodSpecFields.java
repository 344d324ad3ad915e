package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.PodReadinessGate;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The remaining pod-level fields: restart policy, service account, node name, priority class, runtime
 * class, preemption policy, readiness and scheduling gates, OS.
 *
 * <p>Follows {@code ValidatePodSpec} ({@code validateRestartPolicy}, {@code ValidateServiceAccountName},
 * {@code ValidateNodeName}, {@code ValidatePriorityClassName}, {@code ValidateRuntimeClassName},
 * {@code ValidatePreemptionPolicy}, {@code validateReadinessGates},
 * {@code validateSchedulingGates}, {@code validateOS}) in {@code pkg/apis/core/validation/validation.go}.
 * {@code terminationGracePeriodSeconds} is not validated upstream (a negative value is turned into 1
 * when pods are created), so it is not checked here either.
 *
 * <p>Checked fields: {@code restartPolicy}, {@code serviceAccountName}, {@code nodeName},
 * {@code priorityClassName}, {@code runtimeClassName}, {@code preemptionPolicy}, {@code readinessGates}, {@code schedulingGates}, {@code os},
 * {@code activeDeadlineSeconds} under {@code spec.template.spec}.
 *
 * <p>Allowed values: restartPolicy {@code Always}, {@code OnFailure}, {@code Never} (the StatefulSet
 * rule narrows it to Always); names DNS subdomains; preemptionPolicy {@code PreemptLowerPriority} or
 * {@code Never}; readiness condition types qualified names; scheduling gate names qualified, unique; os
 * name {@code linux} or {@code windows}.
 */
@RuleInfo(id = "k8s-pod-spec", severity = Severity.ERROR,
    summary = "Pod-level fields that kube-apiserver rejects: names, classes, gates, policies")
@PodTemplateCheck
public final class PodSpecFields implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    PodSpec pod = Pods.podSpec(sts);
    FieldPath ps = Pods.POD_SPEC;
    String rp = Pods.str(pod.getRestartPolicy());
    switch (rp) {
      case "Always", "OnFailure", "Never" -> { }
      case "" -> out.add(Violation.required(ps.child("restartPolicy")));
      default -> out.add(Violation.notSupported(ps.child("restartPolicy"), rp, List.of("Always", "OnFailure", "Never")));
    }
    subdomain(out, pod.getServiceAccountName(), ps.child("serviceAccountName"));
    subdomain(out, pod.getNodeName(), ps.child("nodeName"));
    subdomain(out, pod.getPriorityClassName(), ps.child("priorityClassName"));
    if (pod.getRuntimeClassName() != null) {
      for (Message m : Names.dns1123Subdomain(pod.getRuntimeClassName())) {
        out.add(Violation.invalid(ps.child("runtimeClassName"), pod.getRuntimeClassName(), m));
      }
    }
    if (pod.getPreemptionPolicy() != null
        && !List.of("PreemptLowerPriority", "Never").contains(pod.getPreemptionPolicy())) {
      out.add(Violation.notSupported(ps.child("preemptionPolicy"), pod.getPreemptionPolicy(),
          List.of("Never", "PreemptLowerPriority")));
    }
    if (pod.getActiveDeadlineSeconds() != null
        && (pod.getActiveDeadlineSeconds() < 1 || pod.getActiveDeadlineSeconds() > Integer.MAX_VALUE)) {
      out.add(Violation.invalid(ps.child("activeDeadlineSeconds"), pod.getActiveDeadlineSeconds(),
          Message.of("range", 1, Integer.MAX_VALUE)));
    }
    List<PodReadinessGate> gates = Defaults.list(pod.getReadinessGates());
    for (int i = 0; i < gates.size(); i++) {
      String ct = gates.get(i) == null ? "" : Pods.str(gates.get(i).getConditionType());
      for (Message m : Names.qualifiedName(ct)) {
        out.add(Violation.invalid(ps.child("readinessGates").index(i).child("conditionType"), ct, m));
      }
    }
    List<PodSchedulingGate> sgates = Defaults.list(pod.getSchedulingGates());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < sgates.size(); i++) {
      String name = sgates.get(i) == null ? "" : Pods.str(sgates.get(i).getName());
      FieldPath p = ps.child("schedulingGates").index(i).child("name");
      for (Message m : Names.qualifiedName(name)) {
        out.add(Violation.invalid(p, name, m));
      }
      if (!seen.add(name)) {
        out.add(Violation.duplicate(p, name));
      }
    }
    if (pod.getOs() != null) {
      String os = Pods.str(pod.getOs().getName());
      if (os.isEmpty()) {
        out.add(Violation.required(ps.child("os", "name")));
      } else if (!os.equals("linux") && !os.equals("windows")) {
        out.add(Violation.notSupported(ps.child("os", "name"), os, List.of("linux", "windows")));
      }
    }
    return out;
  }

  private static void subdomain(List<Violation> out, String value, FieldPath path) {
    if (value != null && !value.isEmpty()) {
      for (Message m : Names.dns1123Subdomain(value)) {
        out.add(Violation.invalid(path, value, m));
      }
    }
  }
}
