package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/bp-run-as-non-root/{valid,invalid}.yaml}. */
class BpRunAsNonRootTest {
  private final RuleTester tester = RuleTester.of(BpRunAsNonRoot.class);

  @Test
  void warnsAboutUidZero() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].securityContext.runAsUser", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void warnsWhenNothingIsSet() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().setSecurityContext(null);
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.runAsNonRoot", ErrorType.REQUIRED);
  }

  @Test
  void fixSetsRunAsNonRootWhenNoUserIsNamed() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().setSecurityContext(null);
    tester.check(tester.check(sts).applyFixes(sts)).expectNoFindings();
    // a named root user has no mechanical fix: which user the image supports is the team's call
    StatefulSet root = tester.read("invalid.yaml");
    org.assertj.core.api.Assertions.assertThat(tester.check(root).report().findings()).allSatisfy(
        f -> org.assertj.core.api.Assertions.assertThat(f.fix()).isEmpty());
  }

  @Test
  void warnsAboutTheRootGroup() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().getSecurityContext().setRunAsGroup(0L);
    tester.check(sts).expectExactly("spec.template.spec.containers[0].securityContext.runAsGroup", ErrorType.INVALID);
  }
}
