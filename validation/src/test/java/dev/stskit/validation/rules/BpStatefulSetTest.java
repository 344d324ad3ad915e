package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-statefulset/{valid,invalid}.yaml}. */
class BpStatefulSetTest {
  private final RuleTester tester = RuleTester.of(BpStatefulSet.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.updateStrategy.type", "update-strategy");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void fixOfTheInvalidFixturePassesTheRule() {
    io.fabric8.kubernetes.api.model.apps.StatefulSet sts = tester.read("invalid.yaml");
    tester.check(tester.check(sts).applyFixes(sts)).expectNoFindings();
  }
}
