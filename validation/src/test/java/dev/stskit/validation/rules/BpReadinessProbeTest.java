package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-readiness-probe/{valid,invalid}.yaml}. */
class BpReadinessProbeTest {
  private final RuleTester tester = RuleTester.of(BpReadinessProbe.class);

  @Test
  void warnsAboutServingContainerWithoutProbe() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].readinessProbe", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void ignoresContainersWithoutPorts() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setPorts(null);
    tester.check(sts).expectNoFindings();
  }
}
