package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-seccomp-restricted/{valid,invalid}.yaml}. */
class PssSeccompRestrictedTest {
  private final RuleTester tester = RuleTester.of(PssSeccompRestricted.class).withDefaulting();

  @Test
  void flagsUnconfinedPodSeccomp() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.securityContext.seccompProfile.type", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void requiresAProfileOnEveryContainerWhenThePodHasNone() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getSecurityContext().setSeccompProfile(null);
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.seccompProfile.type", ErrorType.REQUIRED);
  }
}
