package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.MetaChecks;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A missing, malformed or empty selector, or one that does not select the pod template's labels.
 *
 * <p>Follows {@code ValidateStatefulSetSpec} ({@code unversionedvalidation.ValidateLabelSelector},
 * {@code metav1.LabelSelectorAsSelector}) and {@code ValidatePodTemplateSpecForStatefulSet}
 * ({@code selector.Matches(template.Labels)}) in {@code pkg/apis/apps/validation/validation.go}. A
 * selector that does not convert yields an extra {@code Invalid} at {@code spec.selector}, and then the
 * pod template is not validated at all (apiserver behaviour).
 *
 * <p>Checked fields: {@code spec.selector}, {@code spec.template.metadata.labels}.
 *
 * <p>Allowed values: a non-empty label selector whose every requirement holds for the template labels.
 */
@RuleInfo(id = "k8s-selector", severity = Severity.ERROR,
    summary = "Selector missing, malformed, empty or not matching the pod template labels")
public final class Selector implements Rule {
  private static final FieldPath SELECTOR = FieldPath.of("spec", "selector");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    LabelSelector selector = Pods.spec(sts).getSelector();
    List<Violation> out = new ArrayList<>();
    if (selector == null) {
      out.add(Violation.required(SELECTOR));
    } else {
      out.addAll(MetaChecks.labelSelector(selector, SELECTOR));
      if (MetaChecks.isEmpty(selector)) {
        out.add(Violation.invalid(SELECTOR, "{}", Message.of("empty-selector")));
      }
    }
    if (!MetaChecks.selectorConverts(selector)) {
      out.add(Violation.invalid(SELECTOR, "{...}", Message.text("")));
    } else if (!MetaChecks.isEmpty(selector)
        && !MetaChecks.matches(selector, Pods.templateMeta(sts).getLabels())) {
      out.add(Violation.invalid(Pods.TEMPLATE.child("metadata", "labels"),
          String.valueOf(Pods.templateMeta(sts).getLabels()), Message.of("selector-mismatch"))
          .withHint(Message.of("hint-selector-mismatch")));
    }
    return out;
  }
}
