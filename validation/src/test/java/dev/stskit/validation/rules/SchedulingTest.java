package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-scheduling/{valid,invalid}.yaml}. */
class SchedulingTest {
  private final RuleTester tester = RuleTester.of(Scheduling.class).withDefaulting();

  @Test
  void flagsTolerationSecondsWithoutNoExecute() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.tolerations[0].effect", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  // ValidateMatchLabelKeysAndMismatchLabelKeys / validateLabelKeys (k8s.io/kubernetes pkg/apis/core/validation)

  @Test
  void validateLabelKeys_matchLabelKeysWithoutALabelSelectorIsForbidden() {
    tester.load("invalid-match-label-keys.yaml").expectExactly(
        "spec.template.spec.topologySpreadConstraints[0].matchLabelKeys", ErrorType.FORBIDDEN);
  }

  @Test
  void validateLabelKeys_matchLabelKeysWithALabelSelectorIsFine() {
    tester.load("valid-match-label-keys.yaml").expectNoFindings();
  }

  @Test
  void validateLabelKeys_eachKeyIsALabelName() {
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
              - {name: web, image: nginx}
              topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector: {matchLabels: {app: web}}
                matchLabelKeys: [ok, "not a label"]
        """)).expectExactly("spec.template.spec.topologySpreadConstraints[0].matchLabelKeys[1]", ErrorType.INVALID);
  }
}
