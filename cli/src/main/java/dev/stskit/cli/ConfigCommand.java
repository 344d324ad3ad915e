package dev.stskit.cli;

import dev.stskit.validation.ValidatorConfig;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code config --from-kube-linter .kube-linter.yaml | --from-polaris polaris.yaml}: prints the
 * equivalent sts-kit config file (for {@code validate --config}), converted through the correspondence
 * of the linters' checks with sts-kit's rules.
 */
final class ConfigCommand {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final PrintStream out;

  ConfigCommand(PrintStream out) {
    this.out = out;
  }

  int run(List<String> args) {
    Args a = Args.parse("config", args, Set.of("from-kube-linter", "from-polaris"), Set.of());
    if (!a.operands().isEmpty() || a.has("from-kube-linter") == a.has("from-polaris")) {
      throw new UsageException("config: expected exactly one of --from-kube-linter FILE or --from-polaris FILE");
    }
    boolean kubeLinter = a.has("from-kube-linter");
    String file = a.option(kubeLinter ? "from-kube-linter" : "from-polaris", "");
    ValidatorConfig config;
    try {
      Object tree = readTree(file);
      config = kubeLinter ? ValidatorConfig.fromKubeLinter(tree) : ValidatorConfig.fromPolaris(tree);
    } catch (IllegalArgumentException e) {
      throw new UsageException("config: " + file + ": " + Cli.oneLine(e.getMessage()), e);
    }
    out.print(config.toYaml());
    return Cli.OK;
  }

  /** A YAML file as maps, lists and scalars; one line naming the file when it is not YAML. */
  static Object readTree(String file) {
    String text = Inputs.utf8("config", file);
    try {
      return YAML.readValue(text, Object.class);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not YAML: " + Cli.oneLine(e.getMessage()), e);
    }
  }
}
