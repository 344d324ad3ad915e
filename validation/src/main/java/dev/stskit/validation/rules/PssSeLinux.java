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
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Custom SELinux type, user or role (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code seLinuxOptions} ({@code policy/check_seLinuxOptions.go}, policy v1.31, which
 * added {@code container_engine_t}).
 *
 * <p>Checked fields: {@code seLinuxOptions.type}, {@code .user} and {@code .role} of
 * {@code spec.template.spec.securityContext} and of each container's and init container's
 * {@code securityContext}.
 *
 * <p>Allowed values: type unset, empty, {@code container_t}, {@code container_init_t},
 * {@code container_kvm_t} or {@code container_engine_t}; user and role unset or empty; level any.
 */
@RuleInfo(id = "pss-selinux", severity = Severity.ERROR,
    summary = "SELinux options the baseline Pod Security Standard forbids")
public final class PssSeLinux implements Rule {
  private static final Set<String> TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    check(out, Pss.POD_SECURITY_CONTEXT, Pss.podContext(sts).getSeLinuxOptions());
    for (Pods.Located c : Pods.allContainers(sts)) {
      check(out, Pss.contextPath(c), Pss.context(c.container()).getSeLinuxOptions());
    }
    return out;
  }

  private static void check(List<Violation> out, FieldPath context, SELinuxOptions o) {
    if (o == null) {
      return;
    }
    FieldPath p = context.child("seLinuxOptions");
    if (!TYPES.contains(Pods.str(o.getType()))) {
      out.add(Pss.forbidden(p.child("type"), o.getType(), Message.of("pss-selinux-type")));
    }
    if (!Pods.str(o.getUser()).isEmpty()) {
      out.add(Pss.forbidden(p.child("user"), o.getUser(), Message.of("pss-selinux-user-role")));
    }
    if (!Pods.str(o.getRole()).isEmpty()) {
      out.add(Pss.forbidden(p.child("role"), o.getRole(), Message.of("pss-selinux-user-role")));
    }
  }
}
