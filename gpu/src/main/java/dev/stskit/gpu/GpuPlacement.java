package dev.stskit.gpu;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link GpuMapper} decided for one container: values only, nothing mutated. The compiler
 * in {@code core} applies it.
 *
 * @param limits container {@code resources.limits} entries (integer-valued quantities)
 * @param podAnnotations annotations for the pod template ({@code spec.template.metadata}), never
 *     for the StatefulSet's own metadata
 * @param requiredNodeSelectorRequirements requirements ANDed into every required node-affinity term
 * @param schedulerName the scheduler to use, only when the platform needs one set explicitly
 */
public record GpuPlacement(
    Map<String, Quantity> limits,
    Map<String, String> podAnnotations,
    List<NodeSelectorRequirement> requiredNodeSelectorRequirements,
    Optional<String> schedulerName) {

  public GpuPlacement {
    limits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(limits));
    podAnnotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(podAnnotations));
    requiredNodeSelectorRequirements = List.copyOf(requiredNodeSelectorRequirements);
  }
}
