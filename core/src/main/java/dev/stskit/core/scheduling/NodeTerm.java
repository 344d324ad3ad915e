package dev.stskit.core.scheduling;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A node-affinity term: rules ANDed together. Required terms (必须满足) are ORed; preferred terms
 * (尽量满足) carry a weight 1–100.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableNodeTerm.class)
@JsonDeserialize(as = ImmutableNodeTerm.class)
public interface NodeTerm {
  /** {@return weight, for a preferred term only} */
  Optional<Integer> weight();

  /**
   * Rules on node labels ({@code matchExpressions}), ANDed.
   *
   * @return the rules
   */
  List<LabelRule> rules();

  /**
   * A required term.
   *
   * @param rules rules on node labels, ANDed
   * @return the term
   */
  static NodeTerm required(LabelRule... rules) {
    return ImmutableNodeTerm.builder().addRules(rules).build();
  }

  /**
   * A preferred term with {@code weight}.
   *
   * @param weight 1–100
   * @param rules rules on node labels, ANDed
   * @return the term
   */
  static NodeTerm preferred(int weight, LabelRule... rules) {
    return ImmutableNodeTerm.builder().weight(weight).addRules(rules).build();
  }
}
