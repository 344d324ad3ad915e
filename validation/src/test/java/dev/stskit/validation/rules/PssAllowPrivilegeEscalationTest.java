package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.PodOS;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-allow-privilege-escalation/{valid,invalid}.yaml}. */
class PssAllowPrivilegeEscalationTest {
  private final RuleTester tester = RuleTester.of(PssAllowPrivilegeEscalation.class).withDefaulting();

  @Test
  void flagsAllowPrivilegeEscalationTrue() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void requiresTheFieldToBeSet() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().setAllowPrivilegeEscalation(null);
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation", ErrorType.REQUIRED);
  }

  @Test
  void exemptsWindowsPods() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getSpec().getTemplate().getSpec().setOs(new PodOS("windows"));
    tester.check(sts).expectNoFindings();
  }
}
