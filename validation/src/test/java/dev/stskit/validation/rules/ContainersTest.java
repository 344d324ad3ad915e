package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-containers/{valid,invalid}.yaml}. */
class ContainersTest {
  private final RuleTester tester = RuleTester.of(Containers.class).withDefaulting();

  @Test
  void flagsContainerWithoutImage() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].image", ErrorType.REQUIRED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsDuplicateNamesAcrossInitAndRegularContainersOnTheInitContainer() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
              - {name: web, image: busybox}
              containers:
              - {name: web, image: nginx, ports: [{containerPort: 80, protocol: QUIC}]}
        """)).expectExactly(
        "spec.template.spec.initContainers[0].name", ErrorType.DUPLICATE,
        "spec.template.spec.containers[0].ports[0].protocol", ErrorType.NOT_SUPPORTED);
  }
}
