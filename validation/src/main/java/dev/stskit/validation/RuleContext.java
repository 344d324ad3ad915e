package dev.stskit.validation;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a rule may know besides the object: whether this is an update (and the old object if so), and
 * the other documents of the file the object came from (its governing Service, PodDisruptionBudget,
 * ConfigMaps, …), when the caller gave them.
 */
@Value.Immutable
public interface RuleContext {
  /** {@return the stored object when validating an update; empty on create} */
  Optional<StatefulSet> oldObject();

  /**
   * The other documents of the object's file, in file order, without the object itself; empty when the
   * caller validated one object alone ({@link #seesFile()} tells the two apart).
   *
   * @return the file's other documents
   */
  List<HasMetadata> sameFile();

  /**
   * True when the caller passed the object's file ({@link Validator#validate(HasMetadata, List)}), so a
   * rule may conclude that something is missing from it (no PodDisruptionBudget, no governing Service).
   * Rules that look at other objects report nothing when this is false.
   *
   * @return whether the file was given
   */
  @Value.Default
  default boolean seesFile() {
    return false;
  }

  /**
   * True when validating an update.
   *
   * @return whether there is an old object
   */
  default boolean isUpdate() {
    return oldObject().isPresent();
  }

  /** {@return the context of a create} */
  static RuleContext create() {
    return builder().build();
  }

  /**
   * The context of an update from {@code oldObject}.
   *
   * @param oldObject the stored object
   * @return the context
   */
  static RuleContext update(StatefulSet oldObject) {
    return builder().oldObject(oldObject).build();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** The builder. */
  final class Builder extends ImmutableRuleContext.Builder {}
}
