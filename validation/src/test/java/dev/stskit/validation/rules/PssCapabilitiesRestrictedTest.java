package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-capabilities-restricted/{valid,invalid}.yaml}. */
class PssCapabilitiesRestrictedTest {
  private final RuleTester tester = RuleTester.of(PssCapabilitiesRestricted.class).withDefaulting();

  @Test
  void flagsAddedCapabilityOtherThanNetBindService() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.capabilities.add[0]", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void requiresDroppingAll() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getCapabilities()
        .setDrop(java.util.List.of("NET_RAW"));
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.capabilities.drop", ErrorType.REQUIRED);
  }
}
