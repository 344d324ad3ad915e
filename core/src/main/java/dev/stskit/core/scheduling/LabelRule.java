package dev.stskit.core.scheduling;

import java.util.List;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/** A label rule {@code {key, operator, values}} of a node term or a workload selector. */
@Value.Immutable
@JsonSerialize(as = ImmutableLabelRule.class)
@JsonDeserialize(as = ImmutableLabelRule.class)
public interface LabelRule {
  /**
   * Label key.
   *
   * @return the label key
   */
  String key();

  /** {@return operator} */
  Operator operator();

  /**
   * Values (none for Exists/DoesNotExist, one integer for Gt/Lt).
   *
   * @return the values the operator takes
   */
  List<String> values();

  /**
   * {@code key In (values)}.
   *
   * @param key the label key
   * @param values the values it may have
   * @return the rule
   */
  static LabelRule in(String key, String... values) {
    return of(key, Operator.IN, values);
  }

  /**
   * {@code key NotIn (values)}.
   *
   * @param key the label key
   * @param values the values it may not have
   * @return the rule
   */
  static LabelRule notIn(String key, String... values) {
    return of(key, Operator.NOT_IN, values);
  }

  /**
   * {@code key Exists}.
   *
   * @param key the label key
   * @return the rule
   */
  static LabelRule exists(String key) {
    return of(key, Operator.EXISTS);
  }

  /**
   * Any rule.
   *
   * @param key the label key
   * @param operator how the values are compared
   * @param values the values the operator takes
   * @return the rule
   */
  static LabelRule of(String key, Operator operator, String... values) {
    return ImmutableLabelRule.builder().key(key).operator(operator).addValues(values).build();
  }
}
