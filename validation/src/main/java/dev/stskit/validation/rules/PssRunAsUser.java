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
 * Running as UID 0 (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code runAsUser} ({@code policy/check_runAsUser.go}, policy v1.35). Pods with
 * {@code hostUsers: false} are exempt.
 *
 * <p>Checked fields: {@code runAsUser} of {@code spec.template.spec.securityContext} and of each
 * container's and init container's {@code securityContext}.
 *
 * <p>Allowed values: any non-zero value, unset.
 */
@RuleInfo(id = "pss-run-as-user", severity = Severity.ERROR,
    summary = "runAsUser 0, forbidden by the restricted Pod Security Standard")
public final class PssRunAsUser implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (Pss.userNamespace(Pods.podSpec(sts))) {
      return out;
    }
    check(out, Pss.POD_SECURITY_CONTEXT, Pss.podContext(sts).getRunAsUser());
    for (Pods.Located c : Pods.allContainers(sts)) {
      check(out, Pss.contextPath(c), Pss.context(c.container()).getRunAsUser());
    }
    return out;
  }

  private static void check(List<Violation> out, FieldPath context, Long uid) {
    if (uid != null && uid == 0L) {
      out.add(Pss.forbidden(context.child("runAsUser"), 0, Message.of("pss-run-as-user")));
    }
  }
}
