package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-dns-ndots/{valid,invalid}.yaml}. */
class BpDnsNdotsTest {
  private final RuleTester tester = RuleTester.of(BpDnsNdots.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.dnsConfig.options[0].value", "ndots");
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
