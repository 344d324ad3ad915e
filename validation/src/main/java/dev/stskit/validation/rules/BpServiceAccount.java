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
import dev.stskit.validation.internal.SameFile;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The pods' service account: its token mounted without need, the namespace's {@code default} account,
 * the deprecated {@code serviceAccount} field, or an account the file does not define.
 *
 * <p>Checks: {@code automount-token} ({@code automountServiceAccountToken} not {@code false} on the pod,
 * and not {@code false} on the file's ServiceAccount of that name either: every replica then carries an
 * API token an attacker can use); {@code default-service-account} (no {@code serviceAccountName} or
 * {@code default}); {@code deprecated-field} ({@code serviceAccount}, the pre-1.0 alias); and, when the
 * file is known and defines ServiceAccounts, {@code non-existent} (the named one is not among them).
 *
 * <p>Checked fields: {@code spec.template.spec.{serviceAccountName,serviceAccount,automountServiceAccountToken}}.
 *
 * <p>Fixes: {@code automountServiceAccountToken: false}; {@code serviceAccount} moved to
 * {@code serviceAccountName}.
 */
@RuleInfo(id = "bp-service-account", severity = Severity.WARNING,
    summary = "Pods mount an API token, use the default service account, or name a deprecated or missing one")
public final class BpServiceAccount implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    String name = Pods.str(pod.getServiceAccountName());
    String deprecated = Pods.str(pod.getServiceAccount());
    String effective = name.isEmpty() ? deprecated : name;
    List<JsonNode> accounts = SameFile.ofKind(context, sts, "ServiceAccount");
    JsonNode account = null;
    for (JsonNode a : accounts) {
      if (a.path("metadata").path("name").asString("").equals(effective.isEmpty() ? "default" : effective)) {
        account = a;
      }
    }
    Boolean automount = pod.getAutomountServiceAccountToken();
    boolean accountOff = account != null && account.path("automountServiceAccountToken").isBoolean()
        && !account.path("automountServiceAccountToken").asBoolean();
    if (!Boolean.FALSE.equals(automount) && !(automount == null && accountOff)) {
      FieldPath p = Pods.POD_SPEC.child("automountServiceAccountToken");
      out.add((automount == null ? Violation.required(p, Message.of("bp-automount-token"))
          : Violation.invalid(p, true, Message.of("bp-automount-token")))
          .withCheck("automount-token").withFix(Fix.add(p, false)));
    }
    if (effective.isEmpty() || effective.equals("default")) {
      out.add(Violation.required(Pods.POD_SPEC.child("serviceAccountName"), Message.of("bp-default-service-account"))
          .withCheck("default-service-account"));
    }
    if (!deprecated.isEmpty()) {
      FieldPath p = Pods.POD_SPEC.child("serviceAccount");
      Fix fix = Fix.remove(p);
      if (name.isEmpty()) {
        fix = Fix.add(Pods.POD_SPEC.child("serviceAccountName"), deprecated).then(fix);
      }
      out.add(Violation.invalid(p, deprecated, Message.of("bp-deprecated-service-account")).withCheck("deprecated-field")
          .withFix(fix));
    }
    if (context.seesFile() && !accounts.isEmpty() && account == null && !effective.isEmpty() && !effective.equals("default")) {
      out.add(Violation.notFound(Pods.POD_SPEC.child(name.isEmpty() ? "serviceAccount" : "serviceAccountName"), effective)
          .withCheck("non-existent"));
    }
    return out;
  }
}
