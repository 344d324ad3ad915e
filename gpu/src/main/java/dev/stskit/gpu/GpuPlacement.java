package dev.stskit.gpu;

import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link GpuMapper} decided for one container: values only, nothing mutated. The compiler
 * in {@code core} applies it.
 *
 * @param limits container {@code resources.limits} entries (integer-valued quantities)
 * @param podAnnotations annotations for the pod template ({@code spec.template.metadata}), never
 *     for the StatefulSet's own metadata
 * @param requiredNodeSelectorRequirements requirements ANDed into every required node-affinity term
 *     ({@code spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
 *     .nodeSelectorTerms[*].matchExpressions}; one term holding them when there is none)
 * @param schedulerName the scheduler to use ({@code spec.template.spec.schedulerName}), only when
 *     the platform needs one set explicitly (HAMi with its webhook disabled)
 */
public record GpuPlacement(
    Map<String, Quantity> limits,
    Map<String, String> podAnnotations,
    List<NodeSelectorRequirement> requiredNodeSelectorRequirements,
    Optional<String> schedulerName) {

  /**
   * Copies everything, including each (mutable) fabric8 {@code Quantity} and
   * {@code NodeSelectorRequirement}, so a placement cannot change after it is made; the maps keep
   * insertion order. Callers should copy again before putting the parts into their own objects.
   *
   * @param limits container {@code resources.limits} entries (integer-valued quantities)
   * @param podAnnotations annotations for the pod template ({@code spec.template.metadata}), never
   *     for the StatefulSet's own metadata
   * @param requiredNodeSelectorRequirements requirements ANDed into every required node-affinity
   *     term ({@code
   *     spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution
   *     .nodeSelectorTerms[*].matchExpressions}; one term holding them when there is none)
   * @param schedulerName the scheduler to use ({@code spec.template.spec.schedulerName}), only
   *     when the platform needs one set explicitly (HAMi with its webhook disabled)
   */
  public GpuPlacement {
    Map<String, Quantity> l = new LinkedHashMap<>();
    limits.forEach((k, v) -> l.put(k, new Quantity(v.getAmount(), v.getFormat())));
    limits = Collections.unmodifiableMap(l);
    podAnnotations = Collections.unmodifiableMap(new LinkedHashMap<>(podAnnotations));
    List<NodeSelectorRequirement> r = new ArrayList<>();
    requiredNodeSelectorRequirements.forEach(x -> r.add(new NodeSelectorRequirementBuilder(x).build()));
    requiredNodeSelectorRequirements = List.copyOf(r);
    Objects.requireNonNull(schedulerName, "schedulerName");
  }
}
