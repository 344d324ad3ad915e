package dev.stskit.core.scheduling;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** The form's scheduling tab (docs/form.md §13). */
@Value.Immutable
@JsonSerialize(as = ImmutableScheduling.class)
@JsonDeserialize(as = ImmutableScheduling.class)
public interface Scheduling {
  /**
   * Toleration time (容忍时间) in seconds. Default 300. Under the hood: two tolerations, {@code
   * node.kubernetes.io/not-ready} and {@code node.kubernetes.io/unreachable}, {@code operator:
   * Exists, effect: NoExecute, tolerationSeconds: T}.
   *
   * @return the seconds
   */
  @Value.Default
  default long tolerationSeconds() {
    return 300;
  }

  /**
   * Custom tolerations, written after the form's two ({@code spec.template.spec.tolerations}).
   *
   * @return the custom tolerations, in order
   */
  List<TolerationRule> tolerations();

  /** {@return node labels the pod's node must carry ({@code spec.template.spec.nodeSelector})} */
  Map<String, String> nodeSelector();

  /** {@return node affinity, must (required terms, ORed)} */
  List<NodeTerm> requiredNodeTerms();

  /** {@return node affinity, preferred (weighted terms)} */
  List<NodeTerm> preferredNodeTerms();

  /** {@return workload affinity (工作负载亲和性)} */
  List<PodAffinityRule> podAffinity();

  /** {@return workload anti-affinity (工作负载反亲和性)} */
  List<PodAffinityRule> podAntiAffinity();

  /** {@return the topology spread constraints} ({@code spec.template.spec.topologySpreadConstraints}), in order. */
  List<TopologySpread> topologySpreadConstraints();

  /** {@return the form's defaults: toleration time 300 s, no affinity} */
  static Scheduling defaults() {
    return builder().build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Scheduling}. */
  final class Builder extends ImmutableScheduling.Builder {}
}
