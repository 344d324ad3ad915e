package dev.stskit.core.scheduling;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A workload affinity or anti-affinity rule: pods matching the selector, within one topology
 * domain. Without a weight it is required (all required rules must hold); with one it is
 * preferred.
 */
@Value.Immutable
@JsonSerialize(as = ImmutablePodAffinityRule.class)
@JsonDeserialize(as = ImmutablePodAffinityRule.class)
public interface PodAffinityRule {
  /** {@return weight 1–100 for a preferred rule; unset for a required one} */
  Optional<Integer> weight();

  /**
   * {@code labelSelector.matchLabels}.
   *
   * @return the labels the other pods must carry
   */
  Map<String, String> matchLabels();

  /**
   * {@code labelSelector.matchExpressions}.
   *
   * @return the label rules the other pods must pass
   */
  List<LabelRule> matchExpressions();

  /**
   * Namespaces; empty means the pod's own.
   *
   * @return the namespaces of the other pods
   */
  List<String> namespaces();

  /** {@return topology domain ({@code topologyKey}), e.g. {@link Topology#HOSTNAME}} */
  String topologyKey();

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link PodAffinityRule}. */
  final class Builder extends ImmutablePodAffinityRule.Builder {}
}
