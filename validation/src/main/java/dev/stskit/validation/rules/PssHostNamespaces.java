package dev.stskit.validation.rules;

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
 * Sharing the host's network, PID or IPC namespace (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code hostNamespaces} ({@code policy/check_hostNamespaces.go}, v1.0).
 *
 * <p>Checked fields: {@code spec.template.spec.hostNetwork}, {@code spec.template.spec.hostPID},
 * {@code spec.template.spec.hostIPC}.
 *
 * <p>Allowed values: {@code false}, unset.
 */
@RuleInfo(id = "pss-host-namespaces", severity = Severity.ERROR,
    summary = "Pod shares a host namespace, forbidden by the baseline Pod Security Standard")
public final class PssHostNamespaces implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    PodSpec pod = Pods.podSpec(sts);
    List<Violation> out = new ArrayList<>();
    check(out, "hostNetwork", pod.getHostNetwork());
    check(out, "hostPID", pod.getHostPID());
    check(out, "hostIPC", pod.getHostIPC());
    return out;
  }

  private static void check(List<Violation> out, String field, Boolean value) {
    if (Boolean.TRUE.equals(value)) {
      out.add(Pss.forbidden(Pods.POD_SPEC.child(field), true, Message.of("pss-host-namespaces", field)));
    }
  }
}
