package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A pod template whose restartPolicy is not {@code Always}, or that sets activeDeadlineSeconds.
 *
 * <p>Follows the end of {@code ValidateStatefulSetSpec} ({@code pkg/apis/apps/validation/validation.go}),
 * which checks these two fields whether or not the rest of the template is validated.
 *
 * <p>Checked fields: {@code spec.template.spec.restartPolicy},
 * {@code spec.template.spec.activeDeadlineSeconds}.
 *
 * <p>Allowed values: restartPolicy {@code Always} (the default); activeDeadlineSeconds unset.
 */
@RuleInfo(id = "k8s-statefulset-template-policy", severity = Severity.ERROR,
    summary = "Pod template restartPolicy other than Always, or activeDeadlineSeconds set")
public final class StatefulSetTemplatePolicy implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    PodSpec pod = Pods.podSpec(sts);
    List<Violation> out = new ArrayList<>();
    String rp = Pods.str(pod.getRestartPolicy());
    if (!rp.equals("Always")) {
      out.add(Violation.notSupported(Pods.POD_SPEC.child("restartPolicy"), rp, List.of("Always")));
    }
    if (pod.getActiveDeadlineSeconds() != null) {
      out.add(Violation.forbidden(Pods.POD_SPEC.child("activeDeadlineSeconds"),
          Message.of("active-deadline-forbidden")));
    }
    return out;
  }
}
