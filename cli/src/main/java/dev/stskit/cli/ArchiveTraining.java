package dev.stskit.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The run the CLI's class-data-sharing archive ({@code cli/target/sts-kit.jsa}) is made from, at
 * package time: {@code java -XX:ArchiveClassesAtExit=sts-kit.jsa -cp sts-kit.jar
 * dev.stskit.cli.ArchiveTraining SPEC.yaml MANIFEST.yaml} runs {@code render}, {@code import} and
 * {@code validate} (each output format) on the two files, writing nothing, so that the classes
 * those commands load are in the archive the launcher {@code cli/target/sts-kit} maps at start-up.
 */
public final class ArchiveTraining {
  private ArchiveTraining() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: ArchiveTraining SPEC.yaml MANIFEST.yaml");
      System.exit(Cli.USAGE);
    }
    String spec = args[0];
    String manifest = args[1];
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    Cli cli = new Cli(nowhere, nowhere);
    String[][] runs = {
      {"render", spec},
      {"import", manifest},
      {"import", "--spec", manifest},
      {"validate", manifest},
      {"validate", "--rules", "kubernetes,platform,gpu,pss-baseline,pss-restricted,best-practice", manifest},
      {"validate", "--format", "json", manifest},
      {"validate", "--format", "sarif", manifest},
      {"validate", "--format", "junit", "--lang", "zh", manifest},
      {"--help"},
      {"--version"},
    };
    for (String[] run : runs) {
      int code = cli.run(run);
      if (code == Cli.USAGE) {
        // the archive is still made, from what ran; say which run did not
        System.err.println("sts-kit: archive training: '" + String.join(" ", run) + "' exited " + code);
      }
    }
  }
}
