package dev.stskit.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The mutation fuzzer's CI run (issue 10 item 20, issue 15): a fixed seed and a fixed number of
 * inputs (so every run mutates the same texts), with a wall-clock cap well under a minute on two
 * cores in case the machine is slow. It fails on any unexpected exception, hang, round-trip
 * difference or message with a type name or over 600 characters, printing each failure class with
 * a shrunk reproduction. Longer runs: {@code -Dfuzz.inputs=20000} (see examples/README.md).
 */
class MutationFuzzTest {

  /** Inputs of the CI run: about 30 s on a 2-core machine shared with the rest of the build. */
  private static final int CI_INPUTS = 300;

  @Test
  void mutatedCorpusAndSpecFilesFindNoUnexpectedExceptionHangOrRoundTripDifference() {
    MutationFuzzer fuzzer = MutationFuzzer.fromProperties(repositoryRoot());
    // the 50 s cap guards CI; a run given its own number of inputs runs them all unless capped too
    long cap = Long.getLong("fuzz.seconds", System.getProperty("fuzz.inputs") == null ? 50 : 1_000_000);
    MutationFuzzer.Result result = fuzzer.run(Integer.getInteger("fuzz.from", 0),
        Integer.getInteger("fuzz.inputs", CI_INPUTS), cap);
    System.out.println("MutationFuzzTest: " + result.summary());
    assertThat(result.failures()).as(result.report()).isZero();
    assertThat(result.ran()).as("inputs run before the time cap").isGreaterThanOrEqualTo(
        Math.min(50, Integer.getInteger("fuzz.inputs", CI_INPUTS)));
  }

  /** The repository's root: the test runs in {@code examples/}. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples/specs"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
    return dir;
  }
}
