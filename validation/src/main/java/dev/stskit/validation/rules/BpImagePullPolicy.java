package dev.stskit.validation.rules;

import dev.stskit.validation.Fix;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * An image pull policy other than {@code Always}, written out.
 *
 * <p>With {@code IfNotPresent} a node runs whatever it pulled first under that tag, and the pod's
 * {@code imagePullSecrets} are not checked again, so a replica rescheduled to a node that already has
 * the image starts without the registry agreeing. Polaris wants {@code Always} written out; an absent
 * policy counts as not {@code Always} (what the apiserver defaults depends on the tag).
 *
 * <p>Checked fields: {@code spec.template.spec.{initContainers,containers}[*].imagePullPolicy}.
 *
 * <p>Fix: set {@code imagePullPolicy: Always}.
 */
@RuleInfo(id = "bp-image-pull-policy", severity = Severity.WARNING,
    summary = "Image pull policy is not Always")
public final class BpImagePullPolicy implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      String policy = c.container().getImagePullPolicy();
      if (!"Always".equals(policy)) {
        var path = c.path().child("imagePullPolicy");
        Violation v = policy == null ? Violation.required(path, Message.of("bp-image-pull-policy"))
            : Violation.invalid(path, policy, Message.of("bp-image-pull-policy"));
        out.add(v.withCheck("pull-policy").withFix(Fix.add(path, "Always")));
      }
    }
    return out;
  }
}
