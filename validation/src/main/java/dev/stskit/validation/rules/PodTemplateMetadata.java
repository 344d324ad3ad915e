package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.MetaChecks;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Pod template labels and annotations, including the annotations that mean something to pods.
 *
 * <p>Follows {@code ValidatePodTemplateSpecForStatefulSet} ({@code pkg/apis/apps/validation}) and
 * {@code ValidatePodTemplateSpec}, {@code ValidatePodSpecificAnnotations},
 * {@code ValidateSeccompPodAnnotations}, {@code ValidateAppArmorPodAnnotations}
 * ({@code pkg/apis/core/validation/validation.go}). Quirk kept: template label errors are reported at
 * {@code spec.template.labels}, not {@code spec.template.metadata.labels}. Ephemeral containers are
 * forbidden in a template.
 *
 * <p>Checked fields: {@code spec.template.metadata.labels}, {@code .annotations}
 * ({@code controller.kubernetes.io/pod-deletion-cost}, {@code kubernetes.io/config.mirror},
 * {@code seccomp.security.alpha.kubernetes.io/pod}, {@code container.seccomp.security.alpha.kubernetes.io/*},
 * {@code container.apparmor.security.beta.kubernetes.io/*}), {@code spec.template.spec.ephemeralContainers}.
 *
 * <p>Allowed values: as for object metadata; the deletion cost a 32-bit integer; seccomp and AppArmor
 * annotation values {@code runtime/default}, {@code unconfined} or {@code localhost/<profile>}.
 */
@RuleInfo(id = "k8s-pod-template-metadata", severity = Severity.ERROR,
    summary = "Pod template labels or annotations that kube-apiserver rejects")
@PodTemplateCheck
public final class PodTemplateMetadata implements Rule {
  private static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
  private static final String MIRROR = "kubernetes.io/config.mirror";
  private static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
  private static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
  private static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    ObjectMeta meta = Pods.templateMeta(sts);
    PodSpec pod = Pods.podSpec(sts);
    out.addAll(MetaChecks.labels(meta.getLabels(), Pods.TEMPLATE.child("labels")));
    FieldPath ann = Pods.TEMPLATE.child("annotations");
    out.addAll(MetaChecks.annotations(meta.getAnnotations(), ann));
    Map<String, String> annotations = meta.getAnnotations() == null ? Map.of() : new TreeMap<>(meta.getAnnotations());
    if (annotations.containsKey(MIRROR) && Pods.str(pod.getNodeName()).isEmpty()) {
      out.add(Violation.invalid(ann.key(MIRROR), annotations.get(MIRROR), Message.of("mirror-pod")));
    }
    if (annotations.containsKey(DELETION_COST)) {
      String v = Pods.str(annotations.get(DELETION_COST));
      if (!isInt32(v)) {
        out.add(Violation.invalid(ann.key(DELETION_COST), v, Message.of("int32")));
      }
    }
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      String k = e.getKey();
      String v = Pods.str(e.getValue());
      if (k.equals(SECCOMP_POD) || k.startsWith(SECCOMP_CONTAINER)) {
        if (!v.equals("runtime/default") && !v.equals("docker/default") && !v.equals("unconfined")
            && !(v.startsWith("localhost/") && v.length() > "localhost/".length())) {
          out.add(Violation.invalid(ann.key(k), v, Message.of("seccomp-annotation")));
        }
      }
      if (k.startsWith(APPARMOR_CONTAINER)) {
        String name = k.substring(APPARMOR_CONTAINER.length());
        if (!containerExists(pod, name)) {
          out.add(Violation.invalid(ann.key(k), name, Message.of("container-not-found")));
        }
        if (!v.equals("runtime/default") && !v.equals("unconfined") && !v.startsWith("localhost/")) {
          out.add(Violation.invalid(ann.key(k), v, Message.of("apparmor-annotation")));
        }
      }
    }
    if (!Defaults.list(pod.getEphemeralContainers()).isEmpty()) {
      out.add(Violation.forbidden(Pods.POD_SPEC.child("ephemeralContainers"), Message.of("ephemeral-in-template")));
    }
    return out;
  }

  private static boolean containerExists(PodSpec pod, String name) {
    for (List<Container> list : List.of(Defaults.list(pod.getContainers()), Defaults.list(pod.getInitContainers()))) {
      for (Container c : list) {
        if (c != null && name.equals(c.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isInt32(String v) {
    if (v.isEmpty() || v.startsWith("+")) {
      return false;
    }
    try {
      Integer.parseInt(v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
