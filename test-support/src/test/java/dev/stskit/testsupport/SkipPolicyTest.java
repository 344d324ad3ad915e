package dev.stskit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testsupport.SkipPolicy.Action;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SkipPolicyTest {

  @Test
  void runsWhenTheControlPlaneIsAvailable() {
    assertThat(SkipPolicy.decide(Optional.empty(), Map.of("CI", "true")).action()).isEqualTo(Action.RUN);
    assertThat(SkipPolicy.decide(Optional.empty(), Map.of()).action()).isEqualTo(Action.RUN);
  }

  @Test
  void skipsWithOneLoudLineOutsideCi() {
    SkipPolicy.Decision d = SkipPolicy.decide(Optional.of("no Go toolchain (go not found on PATH)"), Map.of());
    assertThat(d.action()).isEqualTo(Action.SKIP);
    assertThat(d.message())
        .startsWith("sts-kit: control-plane tests SKIPPED: no Go toolchain (go not found on PATH)")
        .doesNotContain("\n");
    assertThat(SkipPolicy.decide(Optional.of("x"), Map.of("CI", "false")).action()).isEqualTo(Action.SKIP);
  }

  @Test
  void failsUnderCi() {
    SkipPolicy.Decision d = SkipPolicy.decide(Optional.of("control-plane build failed (exit 1)"), Map.of("CI", "true"));
    assertThat(d.action()).isEqualTo(Action.FAIL);
    assertThat(d.message()).contains("control-plane build failed (exit 1)").contains("CI=true");
    assertThat(SkipPolicy.decide(Optional.of("x"), Map.of("CI", "TRUE")).action()).isEqualTo(Action.FAIL);
  }
}
