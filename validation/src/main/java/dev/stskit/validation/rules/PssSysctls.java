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
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sysctls outside the namespaced, isolated safe set (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code sysctls} ({@code policy/check_sysctls.go}) at policy v1.37: the v1.0 set plus
 * {@code net.ipv4.ip_local_reserved_ports} (v1.27), the four TCP keepalive/fin sysctls (v1.29),
 * {@code tcp_rmem}/{@code tcp_wmem} (v1.32) and {@code tcp_slow_start_after_idle}/{@code tcp_notsent_lowat}
 * (v1.37). Clusters older than v1.37 reject some of these.
 *
 * <p>Checked fields: {@code spec.template.spec.securityContext.sysctls[*].name}.
 *
 * <p>Allowed values: unset, or the names listed above.
 */
@RuleInfo(id = "pss-sysctls", severity = Severity.ERROR,
    summary = "Sysctl outside the safe set of the baseline Pod Security Standard")
public final class PssSysctls implements Rule {
  private static final Set<String> ALLOWED = Set.of(
      "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies",
      "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes",
      "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
      "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    List<Sysctl> sysctls = Pss.podContext(sts).getSysctls();
    if (sysctls == null) {
      return out;
    }
    for (int i = 0; i < sysctls.size(); i++) {
      String name = sysctls.get(i) == null ? "" : Pods.str(sysctls.get(i).getName());
      if (!ALLOWED.contains(name)) {
        FieldPath p = Pss.POD_SECURITY_CONTEXT.child("sysctls").index(i).child("name");
        out.add(Pss.forbidden(p, name, Message.of("pss-sysctls")));
      }
    }
    return out;
  }
}
