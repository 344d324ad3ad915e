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
 * An unmasked /proc outside a user namespace (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code procMount_baseline} ({@code policy/check_procMount_baseline.go}, policy v1.35):
 * a pod with {@code hostUsers: false} may use any procMount; any other pod only {@code Default}. The
 * restricted set replaces it with {@code pss-proc-mount-restricted}.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].securityContext.procMount},
 * {@code spec.template.spec.initContainers[*].securityContext.procMount}.
 *
 * <p>Allowed values: unset, {@code Default}; anything when {@code spec.template.spec.hostUsers} is
 * {@code false}.
 */
@RuleInfo(id = "pss-proc-mount", severity = Severity.ERROR,
    summary = "Unmasked /proc outside a user namespace, forbidden by the baseline Pod Security Standard")
public final class PssProcMount implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    if (Pss.userNamespace(Pods.podSpec(sts))) {
      return List.of();
    }
    return check(sts);
  }

  /** {@code procMount_1_35_restricted}: only {@code Default}. */
  static List<Violation> check(StatefulSet sts) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      String mount = Pss.context(c.container()).getProcMount();
      if (mount != null && !mount.equals("Default")) {
        out.add(Pss.forbidden(Pss.contextPath(c).child("procMount"), mount, Message.of("pss-proc-mount")));
      }
    }
    return out;
  }
}
