package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.SameFile;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The governing Service shipped with the StatefulSet: the pods' stable DNS names
 * ({@code pod-0.<serviceName>}) exist only when {@code spec.serviceName} names a headless Service of the
 * namespace whose selector picks the pods.
 *
 * <p>Checks (only when the file is known, {@code validate} of the CLI or
 * {@code Validator.validate(object, file)}): {@code service-name} (no {@code spec.serviceName});
 * {@code missing} (the file has no Service of that name in the namespace); {@code not-headless}
 * ({@code clusterIP} is not {@code None}); {@code selects-pods} (its selector does not pick the
 * template's labels).
 *
 * <p>Checked fields: {@code spec.serviceName} and the file's Services.
 */
@RuleInfo(id = "bp-governing-service", severity = Severity.WARNING,
    summary = "Governing Service missing from the file, not headless, or not selecting the pods")
public final class BpGoverningService implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    if (!context.seesFile()) {
      return List.of();
    }
    String name = Pods.str(Pods.spec(sts).getServiceName());
    FieldPath p = Pods.SPEC.child("serviceName");
    if (name.isEmpty()) {
      return List.of(Violation.required(p, Message.of("bp-governing-service-name")).withCheck("service-name"));
    }
    JsonNode svc = null;
    for (JsonNode s : SameFile.ofKind(context, sts, "Service")) {
      if (name.equals(s.path("metadata").path("name").asString(""))) {
        svc = s;
      }
    }
    if (svc == null) {
      return List.of(Violation.notFound(p, name).withHint(Message.of("hint-bp-governing-service")).withCheck("missing"));
    }
    if (!"None".equals(svc.path("spec").path("clusterIP").asString(""))) {
      return List.of(Violation.invalid(p, name, Message.of("bp-governing-service-headless")).withCheck("not-headless"));
    }
    Map<String, String> labels = Pods.templateMeta(sts).getLabels() == null ? Map.of() : Pods.templateMeta(sts).getLabels();
    if (!SameFile.serviceSelects(svc.path("spec").get("selector"), labels)) {
      return List.of(Violation.invalid(p, name, Message.of("bp-governing-service-selector")).withCheck("selects-pods"));
    }
    return List.of();
  }
}
