package dev.stskit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/platform-description/{valid,invalid}.yaml}. */
class PlatformDescriptionTest {
  private final RuleTester tester = RuleTester.of(PlatformDescription.class);

  @Test
  void flagsDescriptionOver512Characters() {
    tester.load("invalid.yaml").expectExactly("metadata.annotations[kpanda.io/describe]", ErrorType.TOO_LONG);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void countsCharactersNotBytes() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getMetadata().setAnnotations(java.util.Map.of("kpanda.io/describe", "数".repeat(512)));
    tester.check(sts).expectNoFindings();
    sts.getMetadata().setAnnotations(java.util.Map.of("kpanda.io/describe", "数".repeat(513)));
    tester.check(sts).expectExactly("metadata.annotations[kpanda.io/describe]", ErrorType.TOO_LONG);
  }

  @Test
  void neverEchoesTheDescription() {
    assertThat(tester.load("invalid.yaml").report().findings())
        .isNotEmpty().allSatisfy(f -> assertThat(f.format()).doesNotContain("ddddd"));
  }
}
