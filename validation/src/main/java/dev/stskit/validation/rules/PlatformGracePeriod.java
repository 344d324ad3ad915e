package dev.stskit.validation.rules;

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
 * A scale-down window outside the form's range.
 *
 * <p>The form's scale-down (graceful) window (docs/form.md §11) is 0–9999 seconds and maps to
 * {@code terminationGracePeriodSeconds}; Kubernetes accepts any non-negative value and turns a
 * negative one into 1 with a warning (the {@code kubernetes} set's warning), but the form accepts
 * neither: below 0 is an error here as well as above 9999.
 *
 * <p>Checked fields: {@code spec.template.spec.terminationGracePeriodSeconds}.
 *
 * <p>Allowed values: unset (30), or 0 to 9999.
 */
@RuleInfo(id = "platform-grace-period", severity = Severity.ERROR,
    summary = "terminationGracePeriodSeconds outside the form's 0-9999 second scale-down window")
public final class PlatformGracePeriod implements Rule {
  /** The form's upper bound, in seconds. */
  static final long MAX = 9999;

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    Long seconds = Pods.podSpec(sts).getTerminationGracePeriodSeconds();
    if (seconds != null && (seconds < 0 || seconds > MAX)) {
      return List.of(Violation.invalid(Pods.POD_SPEC.child("terminationGracePeriodSeconds"), seconds,
          Message.of("platform-grace-period", MAX)));
    }
    return List.of();
  }
}
