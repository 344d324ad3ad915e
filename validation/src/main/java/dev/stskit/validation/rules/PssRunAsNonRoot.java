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
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Containers not required to run as non-root (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code runAsNonRoot} ({@code policy/check_runAsNonRoot.go}, policy v1.35): the pod
 * sets {@code runAsNonRoot: true}, or every container does; {@code false} anywhere is forbidden. Pods
 * with {@code hostUsers: false} are exempt (root in a user namespace is not root on the host).
 *
 * <p>Checked fields: {@code runAsNonRoot} of {@code spec.template.spec.securityContext} and of each
 * container's and init container's {@code securityContext}.
 *
 * <p>Allowed values: {@code true}; unset on a container when the pod sets {@code true}. As upstream,
 * containers that set nothing are reported only when nothing set {@code false}.
 */
@RuleInfo(id = "pss-run-as-non-root", severity = Severity.ERROR,
    summary = "Pod or container may run as root, forbidden by the restricted Pod Security Standard")
public final class PssRunAsNonRoot implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    if (Pss.userNamespace(pod)) {
      return out;
    }
    Boolean podValue = Pss.podContext(sts).getRunAsNonRoot();
    if (Boolean.FALSE.equals(podValue)) {
      out.add(Pss.forbidden(Pss.POD_SECURITY_CONTEXT.child("runAsNonRoot"), false,
          Message.of("pss-run-as-non-root")));
    }
    List<Violation> implicit = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      Boolean value = Pss.context(c.container()).getRunAsNonRoot();
      FieldPath p = Pss.contextPath(c).child("runAsNonRoot");
      if (Boolean.FALSE.equals(value)) {
        out.add(Pss.forbidden(p, false, Message.of("pss-run-as-non-root")));
      } else if (value == null && !Boolean.TRUE.equals(podValue)) {
        implicit.add(Violation.required(p, Message.of("pss-run-as-non-root"))
            .withHint(Message.of("hint-pss-run-as-non-root")));
      }
    }
    // as upstream, containers that merely inherit nothing are reported only when nothing set false
    return out.isEmpty() ? implicit : out;
  }
}
