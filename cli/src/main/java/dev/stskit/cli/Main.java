package dev.stskit.cli;

/**
 * {@code java -jar sts-kit.jar <command> …}: the command-line front of sts-kit for platform tooling
 * and CI. The contract (commands, options, exit codes, JSON shape) is in docs/architecture.md and the README.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // fabric8's client logs through SLF4J; with no provider SLF4J would print a warning on stderr,
    // where the contract allows one line only
    System.setProperty("slf4j.internal.verbosity", "ERROR");
    int code = new Cli(System.in, System.out, System.err, System.console() != null, Progress.stderrIsTerminal())
        .run(args);
    System.out.flush();
    System.exit(code);
  }
}
