package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-security/{valid,invalid}.yaml}. */
class BpSecurityTest {
  private final RuleTester tester = RuleTester.of(BpSecurity.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", "privilege-escalation");
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
