package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-image-tag/{valid,invalid}.yaml}. */
class BpImageTagTest {
  private final RuleTester tester = RuleTester.of(BpImageTag.class);

  @Test
  void warnsAboutImageWithoutTag() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].image", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void acceptsDigestsAndRegistryPortsButNotLatest() {
    StatefulSet sts = tester.read("valid.yaml");
    var c = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    c.setImage("registry.local:5000/mysql@sha256:" + "a".repeat(64));
    tester.check(sts).expectNoFindings();
    c.setImage("registry.local:5000/mysql");
    tester.check(sts).expectExactly("spec.template.spec.containers[0].image", ErrorType.INVALID);
    c.setImage("mysql:latest");
    tester.check(sts).expectExactly("spec.template.spec.containers[0].image", ErrorType.INVALID);
  }
}
