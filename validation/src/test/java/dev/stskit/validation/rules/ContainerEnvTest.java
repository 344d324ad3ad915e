package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-container-env/{valid,invalid}.yaml}. */
class ContainerEnvTest {
  private final RuleTester tester = RuleTester.of(ContainerEnv.class).withDefaulting();

  @Test
  void flagsFieldRefToAFieldPodsDoNotExpose() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].env[0].valueFrom.fieldRef.fieldPath", ErrorType.NOT_SUPPORTED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void neverEchoesAValueThatMayBeASecret() {
    var result = tester.check(RuleTester.parse("""
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
                env:
                - name: PASSWORD
                  value: hunter2-super-secret
                  valueFrom:
                    secretKeyRef: {name: db, key: password}
        """)).expectExactly("spec.template.spec.containers[0].env[0].valueFrom", ErrorType.INVALID);
    org.assertj.core.api.Assertions.assertThat(result.report().findings().get(0).message())
        .doesNotContain("hunter2").contains("<value omitted>");
  }
}
