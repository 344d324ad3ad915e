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
  /** Label key. */
  String key();

  /** {@return operator} */
  Operator operator();

  /** Values (none for Exists/DoesNotExist, one integer for Gt/Lt). */
  List<String> values();

  /** {@code key In (values)}. */
  static LabelRule in(String key, String... values) {
    return of(key, Operator.IN, values);
  }

  /** {@code key NotIn (values)}. */
  static LabelRule notIn(String key, String... values) {
    return of(key, Operator.NOT_IN, values);
  }

  /** {@code key Exists}. */
  static LabelRule exists(String key) {
    return of(key, Operator.EXISTS);
  }

  /** Any rule. */
  static LabelRule of(String key, Operator operator, String... values) {
    return ImmutableLabelRule.builder().key(key).operator(operator).addValues(values).build();
  }
}
