package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Names;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload name the form refuses.
 *
 * <p>The form's workload name (docs/form.md §1) is 1–63 characters of {@code [a-z0-9-]}, starting and ending
 * with a letter or digit: a DNS-1123 label. kube-apiserver accepts any DNS-1123 subdomain (up to 253
 * characters, dots allowed) for a StatefulSet, so this is a platform rule. A missing name is the
 * {@code kubernetes} set's business ({@code k8s-object-metadata}).
 *
 * <p>Checked fields: {@code metadata.name}.
 *
 * <p>Allowed values: a lowercase RFC 1123 label of at most 63 characters.
 */
@RuleInfo(id = "platform-workload-name", severity = Severity.ERROR,
    summary = "Workload name is not a DNS-1123 label of at most 63 characters, as the form requires")
public final class PlatformWorkloadName implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    String name = Pods.str(Pods.meta(sts).getName());
    List<Violation> out = new ArrayList<>();
    if (!name.isEmpty()) {
      for (Message m : Names.dns1123Label(name)) {
        out.add(Violation.invalid(FieldPath.of("metadata", "name"), name, m));
      }
    }
    return out;
  }
}
