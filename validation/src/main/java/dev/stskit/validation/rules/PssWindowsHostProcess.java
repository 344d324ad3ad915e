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
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Windows HostProcess containers (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code windowsHostProcess} ({@code policy/check_windowsHostProcess.go}, v1.0):
 * HostProcess containers run as processes on the Windows host, with host access.
 *
 * <p>Checked fields: {@code windowsOptions.hostProcess} of {@code spec.template.spec.securityContext}
 * and of each container's and init container's {@code securityContext}.
 *
 * <p>Allowed values: {@code false}, unset.
 */
@RuleInfo(id = "pss-windows-host-process", severity = Severity.ERROR,
    summary = "Windows HostProcess container, forbidden by the baseline Pod Security Standard")
public final class PssWindowsHostProcess implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    check(out, Pss.POD_SECURITY_CONTEXT, Pss.podContext(sts).getWindowsOptions());
    for (Pods.Located c : Pods.allContainers(sts)) {
      check(out, Pss.contextPath(c), Pss.context(c.container()).getWindowsOptions());
    }
    return out;
  }

  private static void check(List<Violation> out, FieldPath context, WindowsSecurityContextOptions o) {
    if (o != null && Boolean.TRUE.equals(o.getHostProcess())) {
      out.add(Pss.forbidden(context.child("windowsOptions", "hostProcess"), true,
          Message.of("pss-windows-host-process")));
    }
  }
}
