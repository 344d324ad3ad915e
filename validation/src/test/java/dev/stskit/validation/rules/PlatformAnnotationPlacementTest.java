package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-annotation-placement/{valid,invalid}.yaml}. */
class PlatformAnnotationPlacementTest {
  private final RuleTester tester = RuleTester.of(PlatformAnnotationPlacement.class);

  @Test
  void flagsHamiPolicyOnTheStatefulSet() {
    tester.load("invalid.yaml").expectExactly("metadata.annotations[hami.io/gpu-scheduler-policy]", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsDescriptionOnThePodTemplate() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getMetadata().setAnnotations(java.util.Map.of("kpanda.io/describe", "db"));
    tester.check(sts).expectExactly("spec.template.metadata.annotations[kpanda.io/describe]", ErrorType.FORBIDDEN);
  }
}
