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
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Negative replicas, minReadySeconds or ordinals start.
 *
 * <p>Follows the {@code ValidateNonnegativeField} calls of {@code ValidateStatefulSetSpec}
 * ({@code pkg/apis/apps/validation/validation.go}). Note the apiserver's path for the ordinals start
 * is {@code spec.ordinals.start} built as a single element {@code "ordinals.start"}; it prints the same.
 *
 * <p>Checked fields: {@code spec.replicas}, {@code spec.minReadySeconds}, {@code spec.ordinals.start}.
 *
 * <p>Allowed values: 0 or more. An absent replicas is defaulted to 1.
 */
@RuleInfo(id = "k8s-statefulset-counts", severity = Severity.ERROR,
    summary = "Negative replicas, minReadySeconds or ordinals.start")
public final class StatefulSetCounts implements Rule {
  private static final FieldPath SPEC = FieldPath.of("spec");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    StatefulSetSpec spec = Pods.spec(sts);
    List<Violation> out = new ArrayList<>();
    nonNegative(out, spec.getReplicas(), SPEC.child("replicas"));
    nonNegative(out, spec.getMinReadySeconds(), SPEC.child("minReadySeconds"));
    if (spec.getOrdinals() != null) {
      nonNegative(out, spec.getOrdinals().getStart(), SPEC.child("ordinals.start"));
    }
    return out;
  }

  private static void nonNegative(List<Violation> out, Integer value, FieldPath path) {
    if (value != null && value < 0) {
      out.add(Violation.invalid(path, value, Message.of("nonnegative")));
    }
  }
}
