package dev.stskit.testsupport;

import java.util.Map;
import java.util.Optional;

/**
 * Whether control-plane tests run, are skipped or fail when the control plane is unavailable: a
 * developer without Go gets a skip and one loud line; CI ({@code CI=true}) gets a failure, so a
 * broken toolchain never turns the conformance suite silently green.
 */
final class SkipPolicy {

  enum Action {
    RUN,
    SKIP,
    FAIL
  }

  record Decision(Action action, String message) {}

  private SkipPolicy() {}

  /**
   * @param problem why the control plane is unavailable (for example "no Go toolchain (go not
   *     found on PATH)"), empty when it is available
   * @param env the process environment; only {@code CI} is read
   */
  static Decision decide(Optional<String> problem, Map<String, String> env) {
    if (problem.isEmpty()) {
      return new Decision(Action.RUN, "control plane available");
    }
    if ("true".equalsIgnoreCase(env.getOrDefault("CI", "").trim())) {
      return new Decision(
          Action.FAIL,
          "sts-kit: control-plane tests FAILED: "
              + problem.get()
              + " (CI=true: a missing control plane is an error, not a skip)");
    }
    return new Decision(
        Action.SKIP,
        "sts-kit: control-plane tests SKIPPED: "
            + problem.get()
            + " (install Go and see control-plane/README.md; with CI=true this fails instead)");
  }
}
