package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Fix;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.PodDNSConfig;
import io.fabric8.kubernetes.api.model.PodDNSConfigOption;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * A pod template whose resolver keeps Kubernetes' {@code ndots:5}: every external name is first tried
 * with each search domain, five lookups where one would do. kube-linter's {@code dnsconfig-options}
 * asks for {@code ndots: "2"}; sts-kit accepts any value of 2 or less.
 *
 * <p>Checked fields: {@code spec.template.spec.dnsConfig.options}.
 *
 * <p>Fix: the {@code ndots} option set to {@code "2"} (its value replaced, or the option appended).
 */
@RuleInfo(id = "bp-dns-ndots", severity = Severity.INFO, summary = "Pod DNS config without ndots of 2 or less")
public final class BpDnsNdots implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    PodDNSConfig dns = Pods.podSpec(sts).getDnsConfig();
    List<PodDNSConfigOption> options = dns == null || dns.getOptions() == null ? List.of() : dns.getOptions();
    FieldPath optionsPath = Pods.POD_SPEC.child("dnsConfig", "options");
    for (int i = 0; i < options.size(); i++) {
      PodDNSConfigOption o = options.get(i);
      if (o != null && "ndots".equals(o.getName())) {
        String value = Pods.str(o.getValue());
        if (value.matches("[0-2]")) {
          return List.of();
        }
        FieldPath p = optionsPath.index(i).child("value");
        return List.of(Violation.invalid(p, value, Message.of("bp-dns-ndots")).withCheck("ndots")
            .withFix(Fix.add(p, "2")));
      }
    }
    return List.of(Violation.required(optionsPath, Message.of("bp-dns-ndots")).withCheck("ndots")
        .withFix(Fix.add(optionsPath.index(options.size()), Fix.object("name", "ndots", "value", "2"))));
  }
}
