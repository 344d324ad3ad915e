package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-workload-name-length/{valid,invalid}.yaml}. */
class PlatformWorkloadNameLengthTest {
  private final RuleTester tester = RuleTester.of(PlatformWorkloadNameLength.class);

  @Test
  void warnsAboutNamesLongerThan52Characters() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void leavesNamesOver63ToTheNameRule() {
    StatefulSet sts = tester.read("invalid.yaml");
    sts.getMetadata().setName("w".repeat(64));
    tester.check(sts).expectNoFindings();
  }
}
