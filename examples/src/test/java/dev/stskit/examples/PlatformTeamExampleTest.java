package dev.stskit.examples;

import static dev.stskit.testing.StsAssertions.assertThat;

import dev.stskit.core.StatefulSetSpec;
import dev.stskit.examples.PlatformTeamExample.TeamLabel;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.testing.gpu.GpuArbitraries;
import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import dev.stskit.validation.RuleSet;
import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A platform team's tests of its own code, written with {@code sts-kit-testing}: assertions on what
 * its generator compiles to (GPU, rule sets, golden YAML), a property over every GPU request, and
 * {@code RuleTester} for its rule.
 */
class PlatformTeamExampleTest {
  private static final GpuRequest SLICE = GpuRequest.vgpu(1).cores(30).memoryMiB(8192).build();
  private static final RuleSet TEAM = RuleSet.of("team", new TeamLabel());

  @Test
  void theGoldenPathWorkload() {
    assertThat(PlatformTeamExample.inference("chat", "search", SLICE).compile())
        .hasGpu(SLICE)
        .passes(RuleSet.kubernetes(), RuleSet.platform(), TEAM)
        .rendersAs(Path.of("src/test/resources/team-golden/chat.yaml"))
        .statefulSet().hasName("chat").hasReplicas(2).container("server").isNotNull();
  }

  @Provide
  Arbitrary<GpuRequest> gpus() {
    return GpuArbitraries.requests();
  }

  @Property(tries = 50)
  void everyGpuRequestGivesAWorkloadTheApiServerAndTheTeamRuleAccept(@ForAll("gpus") GpuRequest gpu) {
    StatefulSetSpec spec = PlatformTeamExample.inference("chat", "search", gpu);
    assertThat(spec.compile()).hasGpu(gpu).passes(RuleSet.kubernetes(), TEAM);
  }

  private final RuleTester tester = RuleTester.of(TeamLabel.class);

  @Test
  void theTeamRuleFlagsMissingLabels() {
    tester.load("invalid.yaml").expectExactly(
        "metadata.labels[platform.example.com/team]", ErrorType.REQUIRED,
        "spec.template.metadata.labels[platform.example.com/team]", ErrorType.REQUIRED);
  }

  @Test
  void theTeamRuleFlagsPodsOfAnotherTeam() {
    tester.load("mismatched.yaml")
        .expectExactly("spec.template.metadata.labels[platform.example.com/team]", ErrorType.INVALID);
  }

  @Test
  void theTeamRuleAcceptsALabelledWorkload() {
    tester.load("valid.yaml").expectNoFindings();
  }
}
