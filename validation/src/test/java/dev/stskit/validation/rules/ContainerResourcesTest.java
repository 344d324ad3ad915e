package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-container-resources/{valid,invalid}.yaml}. */
class ContainerResourcesTest {
  private final RuleTester tester = RuleTester.of(ContainerResources.class).withDefaulting();

  @Test
  void flagsGpuRequestThatDiffersFromItsLimit() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].resources.requests", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsFractionalGpuAndRequestWithoutLimit() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: gpu, namespace: default}
        spec:
          selector: {matchLabels: {app: gpu}}
          template:
            metadata: {labels: {app: gpu}}
            spec:
              containers:
              - name: train
                image: pytorch:2
                resources:
                  requests: {nvidia.com/gpu: "1"}
              - name: infer
                image: pytorch:2
                resources:
                  limits: {nvidia.com/gpu: "0.5", cpu: "-1", gpu: "1"}
        """)).expectExactly(
        "spec.template.spec.containers[0].resources.limits", ErrorType.REQUIRED,
        "spec.template.spec.containers[1].resources.limits[nvidia.com/gpu]", ErrorType.INVALID,
        "spec.template.spec.containers[1].resources.limits[cpu]", ErrorType.INVALID,
        "spec.template.spec.containers[1].resources.limits[gpu]", ErrorType.INVALID);
  }

  @Test
  void flagsRequestAboveLimit() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                resources:
                  requests: {memory: 2Gi}
                  limits: {memory: 1Gi}
        """)).expectExactly("spec.template.spec.containers[0].resources.requests", ErrorType.INVALID);
  }
}
