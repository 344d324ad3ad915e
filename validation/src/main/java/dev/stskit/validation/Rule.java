package dev.stskit.validation;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * A validation rule: one class per rule, annotated with {@link RuleInfo}. Rules inspect the fabric8
 * {@link StatefulSet} (after the rule set's defaulting, when it has any), return every
 * {@link Violation} they find and mutate nothing. Implementations must be stateless or immutable, so
 * that validators are thread-safe.
 *
 * <p>Third-party rules may be listed in {@code META-INF/services/dev.stskit.validation.Rule} and
 * picked up with {@link RuleSet#discover(ClassLoader)}; discovery is opt-in.
 */
public interface Rule {
  /**
   * Checks the object; on update, {@code context} holds the old object.
   *
   * @param statefulSet the object, defaulted when the rule set asks for it
   * @param context the object's file and, on update, the old object
   * @return what is wrong; empty when the rule passes
   */
  List<Violation> validate(StatefulSet statefulSet, RuleContext context);

  /**
   * Checks what an update may not change; called only by {@link Validator#validateUpdate}, after
   * {@link #validate} on the new object. The default finds nothing.
   *
   * @param oldObject the stored object
   * @param newObject the object sent
   * @param context the update's context
   * @return what the update may not change; empty by default
   */
  default List<Violation> validateUpdate(StatefulSet oldObject, StatefulSet newObject, RuleContext context) {
    return List.of();
  }
}
