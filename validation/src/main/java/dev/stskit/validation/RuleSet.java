package dev.stskit.validation;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.validation.rules.BuiltInRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

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

  /**
   * A rule set of the given rules, without defaulting.
   *
   * @param name the set's name
   * @param rules the rules, in order
   * @return the rule set
   */
  public static RuleSet of(String name, Rule... rules) {
    return of(name, List.of(rules), false);
  }

  /**
   * A rule set of the given rules; {@code appliesDefaults} runs Kubernetes defaulting first.
   *
   * @param name the set's name
   * @param rules the rules, in order
   * @param appliesDefaults whether objects are defaulted (on a copy) before the rules run
   * @return the rule set
   */
  public static RuleSet of(String name, List<? extends Rule> rules, boolean appliesDefaults) {
    Objects.requireNonNull(name, "name");
    List<RuleDescriptor> list = new ArrayList<>();
    for (Rule r : rules) {
      list.add(RuleDescriptor.of(r));
    }
    return new RuleSet(name, list, appliesDefaults);
  }

  /** {@return the {@code kubernetes} rule set: what kube-apiserver rejects for an apps/v1 StatefulSet} */
  public static RuleSet kubernetes() {
    return BuiltInRules.kubernetes();
  }

  /**
   * The {@code best-practice} rule set: warnings and notes on what Kubernetes accepts but is fragile
   * (no requests or memory limit, no readiness probe, unpinned images, root, no claim templates, replicas
   * without anti-affinity).
   *
   * @return the rule set
   */
  public static RuleSet bestPractice() {
    return BuiltInRules.bestPractice();
  }

  /**
   * The {@code gpu} rule set without an inventory: GPU settings Kubernetes accepts but HAMi or the NVIDIA
   * device plugin misread or cannot satisfy (suffixed vGPU amounts, percentages over 100, memory given
   * twice, unknown scheduling policies, MIG profiles the GPU does not have).
   *
   * @return the rule set
   */
  public static RuleSet gpu() {
    return BuiltInRules.gpu();
  }

  /**
   * The {@code gpu} rule set plus feasibility against a cluster GPU inventory: {@code gpu-inventory-fit}
   * (error: no node hosts one replica) and {@code gpu-inventory-capacity} (warning: not all replicas fit).
   *
   * @param inventory the cluster's GPU nodes
   * @return the rule set
   */
  public static RuleSet gpu(GpuInventory inventory) {
    return BuiltInRules.gpu(Objects.requireNonNull(inventory, "inventory"));
  }

  /**
   * The {@code platform} rule set: the limits of the "Create StatefulSet" form that Kubernetes does not
   * enforce (name a DNS label, description length, scale-down window, GPU counts, annotations on the right
   * object, claim templates shadowing volumes), on the object as written. StatefulSets only.
   *
   * @return the rule set
   */
  public static RuleSet platform() {
    return BuiltInRules.platform();
  }

  /**
   * The {@code pss-baseline} rule set: the baseline Pod Security Standard (policy v1.37), one rule per
   * check of {@code k8s.io/pod-security-admission}, applied to the pod template after defaulting.
   *
   * @return the rule set
   */
  public static RuleSet podSecurityBaseline() {
    return BuiltInRules.podSecurityBaseline();
  }

  /**
   * The {@code pss-restricted} rule set: the restricted Pod Security Standard (policy v1.37), which
   * includes the baseline checks it does not replace by stricter ones.
   *
   * @return the rule set
   */
  public static RuleSet podSecurityRestricted() {
    return BuiltInRules.podSecurityRestricted();
  }

  /**
   * Rules listed in {@code META-INF/services/dev.stskit.validation.Rule} on {@code loader}'s path, as a
   * rule set named {@code discovered} (opt-in; nothing is discovered unless you call this).
   *
   * @param loader where to look for the service file
   * @return the discovered rules as one set
   */
  public static RuleSet discover(ClassLoader loader) {
    List<Rule> found = new ArrayList<>();
    for (Rule r : ServiceLoader.load(Rule.class, loader)) {
      found.add(r);
    }
    found.sort((a, b) -> RuleDescriptor.of(a).id().compareTo(RuleDescriptor.of(b).id()));
    return of("discovered", found, false);
  }

  /**
   * This rule set followed by {@code other}'s rules, under this set's name; duplicate ids throw.
   *
   * @param other the rules to add
   * @return the combined set
   */
  public RuleSet plus(RuleSet other) {
    if (other.appliesDefaults != appliesDefaults) {
      throw new IllegalArgumentException("cannot merge rule set '" + other.name + "' into '" + name
          + "': one applies Kubernetes defaulting and the other does not; pass both to Validator.of instead");
    }
    List<RuleDescriptor> all = new ArrayList<>(rules);
    all.addAll(other.rules);
    return new RuleSet(name, all, appliesDefaults);
  }

  /** This set without the rules whose ids are in {@code ids}. */
  RuleSet without(Set<String> ids) {
    List<RuleDescriptor> kept = new ArrayList<>();
    for (RuleDescriptor r : rules) {
      if (!ids.contains(r.id())) {
        kept.add(r);
      }
    }
    return kept.size() == rules.size() ? this : new RuleSet(name, kept, appliesDefaults);
  }

  /** {@return the name, e.g. {@code kubernetes}} */
  public String name() {
    return name;
  }

  /** {@return the rules, in order} */
  public List<RuleDescriptor> rules() {
    return rules;
  }

  /** {@return whether Kubernetes defaulting runs (on a copy) before the rules} */
  public boolean appliesDefaults() {
    return appliesDefaults;
  }

  @Override
  public String toString() {
    return name + rules;
  }
}
