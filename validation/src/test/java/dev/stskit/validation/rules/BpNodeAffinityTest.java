package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-node-affinity/{valid,invalid}.yaml}. */
class BpNodeAffinityTest {
  private final RuleTester tester = RuleTester.of(BpNodeAffinity.class);

  @Test
  void reportsTheInvalidFixture() {
    tester.load("invalid.yaml")
        .expectCheck("spec.template.spec.affinity.nodeAffinity", "node-affinity");
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
