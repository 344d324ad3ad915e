package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.SameFile;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The PodDisruptionBudget shipped with the StatefulSet: without one a node drain may evict every
 * replica at once; with one that allows no disruption, drains and cluster upgrades hang.
 *
 * <p>Checks (only when the file is known): {@code missing} (no PodDisruptionBudget of the namespace
 * selects the template's labels); for each one that does: {@code no-policy} (neither
 * {@code minAvailable} nor {@code maxUnavailable}); {@code disruptions-zero} ({@code maxUnavailable} 0
 * or {@code 0%}, {@code minAvailable} {@code 100%} or at least {@code spec.replicas});
 * {@code unhealthy-pod-eviction-policy} (not set: a crash-looping replica then blocks every drain;
 * {@code AlwaysAllow} lets it go).
 *
 * <p>Findings point at {@code spec.template.metadata.labels} (what the budget selects) and name the
 * budget. Checked objects: the file's {@code policy/v1} PodDisruptionBudgets.
 */
@RuleInfo(id = "bp-pod-disruption-budget", severity = Severity.WARNING,
    summary = "No PodDisruptionBudget in the file selects the pods, or the one that does blocks or never protects")
public final class BpPodDisruptionBudget implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    if (!context.seesFile()) {
      return List.of();
    }
    Map<String, String> labels = Pods.templateMeta(sts).getLabels() == null ? Map.of() : Pods.templateMeta(sts).getLabels();
    FieldPath at = Pods.TEMPLATE.child("metadata", "labels");
    int replicas = Pods.spec(sts).getReplicas() == null ? 1 : Pods.spec(sts).getReplicas();
    List<Violation> out = new ArrayList<>();
    boolean found = false;
    for (JsonNode pdb : SameFile.ofKind(context, sts, "PodDisruptionBudget")) {
      JsonNode spec = pdb.path("spec");
      if (labels.isEmpty() || !SameFile.selects(spec.get("selector"), labels)) {
        continue;
      }
      found = true;
      String name = pdb.path("metadata").path("name").asString("");
      JsonNode min = spec.get("minAvailable");
      JsonNode max = spec.get("maxUnavailable");
      if ((min == null || min.isNull()) && (max == null || max.isNull())) {
        out.add(Violation.invalid(at, name, Message.of("bp-pdb-no-policy")).withCheck("no-policy"));
      } else if (blocks(min, max, replicas)) {
        out.add(Violation.invalid(at, name, Message.of("bp-pdb-disruptions-zero", replicas)).withCheck("disruptions-zero"));
      }
      if (!spec.hasNonNull("unhealthyPodEvictionPolicy")) {
        out.add(Violation.invalid(at, name, Message.of("bp-pdb-unhealthy-pod-eviction")).withCheck("unhealthy-pod-eviction-policy"));
      }
    }
    if (!found) {
      out.add(Violation.required(at, Message.of("bp-pdb-missing")).withCheck("missing"));
    }
    return out;
  }

  /** Whether the budget never allows an eviction for {@code replicas} pods. */
  static boolean blocks(JsonNode min, JsonNode max, int replicas) {
    if (max != null && !max.isNull()) {
      String m = max.asString("");
      if (m.equals("0") || m.equals("0%")) {
        return true;
      }
    }
    if (min != null && !min.isNull()) {
      String m = min.asString("");
      if (m.endsWith("%")) {
        return m.equals("100%");
      }
      try {
        return Integer.parseInt(m) >= replicas;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return false;
  }
}
