package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.gpu.hami.HamiAnnotations;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A HAMi scheduling-policy annotation with a value HAMi does not know.
 *
 * <p>The form's vGPU scheduling policy (docs/form.md §2) writes {@code binpack} or {@code spread} to the pod
 * annotations {@value HamiAnnotations#NODE_POLICY} and {@value HamiAnnotations#CARD_POLICY}. HAMi's
 * policy names (the {@code SchedulerPolicyName} constants of its {@code util} package): nodes {@code binpack},
 * {@code spread}; cards also {@code topology-aware}, and HAMi accepts a comma-separated card policy with
 * the modifiers {@code numa} and {@code mutex} ({@code binpack,numa}). Anything else is not a policy HAMi implements.
 *
 * <p>Checked fields: {@code spec.template.metadata.annotations[hami.io/node-scheduler-policy]},
 * {@code spec.template.metadata.annotations[hami.io/gpu-scheduler-policy]}.
 *
 * <p>Allowed values: node {@code binpack}, {@code spread}; card {@code binpack}, {@code spread} or
 * {@code topology-aware}, optionally followed by {@code ,numa} or {@code ,mutex}.
 */
@RuleInfo(id = "gpu-scheduler-policy", severity = Severity.ERROR,
    summary = "HAMi node or card scheduling policy annotation with an unknown value")
public final class GpuSchedulerPolicy implements Rule {
  private static final List<String> NODE = List.of("binpack", "spread");
  private static final Set<String> CARD = Set.of("binpack", "spread", "topology-aware");
  private static final Set<String> CARD_MODIFIERS = Set.of("numa", "mutex");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    Map<String, String> annotations = Pods.templateMeta(sts).getAnnotations();
    if (annotations == null) {
      return out;
    }
    FieldPath base = Pods.TEMPLATE.child("metadata", "annotations");
    String node = annotations.get(HamiAnnotations.NODE_POLICY);
    if (node != null && !NODE.contains(node.strip())) {
      out.add(Violation.notSupported(base.key(HamiAnnotations.NODE_POLICY), node, NODE));
    }
    String card = annotations.get(HamiAnnotations.CARD_POLICY);
    if (card != null && !cardPolicyKnown(card)) {
      out.add(Violation.notSupported(base.key(HamiAnnotations.CARD_POLICY), card,
          List.of("binpack", "spread", "topology-aware", "binpack,numa", "spread,mutex")));
    }
    return out;
  }

  private static boolean cardPolicyKnown(String value) {
    String[] parts = value.split(",", -1);
    if (!CARD.contains(parts[0].strip())) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      if (!CARD_MODIFIERS.contains(parts[i].strip())) {
        return false;
      }
    }
    return true;
  }
}
