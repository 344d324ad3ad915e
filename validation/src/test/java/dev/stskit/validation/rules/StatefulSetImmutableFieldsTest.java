package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-statefulset-immutable-fields/{old,valid,invalid}.yaml}, used as updates from old.yaml. */
class StatefulSetImmutableFieldsTest {
  private final RuleTester tester = RuleTester.of(StatefulSetImmutableFields.class).withDefaulting();

  @Test
  void flagsUpdateThatChangesTheServiceName() {
    tester.loadUpdate("old.yaml", "invalid.yaml").expectExactly("spec.serviceName", ErrorType.INVALID);
  }

  @Test
  void acceptsUpdateOfReplicasAndTemplate() {
    tester.loadUpdate("old.yaml", "valid.yaml").expectNoFindings();
  }

  @Test
  void findsNothingOnCreate() {
    tester.load("invalid.yaml").expectNoFindings();
  }
}
