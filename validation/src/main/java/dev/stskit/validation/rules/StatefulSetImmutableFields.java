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
import java.util.Objects;

/**
 * An update that changes an immutable StatefulSet spec field.
 *
 * <p>Follows {@code ValidateStatefulSetUpdate} ({@code pkg/apis/apps/validation/validation.go} at v1.37.2):
 * {@code ValidateImmutableField} on {@code spec.selector}, {@code spec.volumeClaimTemplates},
 * {@code spec.serviceName} and {@code spec.podManagementPolicy}, each an {@code Invalid} "field is
 * immutable" at its own path; every other spec field may change. (Until v1.35 the apiserver compared the
 * whole spec and reported one {@code Forbidden} at {@code spec}; the conformance suite's dry-run updates
 * showed the per-field errors.) Values are compared semantically, as {@code apiequality.Semantic} does:
 * quantities by value, a missing list or map equal to an empty one. Only runs on
 * {@link dev.stskit.validation.Validator#validateUpdate}.
 *
 * <p>Checked fields: {@code spec.selector}, {@code spec.volumeClaimTemplates}, {@code spec.serviceName},
 * {@code spec.podManagementPolicy}.
 *
 * <p>Allowed values: the old object's values of those four fields; any change elsewhere.
 */
@RuleInfo(id = "k8s-statefulset-immutable-fields", severity = Severity.ERROR,
    summary = "Update changes an immutable StatefulSet spec field: selector, volumeClaimTemplates, serviceName, podManagementPolicy")
public final class StatefulSetImmutableFields implements Rule {
  private static final FieldPath SPEC = FieldPath.of("spec");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    return List.of();
  }

  @Override
  public List<Violation> validateUpdate(StatefulSet oldObject, StatefulSet newObject, RuleContext context) {
    StatefulSetSpec old = Pods.spec(oldObject);
    StatefulSetSpec neu = Pods.spec(newObject);
    List<Violation> out = new ArrayList<>();
    immutable(out, "selector", neu.getSelector(), old.getSelector());
    immutable(out, "volumeClaimTemplates", emptyAsNull(neu.getVolumeClaimTemplates()),
        emptyAsNull(old.getVolumeClaimTemplates()));
    immutable(out, "serviceName", Pods.str(neu.getServiceName()), Pods.str(old.getServiceName()));
    immutable(out, "podManagementPolicy", Pods.str(neu.getPodManagementPolicy()), Pods.str(old.getPodManagementPolicy()));
    return out;
  }

  private static void immutable(List<Violation> out, String field, Object neu, Object old) {
    if (!Objects.equals(neu, old)) {
      out.add(Violation.invalid(SPEC.child(field), neu instanceof String ? neu : "{...}",
          Message.text("field is immutable", "字段不可变")).withHint(Message.of("hint-immutable-spec")));
    }
  }

  private static Object emptyAsNull(List<?> list) {
    return list == null || list.isEmpty() ? null : list;
  }
}
