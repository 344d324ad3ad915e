package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/pss-apparmor/{valid,invalid}.yaml}. */
class PssAppArmorTest {
  private final RuleTester tester = RuleTester.of(PssAppArmor.class).withDefaulting();

  @Test
  void flagsUnconfinedAppArmorProfile() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.appArmorProfile.type", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsUnconfinedBetaAnnotationOnThePodTemplate() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getMetadata().setAnnotations(
        java.util.Map.of("container.apparmor.security.beta.kubernetes.io/web", "unconfined"));
    tester.check(sts).expectExactly(
        "spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]", ErrorType.FORBIDDEN);
  }
}
