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

/**
 * Capabilities not dropped, or added beyond NET_BIND_SERVICE (Pod Security Standards, restricted).
 *
 * <p>Ports check {@code capabilities_restricted} ({@code policy/check_capabilities_restricted.go},
 * policy v1.25): every container drops {@code ALL} and adds at most {@code NET_BIND_SERVICE}; pods with
 * {@code spec.os.name: windows} are exempt. Replaces {@code pss-capabilities-baseline} in the restricted
 * set.
 *
 * <p>Checked fields: {@code securityContext.capabilities.drop} and {@code .add} of every container and
 * init container.
 *
 * <p>Allowed values: drop must contain {@code ALL}; add unset, empty or {@code NET_BIND_SERVICE}.
 */
@RuleInfo(id = "pss-capabilities-restricted", severity = Severity.ERROR,
    summary = "Container does not drop ALL capabilities or adds one besides NET_BIND_SERVICE")
public final class PssCapabilitiesRestricted implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (Pss.windows(Pods.podSpec(sts))) {
      return out;
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      Capabilities caps = Pss.context(c.container()).getCapabilities();
      FieldPath p = Pss.contextPath(c).child("capabilities");
      List<String> drop = caps == null || caps.getDrop() == null ? List.of() : caps.getDrop();
      if (!drop.contains("ALL")) {
        out.add(Violation.required(p.child("drop"), Message.of("pss-capabilities-drop"))
            .withHint(Message.of("hint-pss-capabilities-drop")));
      }
      List<String> add = caps == null || caps.getAdd() == null ? List.of() : caps.getAdd();
      for (int j = 0; j < add.size(); j++) {
        if (!"NET_BIND_SERVICE".equals(add.get(j))) {
          out.add(Pss.forbidden(p.child("add").index(j), Pods.str(add.get(j)), Message.of("pss-capabilities-add")));
        }
      }
    }
    return out;
  }
}
