package dev.stskit.validation;

import dev.stskit.validation.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * A named, immutable list of rules, composed explicitly. A rule set may ask for Kubernetes
 * defaulting (apps/v1 and core/v1 defaults, applied to a copy) before its rules run, as kube-apiserver
 * defaults an object before validating it. A duplicate rule id throws.
 */
public final class RuleSet {
  private final String name;
  private final List<RuleDescriptor> rules;
  private final boolean appliesDefaults;

  private RuleSet(String name, List<RuleDescriptor> rules, boolean appliesDefaults) {
    this.name = name;
    this.rules = Collections.unmodifiableList(new ArrayList<>(rules));
    this.appliesDefaults = appliesDefaults;
    Map<String, RuleDescriptor> seen = new LinkedHashMap<>();
    for (RuleDescriptor r : rules) {
      if (seen.put(r.id(), r) != null) {
        throw new IllegalArgumentException("rule set '" + name + "' has two rules with id '" + r.id() + "'");
      }
    }
  }

  /** A rule set of the given rules, without defaulting. */
  public static RuleSet of(String name, Rule... rules) {
    return of(name, List.of(rules), false);
  }

  /** A rule set of the given rules; {@code appliesDefaults} runs Kubernetes defaulting first. */
  public static RuleSet of(String name, List<? extends Rule> rules, boolean appliesDefaults) {
    Objects.requireNonNull(name, "name");
    List<RuleDescriptor> list = new ArrayList<>();
    for (Rule r : rules) {
      list.add(RuleDescriptor.of(r));
    }
    return new RuleSet(name, list, appliesDefaults);
  }

  /** The {@code kubernetes} rule set: what kube-apiserver rejects for an apps/v1 StatefulSet. */
  public static RuleSet kubernetes() {
    return BuiltInRules.kubernetes();
  }

  /**
   * Rules listed in {@code META-INF/services/dev.stskit.validation.Rule} on {@code loader}'s path, as a
   * rule set named {@code discovered} (opt-in; nothing is discovered unless you call this).
   */
  public static RuleSet discover(ClassLoader loader) {
    List<Rule> found = new ArrayList<>();
    for (Rule r : ServiceLoader.load(Rule.class, loader)) {
      found.add(r);
    }
    found.sort((a, b) -> RuleDescriptor.of(a).id().compareTo(RuleDescriptor.of(b).id()));
    return of("discovered", found, false);
  }

  /** This rule set followed by {@code other}'s rules, under this set's name; duplicate ids throw. */
  public RuleSet plus(RuleSet other) {
    if (other.appliesDefaults != appliesDefaults) {
      throw new IllegalArgumentException("cannot merge rule set '" + other.name + "' into '" + name
          + "': one applies Kubernetes defaulting and the other does not; pass both to Validator.of instead");
    }
    List<RuleDescriptor> all = new ArrayList<>(rules);
    all.addAll(other.rules);
    return new RuleSet(name, all, appliesDefaults);
  }

  /** The name, e.g. {@code kubernetes}. */
  public String name() {
    return name;
  }

  /** The rules, in order. */
  public List<RuleDescriptor> rules() {
    return rules;
  }

  /** Whether Kubernetes defaulting runs (on a copy) before the rules. */
  public boolean appliesDefaults() {
    return appliesDefaults;
  }

  @Override
  public String toString() {
    return name + rules;
  }
}
