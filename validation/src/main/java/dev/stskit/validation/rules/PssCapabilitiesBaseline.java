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
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adding capabilities beyond the container runtime's defaults (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code capabilities_baseline} ({@code policy/check_capabilities_baseline.go}, v1.0).
 * Names are compared exactly, as upstream: {@code chown} and {@code CAP_CHOWN} are not {@code CHOWN}.
 * The restricted set replaces it with {@code pss-capabilities-restricted}.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].securityContext.capabilities.add},
 * {@code spec.template.spec.initContainers[*].securityContext.capabilities.add}.
 *
 * <p>Allowed values: unset, empty, or any of AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL,
 * MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT.
 */
@RuleInfo(id = "pss-capabilities-baseline", severity = Severity.ERROR,
    summary = "Container adds a capability the baseline Pod Security Standard forbids")
public final class PssCapabilitiesBaseline implements Rule {
  /** {@code capabilities_allowed_1_0}. */
  static final Set<String> ALLOWED = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
      "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      Capabilities caps = Pss.context(c.container()).getCapabilities();
      if (caps == null || caps.getAdd() == null) {
        continue;
      }
      for (int j = 0; j < caps.getAdd().size(); j++) {
        String cap = Pods.str(caps.getAdd().get(j));
        if (!ALLOWED.contains(cap)) {
          FieldPath p = Pss.contextPath(c).child("capabilities", "add").index(j);
          out.add(Pss.forbidden(p, cap, Message.of("pss-capabilities-baseline")));
        }
      }
    }
    return out;
  }
}
