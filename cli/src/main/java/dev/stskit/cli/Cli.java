package dev.stskit.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Runs one command and returns its exit code: 0 no errors, 1 at least one error finding, 2
 * unreadable input or bad usage (with a one-line reason on stderr). Never throws.
 */
public final class Cli {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT =
      """
      usage: sts-kit <command> [options]
        render   SPEC.yaml|DIR|-... [--jobs N] [--no-progress]
                                              spec files -> apply-ready multi-document YAML on stdout
        import   MANIFEST.yaml [--spec] [--verbose]
                                              live/exported objects -> apply-ready YAML (or with --spec
                                              the lifted spec); --verbose lists on stderr what the form
                                              has no field for and was kept verbatim
        validate MANIFEST.yaml|SPEC.yaml|DIR|-... [--rules kubernetes,...] [--inventory INVENTORY.yaml]
                                 [--format text|json|sarif|junit] [--lang en|zh]
                                 [--config CONFIG.yaml] [--fix OUT.yaml] [--jobs N] [--no-progress]
                                              a spec file: the objects it compiles to (--fix writes
                                              the fixed spec); a directory: every *.yaml, *.yml,
                                              *.json under it, sorted;
                                              - : stdin; --jobs: threads (default: the processors),
                                              same output for any N; progress on stderr if a terminal
        config   --from-kube-linter .kube-linter.yaml | --from-polaris polaris.yaml
                                              the equivalent validate --config file on stdout
        --version                             the version of sts-kit
        --help                                this text

      cluster commands (options --kubeconfig FILE, --context NAME, --namespace NS, --request-timeout 15s):
        apply    SPEC.yaml [--force] [--dry-run]  server-side apply: created / configured / unchanged
        diff     SPEC.yaml                    unified diff from the live objects (exit 1 when they differ)
        update   SPEC.yaml [--force] [--dry-run]  apply, refusing changes to immutable fields first
        status   NAME [--watch] [--wait-for STATUS] [--timeout 5m]
        scale    NAME REPLICAS [--resource-version RV] [--dry-run]
        restart  NAME [--recreate]             --recreate: under OnDelete also delete the pods
        rollback NAME [--to-revision N] [--recreate]   N = 0 (default): the previous revision
        history  NAME
        delete   NAME [--cascade background|foreground|orphan] [--grace-period S]
                      [--claims keep|delete] [--keep-services] [--dry-run]
      exit codes: 0 no errors; 1 at least one error finding, the cluster refused, a wait timed out or
      diff found changes; 2 unreadable input, bad usage or an unreachable cluster""";

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean tty;
  private final boolean errTty;

  /**
   * @param out where results go (YAML, reports)
   * @param err where the one-line reason for exit code 2 goes
   */
  public Cli(PrintStream out, PrintStream err) {
    this(out, err, false);
  }

  /**
   * @param out where results go (YAML, reports)
   * @param err where the one-line reason for exit code 2 goes
   * @param tty whether {@code out} is a terminal ({@code status --watch} then redraws in place)
   */
  public Cli(PrintStream out, PrintStream err, boolean tty) {
    this(InputStream.nullInputStream(), out, err, tty, false);
  }

  /**
   * @param in what {@code -} reads (stdin)
   * @param out where results go (YAML, reports)
   * @param err where the one-line reason for exit code 2 goes
   * @param tty whether {@code out} is a terminal ({@code status --watch} then redraws in place)
   * @param errTty whether {@code err} is a terminal (batch commands then show their progress there)
   */
  public Cli(InputStream in, PrintStream out, PrintStream err, boolean tty, boolean errTty) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.tty = tty;
    this.errTty = errTty;
  }

  /** Runs {@code args} (command first) and returns the exit code. */
  public int run(String... args) {
    if (args.length == 0) {
      err.println("sts-kit: missing command (render, import, validate, apply, diff, status, …); try --help");
      return USAGE;
    }
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    int code = run(args[0], rest);
    out.flush();
    if (out.checkError()) {
      // PrintStream swallows write errors (a full disk, a closed pipe): say so rather than exit 0
      err.println("sts-kit: " + args[0] + ": cannot write the output");
      return USAGE;
    }
    return code;
  }

  private int run(String command, List<String> rest) {
    try {
      switch (command) {
        case "render":
          return new RenderCommand(in, out, err, errTty).run(rest);
        case "import":
          return new ImportCommand(out, err).run(rest);
        case "validate":
          return new ValidateCommand(in, out, err, errTty).run(rest);
        case "config":
          return new ConfigCommand(out).run(rest);
        case "-h":
        case "--help":
        case "help":
          out.println(USAGE_TEXT);
          return OK;
        case "--version":
        case "version":
          out.println("sts-kit " + About.version());
          return OK;
        default:
          if (ClusterCommand.COMMANDS.contains(command)) {
            return new ClusterCommand(command, out, err, tty).run(rest);
          }
          throw new UsageException("unknown command '" + command + "' (render, import, validate, config, apply, diff, "
              + "status, scale, restart, update, rollback, history, delete)");
      }
    } catch (UsageException e) {
      err.println("sts-kit: " + oneLine(e.getMessage()));
      return USAGE;
    } catch (RuntimeException e) {
      // a bug of ours: still one line and exit 2, never a stack trace on a user's terminal
      err.println("sts-kit: internal error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()));
      return USAGE;
    }
  }

  static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
