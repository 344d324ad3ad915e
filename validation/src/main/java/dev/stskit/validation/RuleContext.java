package dev.stskit.validation;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Optional;
import org.immutables.value.Value;

/** What a rule may know besides the object: whether this is an update, and the old object if so. */
@Value.Immutable
public interface RuleContext {
  /** The stored object when validating an update; empty on create. */
  Optional<StatefulSet> oldObject();

  /** True when validating an update. */
  default boolean isUpdate() {
    return oldObject().isPresent();
  }

  /** The context of a create. */
  static RuleContext create() {
    return builder().build();
  }

  /** The context of an update from {@code oldObject}. */
  static RuleContext update(StatefulSet oldObject) {
    return builder().oldObject(oldObject).build();
  }

  /** Starts a builder. */
  static Builder builder() {
    return new Builder();
  }

  /** The builder. */
  final class Builder extends ImmutableRuleContext.Builder {}
}
