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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An annotation the form writes itself, on the wrong object.
 *
 * <p>The form writes some keys itself (docs/form.md §14), each on one object. HAMi's scheduler and webhook
 * and Spiderpool/Multus read <em>pods</em>, so their keys on the StatefulSet's own metadata are silently
 * ignored (docs/form.md §§2, 9; HAMi documents its policy keys as "user set Pod annotation" and its
 * scheduler reads the pod's annotations); the description is the workload's, so on the pod template the
 * platform does not show it.
 *
 * <p>Checked fields: {@code metadata.annotations} (pod keys: {@code hami.io/*},
 * {@code nvidia.com/use-gputype}, {@code nvidia.com/nouse-gputype}, {@code nvidia.com/vgpu-mode},
 * {@code ipam.spidernet.io/*}, {@code v1.multus-cni.io/default-network},
 * {@code k8s.v1.cni.cncf.io/networks}) and {@code spec.template.metadata.annotations}
 * ({@code kpanda.io/describe}).
 *
 * <p>Allowed values: pod keys on {@code spec.template.metadata.annotations} only; the description on
 * {@code metadata.annotations} only.
 */
@RuleInfo(id = "platform-annotation-placement", severity = Severity.ERROR,
    summary = "Annotation the platform reads from one object is set on the other, where it is ignored")
public final class PlatformAnnotationPlacement implements Rule {
  private static final List<String> POD_PREFIXES = List.of("hami.io/", "ipam.spidernet.io/");
  private static final List<String> POD_KEYS = List.of("nvidia.com/use-gputype", "nvidia.com/nouse-gputype",
      "nvidia.com/vgpu-mode", "v1.multus-cni.io/default-network", "k8s.v1.cni.cncf.io/networks");

  /** Whether the platform reads {@code key} from pods (so it belongs on the pod template). */
  static boolean isPodKey(String key) {
    return POD_KEYS.contains(key) || POD_PREFIXES.stream().anyMatch(key::startsWith);
  }

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    Map<String, String> own = Pods.meta(sts).getAnnotations();
    if (own != null) {
      for (String key : new TreeMap<>(own).keySet()) {
        if (isPodKey(key)) {
          out.add(Violation.forbidden(FieldPath.of("metadata", "annotations").key(key),
              Message.of("platform-annotation-pod-key")).withHint(Message.of("hint-platform-annotation-pod-key")));
        }
      }
    }
    Map<String, String> pod = Pods.templateMeta(sts).getAnnotations();
    if (pod != null && pod.containsKey(PlatformDescription.KEY)) {
      out.add(Violation.forbidden(Pods.TEMPLATE.child("metadata", "annotations").key(PlatformDescription.KEY),
          Message.of("platform-annotation-describe")));
    }
    return out;
  }
}
