package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
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
 * Privilege escalation not explicitly disabled (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code allowPrivilegeEscalation} ({@code policy/check_allowPrivilegeEscalation.go},
 * policy v1.25): every container must set {@code allowPrivilegeEscalation: false} (the kernel's
 * {@code no_new_privs}); pods with {@code spec.os.name: windows} are exempt.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].securityContext.allowPrivilegeEscalation},
 * {@code spec.template.spec.initContainers[*].securityContext.allowPrivilegeEscalation}.
 *
 * <p>Allowed values: {@code false} (unset is not allowed).
 */
@RuleInfo(id = "pss-allow-privilege-escalation", severity = Severity.ERROR,
    summary = "Container does not set allowPrivilegeEscalation to false, required by the restricted Pod Security Standard")
public final class PssAllowPrivilegeEscalation implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (Pss.windows(Pods.podSpec(sts))) {
      return out;
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      Boolean ape = Pss.context(c.container()).getAllowPrivilegeEscalation();
      FieldPath p = Pss.contextPath(c).child("allowPrivilegeEscalation");
      if (ape == null) {
        out.add(Violation.required(p, Message.of("pss-allow-privilege-escalation")));
      } else if (ape) {
        out.add(Pss.forbidden(p, true, Message.of("pss-allow-privilege-escalation")));
      }
    }
    return out;
  }
}
