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
 * Seccomp profile missing or not RuntimeDefault/Localhost (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code seccompProfile_restricted} ({@code policy/check_seccompProfile_restricted.go},
 * policy v1.25): the pod sets an allowed type, or every container does; pods with
 * {@code spec.os.name: windows} are exempt. Replaces {@code pss-seccomp-baseline} in the restricted set.
 *
 * <p>Checked fields: {@code seccompProfile.type} of {@code spec.template.spec.securityContext} and of
 * each container's and init container's {@code securityContext}.
 *
 * <p>Allowed values: {@code RuntimeDefault}, {@code Localhost}; unset on a container when the pod sets
 * an allowed type. As upstream, containers that set nothing are reported only when no explicit bad
 * value was found.
 */
@RuleInfo(id = "pss-seccomp-restricted", severity = Severity.ERROR,
    summary = "Seccomp profile missing or not RuntimeDefault or Localhost, required by the restricted Pod Security Standard")
public final class PssSeccompRestricted implements Rule {
  /** {@code validSeccomp}: {@code RuntimeDefault} or {@code Localhost}. */
  static boolean allowed(SeccompProfile profile) {
    String type = Pods.str(profile.getType());
    return type.equals("RuntimeDefault") || type.equals("Localhost");
  }

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (Pss.windows(Pods.podSpec(sts))) {
      return out;
    }
    SeccompProfile pod = Pss.podContext(sts).getSeccompProfile();
    boolean podSet = false;
    if (pod != null) {
      if (allowed(pod)) {
        podSet = true;
      } else {
        out.add(Pss.forbidden(Pss.POD_SECURITY_CONTEXT.child("seccompProfile", "type"), Pods.str(pod.getType()),
            Message.of("pss-seccomp")));
      }
    }
    List<Violation> implicit = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      SeccompProfile profile = Pss.context(c.container()).getSeccompProfile();
      FieldPath p = Pss.contextPath(c).child("seccompProfile", "type");
      if (profile != null && !allowed(profile)) {
        out.add(Pss.forbidden(p, Pods.str(profile.getType()), Message.of("pss-seccomp")));
      } else if (profile == null && !podSet) {
        implicit.add(Violation.required(p, Message.of("pss-seccomp-required"))
            .withHint(Message.of("hint-pss-seccomp")));
      }
    }
    // as upstream, containers that merely inherit nothing are reported only when nothing set a bad value
    return out.isEmpty() ? implicit : out;
  }
}
