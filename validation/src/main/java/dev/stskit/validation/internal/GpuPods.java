package dev.stskit.validation.internal;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the GPU rules read from a pod template besides resources: pinned products and node requirements. */
public final class GpuPods {
  /** GPU Feature Discovery's product label. */
  public static final String PRODUCT_LABEL = "nvidia.com/gpu.product";

  private GpuPods() {}

  /**
   * The node-selector requirements every required node-affinity term carries (the input of
   * {@code GpuMappers.detect}), empty when there are no required terms.
   */
  public static List<NodeSelectorRequirement> requiredRequirements(StatefulSet sts) {
    List<NodeSelectorTerm> terms = requiredTerms(Pods.podSpec(sts));
    if (terms.isEmpty()) {
      return List.of();
    }
    List<NodeSelectorRequirement> common = new ArrayList<>(Defaults.list(terms.get(0).getMatchExpressions()));
    for (NodeSelectorTerm t : terms.subList(1, terms.size())) {
      common.retainAll(Defaults.list(t.getMatchExpressions()));
    }
    return common;
  }

  /** The product the pod is pinned to: {@code nodeSelector}, or a single-value {@code In} requirement. */
  public static Optional<String> pinnedProduct(StatefulSet sts) {
    Map<String, String> selector = Pods.podSpec(sts).getNodeSelector();
    if (selector != null && selector.get(PRODUCT_LABEL) != null) {
      return Optional.of(selector.get(PRODUCT_LABEL));
    }
    for (NodeSelectorRequirement r : requiredRequirements(sts)) {
      if (PRODUCT_LABEL.equals(r.getKey()) && "In".equals(r.getOperator()) && r.getValues() != null
          && r.getValues().size() == 1) {
        return Optional.of(r.getValues().get(0));
      }
    }
    return Optional.empty();
  }

  private static List<NodeSelectorTerm> requiredTerms(PodSpec pod) {
    Affinity a = pod.getAffinity();
    if (a == null || a.getNodeAffinity() == null) {
      return List.of();
    }
    NodeSelector s = a.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    return s == null ? List.of() : Defaults.list(s.getNodeSelectorTerms());
  }
}
