package dev.stskit.core.scheduling;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A topology spread constraint ({@code spec.template.spec.topologySpreadConstraints[]}): spread
 * the pods matching the selector over the domains of a topology key, at most {@code maxSkew}
 * apart.
 *
 * <pre>{@code
 * TopologySpread.builder().maxSkew(1).topologyKey(Topology.ZONE).whenUnsatisfiable(TopologySpread.DO_NOT_SCHEDULE)
 *     .putMatchLabel("app", "web").build()
 * }</pre>
 *
 * <p>In the spec file, under {@code scheduling.topologySpreadConstraints}: {@code {maxSkew: 1,
 * topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, matchLabels: {app:
 * web}}}; the selector's {@code matchLabels} and {@code matchExpressions} are written as {@code
 * labelSelector}'s.
 */
@JsonPropertyOrder({"maxSkew", "topologyKey", "whenUnsatisfiable", "matchLabels", "matchExpressions", "minDomains",
    "nodeAffinityPolicy", "nodeTaintsPolicy", "matchLabelKeys"})
@Value.Immutable
@JsonSerialize(as = ImmutableTopologySpread.class)
@JsonDeserialize(as = ImmutableTopologySpread.class)
public interface TopologySpread {
  /** {@code whenUnsatisfiable: DoNotSchedule}: the pod stays pending. */
  String DO_NOT_SCHEDULE = "DoNotSchedule";
  /** {@code whenUnsatisfiable: ScheduleAnyway}: the skew is a preference. */
  String SCHEDULE_ANYWAY = "ScheduleAnyway";

  /**
   * The largest allowed difference of matching pods between two domains ({@code maxSkew}).
   *
   * @return the skew
   */
  int maxSkew();

  /**
   * The node label whose values are the domains ({@code topologyKey}), e.g. {@link Topology#ZONE}.
   *
   * @return the key
   */
  String topologyKey();

  /**
   * {@link #DO_NOT_SCHEDULE} or {@link #SCHEDULE_ANYWAY} ({@code whenUnsatisfiable}).
   *
   * @return what the scheduler does when the skew cannot be met
   */
  String whenUnsatisfiable();

  /**
   * {@code labelSelector.matchLabels}: the pods counted.
   *
   * @return the labels
   */
  Map<String, String> matchLabels();

  /**
   * {@code labelSelector.matchExpressions}.
   *
   * @return the rules
   */
  List<LabelRule> matchExpressions();

  /**
   * The fewest eligible domains ({@code minDomains}), with {@code DoNotSchedule}.
   *
   * @return the count, if set
   */
  Optional<Integer> minDomains();

  /**
   * {@code Honor} or {@code Ignore} the pod's node affinity when counting ({@code nodeAffinityPolicy}).
   *
   * @return the policy, if set
   */
  Optional<String> nodeAffinityPolicy();

  /**
   * {@code Honor} or {@code Ignore} node taints when counting ({@code nodeTaintsPolicy}).
   *
   * @return the policy, if set
   */
  Optional<String> nodeTaintsPolicy();

  /**
   * Pod label keys whose values are added to the selector ({@code matchLabelKeys}), e.g. {@code
   * controller-revision-hash}.
   *
   * @return the keys, in order
   */
  List<String> matchLabelKeys();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link TopologySpread}. */
  final class Builder extends ImmutableTopologySpread.Builder {}
}
