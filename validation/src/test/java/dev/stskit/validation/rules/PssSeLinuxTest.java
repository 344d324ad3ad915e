package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-selinux/{valid,invalid}.yaml}. */
class PssSeLinuxTest {
  private final RuleTester tester = RuleTester.of(PssSeLinux.class).withDefaulting();

  @Test
  void flagsForbiddenSeLinuxType() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.seLinuxOptions.type", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsUserAndRole() {
    StatefulSet sts = tester.read("valid.yaml");
    var options = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getSeLinuxOptions();
    options.setUser("system_u");
    options.setRole("system_r");
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.seLinuxOptions.user", ErrorType.FORBIDDEN,
        "spec.template.spec.containers[0].securityContext.seLinuxOptions.role", ErrorType.FORBIDDEN);
  }
}
