package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-host-namespaces/{valid,invalid}.yaml}. */
class PssHostNamespacesTest {
  private final RuleTester tester = RuleTester.of(PssHostNamespaces.class).withDefaulting();

  @Test
  void flagsHostNetwork() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.hostNetwork", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsHostPidAndIpc() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().setHostPID(true);
    sts.getSpec().getTemplate().getSpec().setHostIPC(true);
    tester.check(sts).expectExactly("spec.template.spec.hostPID", ErrorType.FORBIDDEN,
        "spec.template.spec.hostIPC", ErrorType.FORBIDDEN);
  }
}
