package dev.stskit.validation;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;

/**
 * A rule on v1 Services (the governing and access Services sts-kit compiles and reads). The
 * {@link Validator} routes each Service to the Service rules of its rule sets, each StatefulSet to the
 * others. Annotated with {@link RuleInfo} like any rule; stateless or immutable.
 */
public interface ServiceRule extends Rule {
  /**
   * Checks the Service (after the rule set's defaulting, when it has any).
   *
   * @param service the Service
   * @param context the Service's file
   * @return what is wrong; empty when the rule passes
   */
  List<Violation> validate(Service service, RuleContext context);

  /** Service rules find nothing on a StatefulSet. */
  @Override
  default List<Violation> validate(StatefulSet statefulSet, RuleContext context) {
    return List.of();
  }
}
