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
import dev.stskit.validation.internal.Quantities;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.FileKeySelector;
import io.fabric8.kubernetes.api.model.ResourceFieldSelector;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environment variables and envFrom sources. Values are never echoed: they may be secrets.
 *
 * <p>Follows {@code ValidateEnv}, {@code validateEnvVarValueFrom}, {@code validateObjectFieldSelector}
 * (with {@code validEnvDownwardAPIFieldPathExpressions}), {@code validateContainerResourceFieldSelector}
 * (with {@code validateContainerResourceDivisor}), {@code validateConfigMapKeySelector},
 * {@code validateSecretKeySelector}, {@code validateFileKeySelector}, {@code ValidateEnvFrom} and
 * {@code validateFileKeyRefVolumes} (from {@code ValidatePodSpec}) in
 * {@code pkg/apis/core/validation/validation.go}. Names use the relaxed rule
 * ({@code RelaxedEnvironmentVariableValidation}, GA in v1.34): any printable ASCII except {@code =};
 * before v1.32 a name had to be a C identifier. Quirk kept: an envFrom entry with no or two sources is
 * reported at {@code envFrom}, without the index.
 *
 * <p>Checked fields: {@code env[*].name}, {@code env[*].valueFrom} (exactly one of fieldRef,
 * resourceFieldRef, configMapKeyRef, secretKeyRef, fileKeyRef, and not together with {@code value}),
 * {@code env[*].valueFrom.resourceFieldRef.divisor}, {@code env[*].valueFrom.fileKeyRef} (its volume an
 * {@code emptyDir} of the pod), {@code envFrom[*]}.
 *
 * <p>Allowed values: fieldRef paths {@code metadata.name}, {@code metadata.namespace},
 * {@code metadata.uid}, {@code metadata.labels['…']}, {@code metadata.annotations['…']},
 * {@code spec.nodeName}, {@code spec.serviceAccountName}, {@code status.hostIP}, {@code status.hostIPs},
 * {@code status.podIP}, {@code status.podIPs}; resourceFieldRef resources {@code limits.cpu},
 * {@code limits.memory}, {@code limits.ephemeral-storage}, {@code requests.*} alike and hugepages;
 * divisors {@code 1m} or {@code 1} for cpu, {@code 1}, {@code 1k}…{@code 1E} or {@code 1Ki}…{@code 1Ei}
 * for the others.
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
    Map<String, Volume> volumes = Pods.podVolumes(sts);
    for (Pods.Located c : Pods.allContainers(sts)) {
      env(out, Defaults.list(c.container().getEnv()), c.path().child("env"));
      envFrom(out, Defaults.list(c.container().getEnvFrom()), c.path().child("envFrom"));
      fileKeyRefVolumes(out, Defaults.list(c.container().getEnv()), volumes, c.path().child("env"));
    }
    return out;
  }

  /**
   * {@code validateFileKeyRefVolumes} ({@code ValidatePodSpec}): the volume a {@code fileKeyRef} reads
   * must be one of the pod's volumes (NotFound) and an {@code emptyDir} (Invalid). The pod's volumes
   * include one {@code persistentVolumeClaim} volume per claim template, so naming a claim template is
   * Invalid, not NotFound.
   */
  private static void fileKeyRefVolumes(List<Violation> out, List<EnvVar> vars, Map<String, Volume> volumes,
      FieldPath path) {
    for (int i = 0; i < vars.size(); i++) {
      EnvVar ev = vars.get(i);
      if (ev == null || ev.getValueFrom() == null || ev.getValueFrom().getFileKeyRef() == null) {
        continue;
      }
      String name = Pods.str(ev.getValueFrom().getFileKeyRef().getVolumeName());
      FieldPath p = path.index(i).child("valueFrom", "fileKeyRef", "volumeName");
      Volume v = volumes.get(name);
      if (v == null) {
        out.add(Violation.notFound(p, name));
      } else if (v.getEmptyDir() == null) {
        out.add(Violation.invalid(p, name, Message.of("file-key-ref-empty-dir")));
      }
    }
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
      fileKeySelector(out, from.getFileKeyRef(), path.child("fileKeyRef"));
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
    divisor(out, resource, fs.getDivisor(), path.child("divisor"));
  }

  /** The suffix of a quantity's text: what follows the sign, digits and point. */
  private static final Pattern SUFFIX = Pattern.compile("^[+-]?[0-9.]*(.*)$");
  private static final BigDecimal KIBI = BigDecimal.valueOf(1024);

  /**
   * {@code validateContainerResourceDivisor}: upstream compares the divisor's canonical string
   * ({@code Quantity.String()}) with a fixed set — {@code 1m} and {@code 1} for cpu; {@code 1}, the
   * decimal {@code 1k}…{@code 1E} and the binary {@code 1Ki}…{@code 1Ei} for memory, ephemeral storage
   * and hugepages. So the value alone does not decide: {@code 1000m} (canonically {@code 1}) is fine,
   * {@code 1024} (stays {@code 1024}) and {@code 1e3} (stays {@code 1e3}) are not. A binary quantity
   * under 1024 is canonically decimal ({@code CanonicalizeBytes}). A zero divisor counts as unset. The
   * value upstream reports is the resource name, not the divisor (quirk kept).
   */
  static void divisor(List<Violation> out, String resource, Quantity divisor, FieldPath path) {
    if (divisor == null) {
      return;
    }
    Optional<BigDecimal> parsed = Quantities.parse(divisor);
    if (parsed.isEmpty() || parsed.get().signum() == 0) {
      return;
    }
    BigDecimal v = parsed.get();
    Matcher m = SUFFIX.matcher(Quantities.text(divisor));
    String suffix = m.matches() ? m.group(1) : "";
    boolean binary = suffix.endsWith("i");
    boolean exponent = suffix.startsWith("e") || (suffix.startsWith("E") && suffix.length() > 1 && !binary);
    boolean decimal = !exponent && (!binary || v.abs().compareTo(KIBI) < 0);
    boolean one = v.compareTo(BigDecimal.ONE) == 0;
    String key;
    boolean ok;
    if (resource.equals("limits.cpu") || resource.equals("requests.cpu")) {
      key = "divisor-cpu";
      ok = one || (decimal && v.compareTo(new BigDecimal("0.001")) == 0);
    } else {
      key = switch (resource) {
        case "limits.memory", "requests.memory" -> "divisor-memory";
        case "limits.ephemeral-storage", "requests.ephemeral-storage" -> "divisor-ephemeral-storage";
        default -> resource.startsWith("limits.hugepages-") || resource.startsWith("requests.hugepages-")
            ? "divisor-hugepages" : null;
      };
      ok = one || (decimal && powerOf(v, BigDecimal.valueOf(1000))) || (binary && !decimal && powerOf(v, KIBI));
    }
    if (key != null && !ok) {
      out.add(Violation.invalid(path, resource, Message.of(key)));
    }
  }

  /** Whether {@code v} is {@code base}, {@code base²} … {@code base⁶}. */
  private static boolean powerOf(BigDecimal v, BigDecimal base) {
    BigDecimal p = BigDecimal.ONE;
    for (int i = 1; i <= 6; i++) {
      p = p.multiply(base);
      if (v.compareTo(p) == 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code validateFileKeySelector}: key a (relaxed) environment variable name, volumeName a DNS-1123
   * label, path set and without {@code ..}.
   */
  private static void fileKeySelector(List<Violation> out, FileKeySelector s, FieldPath path) {
    String key = Pods.str(s.getKey());
    if (key.isEmpty()) {
      out.add(Violation.required(path.child("key")));
    } else {
      for (Message m : Names.envVarName(key)) {
        out.add(Violation.invalid(path.child("key"), key, m));
      }
    }
    String volume = Pods.str(s.getVolumeName());
    if (volume.isEmpty()) {
      out.add(Violation.required(path.child("volumeName")));
    } else {
      for (Message m : Names.dns1123Label(volume)) {
        out.add(Violation.invalid(path.child("volumeName"), volume, m));
      }
    }
    String file = Pods.str(s.getPath());
    if (file.isEmpty()) {
      out.add(Violation.required(path.child("path")));
    } else {
      Volumes.noBacksteps(out, file, path.child("path"));
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
