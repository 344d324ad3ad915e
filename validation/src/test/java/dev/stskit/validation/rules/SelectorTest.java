package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-selector/{valid,invalid}.yaml}. */
class SelectorTest {
  private final RuleTester tester = RuleTester.of(Selector.class).withDefaulting();

  @Test
  void flagsSelectorThatMissesTheTemplateLabels() {
    tester.load("invalid.yaml").expectExactly("spec.template.metadata.labels", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void skipsTemplateChecksWhenTheSelectorDoesNotConvert() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector:
            matchExpressions: [{key: app, operator: Within, values: [web]}]
          template:
            metadata: {labels: {app: db}}
            spec:
              containers: [{name: web, image: nginx}]
        """)).expectExactly(
        "spec.selector.matchExpressions[0].operator", ErrorType.INVALID,
        "spec.selector", ErrorType.INVALID);
  }
}
