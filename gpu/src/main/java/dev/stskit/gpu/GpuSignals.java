package dev.stskit.gpu;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a GPU request leaves in a pod spec, the input of reverse detection.
 *
 * @param limits one container's {@code resources.limits}
 * @param podAnnotations the pod template's annotations
 * @param requiredNodeSelectorRequirements requirements common to every required node-affinity
 *     term (plus {@code nodeSelector} entries as {@code In} requirements, if the caller wishes)
 */
public record GpuSignals(
    Map<String, Quantity> limits,
    Map<String, String> podAnnotations,
    List<NodeSelectorRequirement> requiredNodeSelectorRequirements) {

  /**
   * Copies the inputs.
   *
   * @param limits one container's {@code resources.limits}
   * @param podAnnotations the pod template's annotations
   * @param requiredNodeSelectorRequirements requirements common to every required node-affinity
   *     term (plus {@code nodeSelector} entries as {@code In} requirements, if the caller wishes)
   */
  public GpuSignals {
    limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    podAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(podAnnotations));
    requiredNodeSelectorRequirements = List.copyOf(requiredNodeSelectorRequirements);
  }
}
