package dev.stskit.cli;

/**
 * {@code java -jar sts-kit.jar <command> …}: the command-line front of sts-kit for platform tooling
 * and CI. The contract (commands, options, exit codes, JSON shape) is in DESIGN.md and the README.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = new Cli(System.out, System.err).run(args);
    System.out.flush();
    System.exit(code);
  }
}
