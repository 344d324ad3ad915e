package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resource settings kube-score asks for beyond requests and limits: ephemeral storage requested and
 * limited (a replica writing logs or temp files to the node's disk is evicted without one), and
 * requests equal to limits (the {@code Guaranteed} QoS class, last to be evicted).
 *
 * <p>Checks: {@code ephemeral-storage} (no {@code ephemeral-storage} limit or request);
 * {@code requests-equal-limits} (a CPU, memory or ephemeral-storage request different from its limit).
 *
 * <p>Checked fields: {@code spec.template.spec.{initContainers,containers}[*].resources}.
 */
@RuleInfo(id = "bp-resource-hygiene", severity = Severity.INFO,
    summary = "No ephemeral-storage request or limit, or requests different from limits")
public final class BpResourceHygiene implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      ResourceRequirements r = c.container().getResources();
      Map<String, Quantity> requests = r == null || r.getRequests() == null ? Map.of() : r.getRequests();
      Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      FieldPath p = c.path().child("resources");
      if (!limits.containsKey("ephemeral-storage")) {
        out.add(Violation.required(p.child("limits").key("ephemeral-storage"), Message.of("bp-ephemeral-storage"))
            .withCheck("ephemeral-storage"));
      } else if (!requests.containsKey("ephemeral-storage")) {
        out.add(Violation.required(p.child("requests").key("ephemeral-storage"), Message.of("bp-ephemeral-storage"))
            .withCheck("ephemeral-storage"));
      }
      for (String res : List.of("cpu", "memory", "ephemeral-storage")) {
        Quantity req = requests.get(res);
        Quantity lim = limits.get(res);
        if (req != null && lim != null && !equal(req, lim)) {
          out.add(Violation.invalid(p.child("requests").key(res), req.toString(),
              Message.of("bp-requests-equal-limits", Violation.quote(lim.toString()))).withCheck("requests-equal-limits"));
        } else if ((req == null) != (lim == null) && req != null) {
          out.add(Violation.required(p.child("limits").key(res), Message.of("bp-requests-equal-limits", Violation.quote(req.toString())))
              .withCheck("requests-equal-limits"));
        }
      }
    }
    return out;
  }

  private static boolean equal(Quantity a, Quantity b) {
    try {
      return Quantity.getAmountInBytes(a).compareTo(Quantity.getAmountInBytes(b)) == 0;
    } catch (RuntimeException e) {
      return a.toString().equals(b.toString());
    }
  }
}
