package dev.stskit.validation.rules;

import dev.stskit.validation.ErrorType;
import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A container that may run as root.
 *
 * <p>Neither the container nor the pod sets {@code runAsNonRoot: true} or a non-zero {@code runAsUser},
 * so the image's user applies, often root (the form's "account UID" field, docs/form.md §7, is unset by
 * default). An error, as Polaris's {@code runAsRootAllowed} ({@code danger}) says; the restricted Pod
 * Security Standard's {@code pss-run-as-non-root} is what a namespace enforcing that level refuses.
 *
 * <p>Checked fields: {@code runAsNonRoot} and {@code runAsUser} of each container's and the pod's
 * {@code securityContext}.
 *
 * <p>A container in the root group ({@code runAsGroup: 0}) is reported too: files it creates belong to
 * root's group, and kube-linter's {@code run-as-non-root} asks for a non-zero group.
 *
 * <p>Fix (when no {@code runAsUser} is set): {@code runAsNonRoot: true} on the container.
 *
 * <p>Allowed values: {@code runAsNonRoot: true} or {@code runAsUser} &gt; 0, on the container or the pod.
 */
@RuleInfo(id = "bp-run-as-non-root", severity = Severity.ERROR,
    summary = "Container may run as root: no runAsNonRoot or non-zero runAsUser")
public final class BpRunAsNonRoot implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSecurityContext pod = Pods.podSpec(sts).getSecurityContext();
    Boolean podNonRoot = pod == null ? null : pod.getRunAsNonRoot();
    Long podUser = pod == null ? null : pod.getRunAsUser();
    for (Pods.Located c : Pods.allContainers(sts)) {
      SecurityContext sc = c.container().getSecurityContext();
      Boolean nonRoot = sc != null && sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : podNonRoot;
      Long user = sc != null && sc.getRunAsUser() != null ? sc.getRunAsUser() : podUser;
      boolean safe = user != null ? user > 0 : Boolean.TRUE.equals(nonRoot);
      if (!safe) {
        FieldPath p = c.path().child("securityContext", user != null ? "runAsUser" : "runAsNonRoot");
        Violation v = Violation.builder().path(p).type(user != null ? ErrorType.INVALID
                : ErrorType.REQUIRED)
            .detail(Message.of("bp-run-as-non-root")).hint(Message.of("hint-bp-run-as-non-root")).build();
        // mechanical only when no user is named: runAsNonRoot then makes the kubelet refuse a root image
        out.add(user == null ? v.withFix(dev.stskit.validation.Fix.add(p, true)) : v);
      }
      Long group = sc != null && sc.getRunAsGroup() != null ? sc.getRunAsGroup() : pod == null ? null : pod.getRunAsGroup();
      if (group != null && group == 0) {
        FieldPath g = c.path().child("securityContext", "runAsGroup");
        out.add(Violation.builder().path(g).type(ErrorType.INVALID).value("0")
            .detail(Message.of("bp-run-as-root-group")).hint(Message.of("hint-bp-run-as-non-root")).build());
      }
    }
    return out;
  }
}
