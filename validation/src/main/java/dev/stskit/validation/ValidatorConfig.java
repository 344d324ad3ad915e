package dev.stskit.validation;

import dev.stskit.validation.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A configuration file's rule levels: which rules (or checks of a rule, {@code rule-id#check}) are off
 * and at which severity the others report. The file (the CLI's {@code --config FILE}) is YAML:
 *
 * <pre>
 * rules:
 *   bp-node-affinity: off          # error | warning | info | off
 *   bp-security: warning
 *   bp-hardening#ssh-port: off     # one check of a rule that groups several
 * </pre>
 *
 * <p>{@link #fromKubeLinter} and {@link #fromPolaris} convert those tools' configuration files through
 * {@link Correspondence}. This class reads the parsed tree (maps, lists, strings), so it needs no YAML
 * library; the CLI parses the file. Immutable.
 */
public final class ValidatorConfig {
  private static final List<String> LEVELS = List.of("off", "info", "warning", "error");

  private final Map<String, String> levels;

  private ValidatorConfig(Map<String, String> levels) {
    this.levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
  }

  /** {@return the levels by target, in file order ({@code off}, {@code info}, {@code warning} or {@code error})} */
  public Map<String, String> levels() {
    return levels;
  }

  /**
   * Reads a parsed config file ({@code rules:} mapping targets to levels).
   *
   * @param tree the file read as maps and lists
   * @return the config
   * @throws IllegalArgumentException naming the key, for an unknown key, rule or level
   */
  public static ValidatorConfig parse(Object tree) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tree == null) {
      return new ValidatorConfig(out);
    }
    if (!(tree instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("expected a mapping with the key 'rules'");
    }
    for (Map.Entry<?, ?> e : root.entrySet()) {
      if (!"rules".equals(e.getKey())) {
        throw new IllegalArgumentException(e.getKey() + ": unknown key; the config file has 'rules' only");
      }
      if (e.getValue() == null) {
        continue;
      }
      if (!(e.getValue() instanceof Map<?, ?> rules)) {
        throw new IllegalArgumentException("rules: expected a mapping of rule ids to error, warning, info or off");
      }
      Set<String> known = knownRuleIds();
      for (Map.Entry<?, ?> r : rules.entrySet()) {
        String target = String.valueOf(r.getKey());
        String rule = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        if (!known.contains(rule)) {
          throw new IllegalArgumentException("rules." + target + ": unknown rule '" + rule + "'");
        }
        Object v = r.getValue();
        String level = v instanceof Boolean b ? (b ? "warning" : "off") : String.valueOf(v).toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(level)) {
          throw new IllegalArgumentException("rules." + target + ": must be error, warning, info or off, got '" + v + "'");
        }
        out.put(target, level);
      }
    }
    return new ValidatorConfig(out);
  }

  /**
   * Converts a parsed {@code .kube-linter.yaml}: {@code checks.exclude} turns the covering sts-kit checks
   * off; {@code checks.include}, {@code addAllBuiltIn} and the default checks (unless
   * {@code doNotAutoAddDefaults}) turn them on at {@code error}, since every kube-linter report fails
   * {@code kube-linter lint}. Checks sts-kit has no rule for are skipped (see the README's table).
   *
   * @param tree the file read as maps and lists
   * @return the equivalent sts-kit config
   */
  public static ValidatorConfig fromKubeLinter(Object tree) {
    Map<?, ?> checks = tree instanceof Map<?, ?> m && m.get("checks") instanceof Map<?, ?> c ? c : Map.of();
    Set<String> include = strings(checks.get("include"), "checks.include");
    Set<String> exclude = strings(checks.get("exclude"), "checks.exclude");
    boolean all = Boolean.TRUE.equals(checks.get("addAllBuiltIn"));
    boolean noDefaults = Boolean.TRUE.equals(checks.get("doNotAutoAddDefaults"));
    Map<String, String> levels = new TreeMap<>();
    for (Correspondence.Entry e : Correspondence.entries()) {
      if (e.tool() != Correspondence.Tool.KUBE_LINTER || !e.covered()) {
        continue;
      }
      boolean on = !exclude.contains(e.check())
          && (all || include.contains(e.check()) || (!noDefaults && e.toolDefault().equals("on")));
      put(levels, e, on ? "error" : "off");
    }
    return new ValidatorConfig(levels);
  }

  /**
   * Converts a parsed Polaris configuration: {@code checks: {<check>: danger|warning|ignore}} become
   * {@code error}, {@code warning} and {@code off}. Polaris's own checks missing from the file keep
   * sts-kit's defaults.
   *
   * @param tree the file read as maps and lists
   * @return the equivalent sts-kit config
   */
  public static ValidatorConfig fromPolaris(Object tree) {
    Map<?, ?> checks = tree instanceof Map<?, ?> m && m.get("checks") instanceof Map<?, ?> c ? c : Map.of();
    Map<String, String> levels = new TreeMap<>();
    for (Map.Entry<?, ?> c : checks.entrySet()) {
      String check = String.valueOf(c.getKey());
      String sev = String.valueOf(c.getValue()).toLowerCase(Locale.ROOT);
      String level = switch (sev) {
        case "danger" -> "error";
        case "warning" -> "warning";
        case "ignore" -> "off";
        default -> throw new IllegalArgumentException("checks." + check + ": must be danger, warning or ignore, got '"
            + c.getValue() + "'");
      };
      Correspondence.find(Correspondence.Tool.POLARIS, check).filter(Correspondence.Entry::covered)
          .ifPresent(e -> put(levels, e, level));
    }
    return new ValidatorConfig(levels);
  }

  /** Sets {@code level} on the entry's best-practice targets; a target two checks share keeps the higher level. */
  private static void put(Map<String, String> levels, Correspondence.Entry e, String level) {
    for (String t : e.targets()) {
      if (!t.startsWith("bp-")) {
        continue; // never switch off or soften what kube-apiserver rejects
      }
      levels.merge(t, level, (a, b) -> LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b);
    }
  }

  private static Set<String> strings(Object o, String key) {
    Set<String> out = new LinkedHashSet<>();
    if (o == null) {
      return out;
    }
    if (!(o instanceof List<?> l)) {
      throw new IllegalArgumentException(key + ": expected a list of check names");
    }
    for (Object x : l) {
      out.add(String.valueOf(x));
    }
    return out;
  }

  /**
   * {@code validator} with these levels: {@code off} disables, the others set the severity. Targets of
   * rules the validator does not run are left out (a config may name rules of sets not selected).
   *
   * @param validator the validator to configure
   * @return a configured copy
   */
  public Validator applyTo(Validator validator) {
    Set<String> ids = new LinkedHashSet<>();
    validator.rules().forEach(r -> ids.add(r.id()));
    Validator.Builder b = validator.toBuilder();
    for (Map.Entry<String, String> e : levels.entrySet()) {
      String t = e.getKey();
      if (!ids.contains(t.contains("#") ? t.substring(0, t.indexOf('#')) : t)) {
        continue;
      }
      switch (e.getValue()) {
        case "off" -> b.disable(t);
        case "info" -> b.severity(t, Severity.INFO);
        case "warning" -> b.severity(t, Severity.WARNING);
        default -> b.severity(t, Severity.ERROR);
      }
    }
    return b.build();
  }

  /** {@return the file form, one target a line, sorted; reads back with {@link #parse}} */
  public String toYaml() {
    StringBuilder sb = new StringBuilder("# sts-kit validate --config\nrules:");
    if (levels.isEmpty()) {
      return sb.append(" {}\n").toString();
    }
    sb.append('\n');
    List<String> keys = new ArrayList<>(levels.keySet());
    Collections.sort(keys);
    for (String k : keys) {
      sb.append("  ").append(k.contains("#") ? "\"" + k + "\"" : k).append(": ").append(levels.get(k)).append('\n');
    }
    return sb.toString();
  }

  private static Set<String> knownRuleIds() {
    Set<String> ids = new LinkedHashSet<>();
    BuiltInRules.ALL.forEach(r -> ids.add(RuleDescriptor.of(r).id()));
    return ids;
  }
}
