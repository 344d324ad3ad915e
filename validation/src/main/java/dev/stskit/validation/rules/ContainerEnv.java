package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.FieldRefs;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Environment variables and envFrom sources. Values are never echoed: they may be secrets.
 *
 * <p>Follows {@code ValidateEnv}, {@code validateEnvVarValueFrom}, {@code validateObjectFieldSelector}
 * (with {@code validEnvDownwardAPIFieldPathExpressions}), {@code validateContainerResourceFieldSelector},
 * {@code validateConfigMapKeySelector}, {@code validateSecretKeySelector} and {@code ValidateEnvFrom} in
 * {@code pkg/apis/core/validation/validation.go}. Names use the relaxed rule
 * ({@code RelaxedEnvironmentVariableValidation}, GA in v1.34): any printable ASCII except {@code =};
 * before v1.32 a name had to be a C identifier. Quirk kept: an envFrom entry with no or two sources is
 * reported at {@code envFrom}, without the index.
 *
 * <p>Checked fields: {@code env[*].name}, {@code env[*].valueFrom} (exactly one of fieldRef,
 * resourceFieldRef, configMapKeyRef, secretKeyRef, and not together with {@code value}),
 * {@code envFrom[*]}.
 *
 * <p>Allowed values: fieldRef paths {@code metadata.name}, {@code metadata.namespace},
 * {@code metadata.uid}, {@code metadata.labels['…']}, {@code metadata.annotations['…']},
 * {@code spec.nodeName}, {@code spec.serviceAccountName}, {@code status.hostIP}, {@code status.hostIPs},
 * {@code status.podIP}, {@code status.podIPs}; resourceFieldRef resources {@code limits.cpu},
 * {@code limits.memory}, {@code limits.ephemeral-storage}, {@code requests.*} alike and hugepages.
 */
@RuleInfo(id = "k8s-container-env", severity = Severity.ERROR,
    summary = "Environment variables or envFrom sources that kube-apiserver rejects")
@PodTemplateCheck
public final class ContainerEnv implements Rule {
  static final List<String> RESOURCE_FIELDS = List.of("limits.cpu", "limits.ephemeral-storage",
      "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      env(out, Defaults.list(c.container().getEnv()), c.path().child("env"));
      envFrom(out, Defaults.list(c.container().getEnvFrom()), c.path().child("envFrom"));
    }
    return out;
  }

  private static void env(List<Violation> out, List<EnvVar> vars, FieldPath path) {
    for (int i = 0; i < vars.size(); i++) {
      EnvVar ev = vars.get(i);
      if (ev == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String name = Pods.str(ev.getName());
      if (name.isEmpty()) {
        out.add(Violation.required(p.child("name")));
      }
      for (Message m : Names.envVarName(name)) {
        out.add(Violation.invalid(p.child("name"), name, m));
      }
      valueFrom(out, ev, p.child("valueFrom"));
    }
  }

  private static void valueFrom(List<Violation> out, EnvVar ev, FieldPath path) {
    EnvVarSource from = ev.getValueFrom();
    if (from == null) {
      return;
    }
    int sources = 0;
    if (from.getFieldRef() != null) {
      sources++;
      FieldRefs.validate(out, from.getFieldRef(), FieldRefs.ENV, path.child("fieldRef"));
    }
    if (from.getResourceFieldRef() != null) {
      sources++;
      resourceFieldRef(out, from.getResourceFieldRef(), path.child("resourceFieldRef"));
    }
    if (from.getConfigMapKeyRef() != null) {
      sources++;
      ConfigMapKeySelector s = from.getConfigMapKeyRef();
      keySelector(out, Pods.str(s.getName()), Pods.str(s.getKey()), path.child("configMapKeyRef"));
    }
    if (from.getSecretKeyRef() != null) {
      sources++;
      SecretKeySelector s = from.getSecretKeyRef();
      keySelector(out, Pods.str(s.getName()), Pods.str(s.getKey()), path.child("secretKeyRef"));
    }
    if (from.getFileKeyRef() != null) {
      sources++;
    }
    if (sources == 0) {
      out.add(Violation.invalid(path, "", Message.of("env-source-required")));
    } else if (!Pods.str(ev.getValue()).isEmpty()) {
      out.add(Violation.invalidOmitted(path, Message.of("env-value-and-source")));
    } else if (sources > 1) {
      out.add(Violation.invalid(path, "", Message.of("one-source")));
    }
  }

  static void resourceFieldRef(List<Violation> out, ResourceFieldSelector fs, FieldPath path) {
    String resource = Pods.str(fs.getResource());
    if (resource.isEmpty()) {
      out.add(Violation.required(path.child("resource")));
    } else if (!RESOURCE_FIELDS.contains(resource) && !resource.startsWith("limits.hugepages-")
        && !resource.startsWith("requests.hugepages-")) {
      out.add(Violation.notSupported(path.child("resource"), resource, RESOURCE_FIELDS));
    }
  }

  private static void keySelector(List<Violation> out, String name, String key, FieldPath path) {
    for (Message m : Names.dns1123Subdomain(name)) {
      out.add(Violation.invalid(path.child("name"), name, m));
    }
    if (key.isEmpty()) {
      out.add(Violation.required(path.child("key")));
    } else {
      for (Message m : Names.configMapKey(key)) {
        out.add(Violation.invalid(path.child("key"), key, m));
      }
    }
  }

  private static void envFrom(List<Violation> out, List<EnvFromSource> sources, FieldPath path) {
    for (int i = 0; i < sources.size(); i++) {
      EnvFromSource s = sources.get(i);
      if (s == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String prefix = Pods.str(s.getPrefix());
      if (!prefix.isEmpty()) {
        for (Message m : Names.envVarName(prefix)) {
          out.add(Violation.invalid(p.child("prefix"), prefix, m));
        }
      }
      int n = 0;
      if (s.getConfigMapRef() != null) {
        n++;
        refName(out, Pods.str(s.getConfigMapRef().getName()), p.child("configMapRef").child("name"));
      }
      if (s.getSecretRef() != null) {
        n++;
        refName(out, Pods.str(s.getSecretRef().getName()), p.child("secretRef").child("name"));
      }
      if (n == 0) {
        out.add(Violation.invalid(path, "", Message.of("env-from-source-required")));
      } else if (n > 1) {
        out.add(Violation.invalid(path, "", Message.of("one-source")));
      }
    }
  }

  private static void refName(List<Violation> out, String name, FieldPath path) {
    if (name.isEmpty()) {
      out.add(Violation.required(path));
    } else {
      for (Message m : Names.dns1123Subdomain(name)) {
        out.add(Violation.invalid(path, name, m));
      }
    }
  }
}
