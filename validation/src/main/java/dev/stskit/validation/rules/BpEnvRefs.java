package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.EnvRefs;
import dev.stskit.validation.internal.SameFile;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * How the pods read Secrets and ConfigMaps through their environment (advice; kube-linter ships both
 * checks switched off).
 *
 * <p>Checks: {@code secret-in-env} (a Secret read into an environment variable with
 * {@code secretKeyRef} or {@code envFrom.secretRef}: it shows in {@code /proc/<pid>/environ}, crash dumps
 * and child processes; a mounted file does not); {@code missing-ref} (when the file is known: a
 * non-optional {@code env}/{@code envFrom} reference to a ConfigMap or Secret the file does not hold, or to a
 * key the file's ConfigMap or Secret does not have).
 *
 * <p>Checked fields: {@code spec.template.spec.{initContainers,containers}[*].{env,envFrom}}.
 */
@RuleInfo(id = "bp-env-refs", severity = Severity.INFO,
    summary = "Secret read into an environment variable, or a reference to a ConfigMap or Secret the file lacks")
public final class BpEnvRefs implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    Set<String> present = new HashSet<>();
    java.util.Map<String, Set<String>> keys = new java.util.HashMap<>();
    if (context.seesFile()) {
      for (String kind : List.of("ConfigMap", "Secret")) {
        for (JsonNode o : SameFile.ofKind(context, sts, kind)) {
          String id = kind + "/" + o.path("metadata").path("name").asString("");
          present.add(id);
          Set<String> k = keys.computeIfAbsent(id, x -> new HashSet<>());
          for (String field : List.of("data", "binaryData", "stringData")) {
            o.path(field).properties().forEach(e -> k.add(e.getKey()));
          }
        }
      }
    }
    for (EnvRefs.Ref r : EnvRefs.all(sts)) {
      if (!r.env()) {
        continue;
      }
      if (r.kind().equals("Secret")) {
        out.add(Violation.invalid(r.path(), r.name(), Message.of("bp-secret-in-env")).withCheck("secret-in-env"));
      }
      String id = r.kind() + "/" + r.name();
      if (context.seesFile() && !r.optional() && !present.contains(id)) {
        out.add(Violation.notFound(r.path(), r.name()).withCheck("missing-ref"));
      } else if (context.seesFile() && !r.optional() && r.key() != null && !keys.get(id).contains(r.key())) {
        out.add(Violation.notFound(dev.stskit.validation.FieldPath.parse(r.path().toString().replaceFirst("\\.name$", ".key")), r.key())
            .withCheck("missing-ref"));
      }
    }
    return out;
  }
}
