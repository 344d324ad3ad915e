package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * A workload name too long for the controller to create pods.
 *
 * <p>The StatefulSet controller labels each pod {@code controller-revision-hash: <name>-<hash>}, where
 * the hash takes up to 11 characters with its dash, and label values are limited to 63: a name longer
 * than 52 characters is accepted but no pod gets created (kubernetes/kubernetes#64023, open; docs/form.md
 * §1 "valid but will not work" → warning). Names over 63 are {@code platform-workload-name}'s.
 *
 * <p>Checked fields: {@code metadata.name}.
 *
 * <p>Allowed values: at most 52 characters.
 */
@RuleInfo(id = "platform-workload-name-length", severity = Severity.WARNING,
    summary = "Workload name longer than 52 characters, too long for the pods' controller-revision-hash label")
public final class PlatformWorkloadNameLength implements Rule {
  /** The longest name whose {@code controller-revision-hash} label value stays within 63 characters. */
  static final int MAX = 52;

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    String name = Pods.str(Pods.meta(sts).getName());
    if (name.length() > MAX && name.length() <= 63) {
      return List.of(Violation.invalid(FieldPath.of("metadata", "name"), name,
          Message.of("platform-name-revision-hash", MAX)).withHint(Message.of("hint-platform-name-length", MAX)));
    }
    return List.of();
  }
}
