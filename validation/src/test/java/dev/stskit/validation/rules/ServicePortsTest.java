package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-service-ports/{valid,invalid}.yaml}; validateService/validateServicePort. */
class ServicePortsTest {
  private final RuleTester tester = RuleTester.of(ServicePorts.class).withDefaulting();

  @Test
  void flagsAnUnnamedSecondPortOnTheSamePortAndANodePortOutsideTheRange() {
    tester.load("invalid.yaml").expectExactly(
        "spec.ports[0].nodePort", ErrorType.INVALID,
        "spec.ports[1].name", ErrorType.REQUIRED,
        "spec.ports[1]", ErrorType.DUPLICATE);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void portsAreRequiredExceptForHeadlessServices() {
    tester.check(new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec().endSpec().build())
        .expectExactly("spec.ports", ErrorType.REQUIRED);
    tester.check(new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
        .withNewSpec().withClusterIP("None").endSpec().build()).expectNoFindings();
  }

  @Test
  void flagsBadPortProtocolTargetPortAndNodePortOnClusterIp() {
    Service s = new ServiceBuilder().withNewMetadata().withName("web").endMetadata().withNewSpec()
        .addNewPort().withName("a").withPort(0).withProtocol("HTTP").withTargetPort(new IntOrString("no_such"))
        .withNodePort(30001).endPort()
        .addNewPort().withName("a").withPort(81).withNodePort(30001).endPort()
        .endSpec().build();
    tester.check(s).expectExactly(
        "spec.ports[0].port", ErrorType.INVALID,
        "spec.ports[0].protocol", ErrorType.NOT_SUPPORTED,
        "spec.ports[0].targetPort", ErrorType.INVALID,
        "spec.ports[0].nodePort", ErrorType.FORBIDDEN,
        "spec.ports[1].name", ErrorType.DUPLICATE,
        "spec.ports[1].nodePort", ErrorType.FORBIDDEN);
  }
}
