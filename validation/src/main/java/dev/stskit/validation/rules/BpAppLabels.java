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
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The recommended labels: {@code app.kubernetes.io/instance} on the StatefulSet equal to its name (what
 * dashboards and Polaris group objects by), and {@code app.kubernetes.io/name} and {@code instance} of
 * the pod template agreeing with the StatefulSet's own.
 *
 * <p>Checks: {@code instance} (the StatefulSet's {@code app.kubernetes.io/instance} missing or not its
 * name); {@code template-consistency} (a template label {@code app.kubernetes.io/name} or
 * {@code instance} with another value than the same label on the StatefulSet).
 *
 * <p>Checked fields: {@code metadata.labels}, {@code spec.template.metadata.labels}.
 *
 * <p>Fix: {@code metadata.labels[app.kubernetes.io/instance]} set to the name.
 */
@RuleInfo(id = "bp-app-labels", severity = Severity.WARNING,
    summary = "app.kubernetes.io/instance is not the name, or template app.kubernetes.io labels disagree")
public final class BpAppLabels implements Rule {
  static final String INSTANCE = "app.kubernetes.io/instance";
  static final String NAME = "app.kubernetes.io/name";

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    String name = Pods.str(Pods.meta(sts).getName());
    Map<String, String> labels = Pods.meta(sts).getLabels() == null ? Map.of() : Pods.meta(sts).getLabels();
    FieldPath p = FieldPath.of("metadata", "labels").key(INSTANCE);
    String instance = labels.get(INSTANCE);
    if (!name.isEmpty() && !name.equals(instance)) {
      Violation v = instance == null ? Violation.required(p, Message.of("bp-app-instance", Violation.quote(name)))
          : Violation.invalid(p, instance, Message.of("bp-app-instance", Violation.quote(name)));
      out.add(v.withCheck("instance").withFix(Fix.add(p, name)));
    }
    Map<String, String> tl = Pods.templateMeta(sts).getLabels() == null ? Map.of() : Pods.templateMeta(sts).getLabels();
    for (String key : List.of(NAME, INSTANCE)) {
      if (labels.containsKey(key) && tl.containsKey(key) && !labels.get(key).equals(tl.get(key))) {
        out.add(Violation.invalid(Pods.TEMPLATE.child("metadata", "labels").key(key), tl.get(key),
            Message.of("bp-app-label-mismatch", key, Violation.quote(labels.get(key)))).withCheck("template-consistency"));
      }
    }
    return out;
  }
}
