package dev.stskit.validation.rules;

import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * An unmasked /proc, even in a user namespace (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code procMount_restricted} ({@code policy/check_procMount_restricted.go}, policy
 * v1.35): unlike the baseline check, {@code hostUsers: false} does not relax it. Replaces
 * {@code pss-proc-mount} in the restricted set.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].securityContext.procMount},
 * {@code spec.template.spec.initContainers[*].securityContext.procMount}.
 *
 * <p>Allowed values: unset, {@code Default}.
 */
@RuleInfo(id = "pss-proc-mount-restricted", severity = Severity.ERROR,
    summary = "Unmasked /proc, forbidden by the restricted Pod Security Standard")
public final class PssProcMountRestricted implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    return PssProcMount.check(sts);
  }
}
