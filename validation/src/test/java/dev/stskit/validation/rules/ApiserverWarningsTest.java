package dev.stskit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import dev.stskit.validation.Severity;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-apiserver-warnings/{valid,invalid}.yaml}. */
class ApiserverWarningsTest {
  private final RuleTester tester = RuleTester.of(ApiserverWarnings.class).withDefaulting();

  @Test
  void warnsAboutDeprecatedNodeLabel() {
    var result = tester.load("invalid.yaml")
        .expectExactly("spec.template.spec.nodeSelector[beta.kubernetes.io/os]", ErrorType.INVALID);
    assertThat(result.report().valid()).isTrue();
    assertThat(result.report().warnings()).extracting(f -> f.severity()).containsOnly(Severity.WARNING);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void warnsLikeWarningsGo() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          revisionHistoryLimit: -1
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              terminationGracePeriodSeconds: -5
              imagePullSecrets: [{name: regcred}, {name: regcred}]
              containers:
              - name: web
                image: nginx:1.27
                env:
                - {name: A, value: one}
                - {name: A, value: two}
                - {name: B, value: x}
                - {name: B, value: "$(B)-suffix"}
                ports:
                - {containerPort: 80}
                - {containerPort: 80}
                resources:
                  requests: {memory: 0.5}
              volumes:
              - name: repo
                gitRepo: {repository: "https://example.com/r.git"}
        """)).expectExactly(
        "spec.revisionHistoryLimit", ErrorType.INVALID,
        "spec.template.spec.terminationGracePeriodSeconds", ErrorType.INVALID,
        "spec.template.spec.imagePullSecrets[1].name", ErrorType.DUPLICATE,
        "spec.template.spec.containers[0].env[1]", ErrorType.DUPLICATE,
        "spec.template.spec.containers[0].ports[1]", ErrorType.DUPLICATE,
        "spec.template.spec.containers[0].resources.requests[memory]", ErrorType.INVALID,
        "spec.template.spec.volumes[0].gitRepo", ErrorType.INVALID);
  }
}
