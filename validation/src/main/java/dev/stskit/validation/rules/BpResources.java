package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A container without CPU and memory requests, or without CPU and memory limits.
 *
 * <p>Without requests the scheduler places the pod as if it needed nothing and the pod is
 * {@code BestEffort}, the first evicted under node pressure; without a memory limit one replica can take
 * a node's memory; without a CPU limit one replica can starve its neighbours (Polaris and kube-score
 * want one). A limit alone counts as a request (Kubernetes copies it). Regular containers only.
 *
 * <p>Checks: {@code cpu-request}, {@code memory-request}, {@code cpu-limit}, {@code memory-limit}.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].resources}.
 *
 * <p>Allowed values: cpu and memory requested (or limited), cpu and memory limited.
 */
@RuleInfo(id = "bp-resources", severity = Severity.WARNING,
    summary = "Container without CPU or memory requests or limits")
public final class BpResources implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      if (c.init()) {
        continue;
      }
      Container container = c.container();
      ResourceRequirements r = container.getResources();
      Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
      Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      FieldPath p = c.path().child("resources");
      for (String resource : List.of("cpu", "memory")) {
        if (!requests.containsKey(resource) && !limits.containsKey(resource)) {
          out.add(Violation.required(p.child("requests").key(resource), Message.of("bp-request", resource))
              .withCheck(resource + "-request"));
        }
      }
      if (!limits.containsKey("cpu")) {
        out.add(Violation.required(p.child("limits").key("cpu"), Message.of("bp-cpu-limit")).withCheck("cpu-limit"));
      }
      if (!limits.containsKey("memory")) {
        out.add(Violation.required(p.child("limits").key("memory"), Message.of("bp-memory-limit"))
            .withCheck("memory-limit"));
      }
    }
    return out;
  }
}
