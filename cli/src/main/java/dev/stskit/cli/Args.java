package dev.stskit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command: positional operands and {@code --name value} / {@code --name=value}
 * options, checked against the options the command knows.
 */
final class Args {
  private final List<String> operands;
  private final Map<String, String> options;

  private Args(List<String> operands, Map<String, String> options) {
    this.operands = operands;
    this.options = options;
  }

  /**
   * Parses {@code args}.
   *
   * @param valued options that take a value
   * @param flags options that take none
   */
  static Args parse(String command, List<String> args, Set<String> valued, Set<String> flags) {
    List<String> operands = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    boolean onlyOperands = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (onlyOperands || !a.startsWith("--") || a.equals("-")) {
        operands.add(a);
        continue;
      }
      if (a.equals("--")) {
        onlyOperands = true;
        continue;
      }
      String name = a.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (flags.contains(name)) {
        if (value != null) {
          throw new UsageException(command + ": option --" + name + " takes no value");
        }
        options.put(name, "true");
      } else if (valued.contains(name)) {
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException(command + ": option --" + name + " needs a value");
          }
          value = args.get(++i);
        }
        if (options.containsKey(name)) {
          throw new UsageException(command + ": option --" + name + " given twice");
        }
        options.put(name, value);
      } else {
        throw new UsageException(command + ": unknown option --" + name);
      }
    }
    return new Args(List.copyOf(operands), options);
  }

  List<String> operands() {
    return operands;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  boolean has(String name) {
    return options.containsKey(name);
  }
}
