package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-service-account/{valid,invalid}.yaml}. */
class BpServiceAccountTest {
  private final RuleTester tester = RuleTester.of(BpServiceAccount.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.automountServiceAccountToken", "automount-token");
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
