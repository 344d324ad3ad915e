package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-app-labels/{valid,invalid}.yaml}. */
class BpAppLabelsTest {
  private final RuleTester tester = RuleTester.of(BpAppLabels.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("metadata.labels[app.kubernetes.io/instance]", "instance");
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
