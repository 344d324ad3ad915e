package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Ratcheting;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A governing Service name that is not a DNS-1123 label.
 *
 * <p>Follows {@code ValidateStatefulSetSpec} with {@code StatefulSetValidationOptions.AllowInvalidServiceName}
 * ({@code pkg/apis/apps/validation/validation.go}, added in v1.33 by kubernetes/kubernetes#130233): the
 * name becomes each pod's {@code spec.subdomain}, which must be a DNS label. On update the check is
 * ratcheted (skipped when the stored object already fails it); the field is immutable anyway.
 *
 * <p>Checked fields: {@code spec.serviceName} (optional; empty is allowed).
 *
 * <p>Allowed values: a lowercase RFC 1123 label of at most 63 bytes.
 */
@RuleInfo(id = "k8s-service-name", severity = Severity.ERROR,
    summary = "spec.serviceName is not a DNS-1123 label")
@Ratcheting
public final class ServiceName implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    String name = Pods.str(Pods.spec(sts).getServiceName());
    List<Violation> out = new ArrayList<>();
    if (!name.isEmpty()) {
      for (Message m : Names.dns1123Label(name)) {
        out.add(Violation.invalid(FieldPath.of("spec", "serviceName"), name, m));
      }
    }
    return out;
  }
}
