package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-anti-affinity/{valid,invalid}.yaml}. */
class BpAntiAffinityTest {
  private final RuleTester tester = RuleTester.of(BpAntiAffinity.class);

  @Test
  void notesReplicasWithNothingKeepingThemApart() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.affinity.podAntiAffinity", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void ignoresASingleReplica() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getSpec().setReplicas(1);
    tester.check(sts).expectNoFindings();
  }
}
