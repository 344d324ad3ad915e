package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.EnvRefs;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.SameFile;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Secrets in plain text: an environment variable whose name says it holds a credential (or whose value
 * is a private key) set with {@code value}, and a ConfigMap of the file that the pods read holding such
 * keys or values. Anyone who can read the StatefulSet or the ConfigMap reads the secret; use a Secret and
 * {@code secretKeyRef} or a mounted file.
 *
 * <p>Checks: {@code sensitive-env} (names matching {@code password}, {@code token}, {@code bearer},
 * {@code secret}, {@code AWS_SECRET_ACCESS_KEY}, {@code GOOGLE_APPLICATION_CREDENTIALS},
 * {@code AZURE_*KEY}, {@code OCI_CLI_KEY_CONTENT}, case-insensitive, or a {@code -BEGIN … PRIVATE KEY-}
 * value); {@code sensitive-configmap} (when the file is known: a referenced ConfigMap with such a key or
 * value). Values are never echoed.
 *
 * <p>Checked fields: {@code spec.template.spec.{initContainers,containers}[*].{env,envFrom}},
 * {@code spec.template.spec.volumes[*].{configMap,projected}} and the file's ConfigMaps.
 */
@RuleInfo(id = "bp-env", severity = Severity.ERROR,
    summary = "Credential in a plain environment variable or in a ConfigMap the pods read")
public final class BpEnv implements Rule {
  private static final Pattern NAME = Pattern.compile(
      "(?i)^AWS_SECRET_ACCESS_KEY$|^GOOGLE_APPLICATION_CREDENTIALS$|^AZURE_.+KEY$|^OCI_CLI_KEY_CONTENT$|password|token|bearer|secret");
  private static final Pattern VALUE = Pattern.compile("(?is).*-BEGIN\\s+.*PRIVATE KEY-.*");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      List<EnvVar> env = c.container().getEnv() == null ? List.of() : c.container().getEnv();
      for (int j = 0; j < env.size(); j++) {
        EnvVar e = env.get(j);
        if (e == null || e.getValue() == null || e.getValue().isEmpty()) {
          continue;
        }
        if (NAME.matcher(Pods.str(e.getName())).find() || VALUE.matcher(e.getValue()).matches()) {
          out.add(Violation.invalidOmitted(c.path().child("env").index(j).child("value"),
              Message.of("bp-sensitive-env", Violation.quote(Pods.str(e.getName())))).withCheck("sensitive-env"));
        }
      }
    }
    if (context.seesFile()) {
      for (JsonNode cm : SameFile.ofKind(context, sts, "ConfigMap")) {
        String name = cm.path("metadata").path("name").asString("");
        FieldPath ref = EnvRefs.configMapReferences(sts).get(name);
        if (ref == null) {
          continue;
        }
        for (Map.Entry<String, JsonNode> d : cm.path("data").properties()) {
          if (NAME.matcher(d.getKey()).find() || VALUE.matcher(d.getValue().asString("")).matches()) {
            out.add(Violation.invalidOmitted(ref, Message.of("bp-sensitive-configmap", Violation.quote(name), Violation.quote(d.getKey())))
                .withCheck("sensitive-configmap"));
            break;
          }
        }
      }
    }
    return out;
  }
}
