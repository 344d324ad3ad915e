package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Pss;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Privileged containers (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code privileged} ({@code policy/check_privileged.go} of
 * {@code k8s.io/pod-security-admission}, v1.0, unchanged through v1.37): privileged containers disable
 * most security mechanisms and get every host device.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].securityContext.privileged},
 * {@code spec.template.spec.initContainers[*].securityContext.privileged}.
 *
 * <p>Allowed values: {@code false}, unset.
 */
@RuleInfo(id = "pss-privileged", severity = Severity.ERROR,
    summary = "Privileged container, forbidden by the baseline Pod Security Standard")
public final class PssPrivileged implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      if (Boolean.TRUE.equals(Pss.context(c.container()).getPrivileged())) {
        out.add(Pss.forbidden(Pss.contextPath(c).child("privileged"), true, Message.of("pss-privileged"))
            .withHint(Message.of("hint-pss-privileged")));
      }
    }
    return out;
  }
}
