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
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Seccomp explicitly disabled (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code seccompProfile_baseline} ({@code policy/check_seccompProfile_baseline.go},
 * policy v1.19+, fields only). The restricted set replaces it with {@code pss-seccomp-restricted}.
 *
 * <p>Checked fields: {@code seccompProfile.type} of {@code spec.template.spec.securityContext} and of
 * each container's and init container's {@code securityContext}.
 *
 * <p>Allowed values: {@code RuntimeDefault}, {@code Localhost}, unset.
 */
@RuleInfo(id = "pss-seccomp-baseline", severity = Severity.ERROR,
    summary = "Seccomp profile Unconfined, forbidden by the baseline Pod Security Standard")
public final class PssSeccompBaseline implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    check(out, Pss.POD_SECURITY_CONTEXT, Pss.podContext(sts).getSeccompProfile());
    for (Pods.Located c : Pods.allContainers(sts)) {
      check(out, Pss.contextPath(c), Pss.context(c.container()).getSeccompProfile());
    }
    return out;
  }

  private static void check(List<Violation> out, FieldPath context, SeccompProfile profile) {
    if (profile != null && !PssSeccompRestricted.allowed(profile)) {
      out.add(Pss.forbidden(context.child("seccompProfile", "type"), Pods.str(profile.getType()),
          Message.of("pss-seccomp")));
    }
  }
}
