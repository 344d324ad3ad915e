package dev.stskit.validation;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.ServiceDefaults;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Ratcheting;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Runs rule sets over Kubernetes objects and collects every finding into a {@link Report}. Immutable
 * and thread-safe: build one and share it.
 *
 * <pre>{@code
 * Report r = Validator.defaults().validate(statefulSet);
 * if (!r.valid()) r.errors().forEach(f -> System.err.println(f.format()));
 * }</pre>
 *
 * <p>Severity overrides and disabled rules live here, in one place. An object can suppress rules for
 * itself with the annotation {@value #IGNORE_ANNOTATION}{@code : <rule-id>,<rule-id>}, or with the
 * suppression annotations of kube-linter, Polaris and kube-score ({@link Correspondence#suppressedRules}).
 */
public final class Validator {
  /** The annotation that suppresses rules for one object: a comma-separated list of rule ids. */
  public static final String IGNORE_ANNOTATION = "stskit.dev/ignore";

  /** The rule-set names the CLI accepts. */
  private static final List<String> KNOWN_NAMES =
      List.of("kubernetes", "platform", "gpu", "pss-baseline", "pss-restricted", "best-practice");

  private final List<RuleSet> ruleSets;
  private final Map<String, Severity> severities;
  private final Set<String> disabled;
  private final Locale locale;
  private final boolean defaulting;
  private final Optional<String> requestNamespace;

  private Validator(Builder b) {
    this.ruleSets = withoutRepeats(b.ruleSets);
    this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(b.severities));
    this.disabled = Collections.unmodifiableSet(new LinkedHashSet<>(b.disabled));
    this.locale = b.locale;
    this.defaulting = b.defaulting;
    this.requestNamespace = b.requestNamespace;
    Set<String> ids = new LinkedHashSet<>();
    for (RuleSet s : ruleSets) {
      for (RuleDescriptor r : s.rules()) {
        ids.add(r.id());
      }
    }
    for (String id : severities.keySet()) {
      requireKnown(ids, id, "severity override");
    }
    for (String id : disabled) {
      requireKnown(ids, id, "disabled rule");
    }
  }

  /**
   * The sets in order, each without the rules an earlier set already runs, so that overlapping sets
   * ({@code pss-baseline} and {@code pss-restricted}) report each problem once. The same id on two
   * different rule classes throws.
   */
  private static List<RuleSet> withoutRepeats(List<RuleSet> sets) {
    Map<String, Class<?>> seen = new LinkedHashMap<>();
    List<RuleSet> out = new ArrayList<>();
    for (RuleSet s : sets) {
      Set<String> repeated = new LinkedHashSet<>();
      for (RuleDescriptor r : s.rules()) {
        Class<?> before = seen.putIfAbsent(r.id(), r.rule().getClass());
        if (before != null && before != r.rule().getClass()) {
          throw new IllegalArgumentException("rule id '" + r.id() + "' appears in more than one rule set");
        }
        if (before != null) {
          repeated.add(r.id());
        }
      }
      out.add(s.without(repeated));
    }
    return List.copyOf(out);
  }

  private static void requireKnown(Set<String> ids, String id, String what) {
    // "rule-id#check" names one check of a rule that groups several (Finding.check())
    String rule = id.contains("#") ? id.substring(0, id.indexOf('#')) : id;
    if (!ids.contains(rule)) {
      throw new IllegalArgumentException(what + " names unknown rule '" + id + "'; known rules: " + ids);
    }
  }

  /** {@return the {@code kubernetes} rule set with defaulting, English messages} */
  public static Validator defaults() {
    return of(RuleSet.kubernetes());
  }

  /**
   * A validator of the given rule sets, in order.
   *
   * @param ruleSets the rule sets
   * @return the validator, English, with defaulting
   */
  public static Validator of(RuleSet... ruleSets) {
    Builder b = builder();
    for (RuleSet s : ruleSets) {
      b.addRuleSet(s);
    }
    return b.build();
  }

  /**
   * The rule set with the CLI's name: {@code kubernetes}, {@code platform}, {@code gpu} (without an
   * inventory), {@code pss-baseline}, {@code pss-restricted} or {@code best-practice}.
   *
   * @param name a rule-set name of the CLI
   * @return the rule set
   * @throws IllegalArgumentException for an unknown name; the message lists the known names
   */
  public static RuleSet ruleSet(String name) {
    Objects.requireNonNull(name, "name");
    switch (name) {
      case "kubernetes":
        return RuleSet.kubernetes();
      case "platform":
        return RuleSet.platform();
      case "gpu":
        return RuleSet.gpu();
      case "pss-baseline":
        return RuleSet.podSecurityBaseline();
      case "best-practice":
        return RuleSet.bestPractice();
      case "pss-restricted":
        return RuleSet.podSecurityRestricted();
      default:
        break;
    }
    throw new IllegalArgumentException("unknown rule set '" + name + "'; known rule sets: "
        + String.join(", ", KNOWN_NAMES));
  }

  /**
   * The rule set with the CLI's name, with the cluster GPU inventory when there is one: for {@code gpu}
   * and a present inventory, {@link RuleSet#gpu(GpuInventory)}; otherwise {@link #ruleSet(String)}. The
   * CLI's {@code --inventory INVENTORY.yaml} reaches the rules this way:
   * {@code Validator.ruleSet(name, inventoryPath.map(GpuInventory::read))}.
   *
   * @param name a rule-set name of the CLI
   * @param inventory the cluster's GPU nodes, if known
   * @return the rule set
   */
  public static RuleSet ruleSet(String name, Optional<GpuInventory> inventory) {
    Objects.requireNonNull(inventory, "inventory");
    if ("gpu".equals(name) && inventory.isPresent()) {
      return RuleSet.gpu(inventory.get());
    }
    return ruleSet(name);
  }

  /**
   * Starts an empty builder.
   *
   * @return a builder without rule sets
   */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a builder holding this validator's settings} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.ruleSets.addAll(ruleSets);
    b.severities.putAll(severities);
    b.disabled.addAll(disabled);
    b.locale = locale;
    b.defaulting = defaulting;
    b.requestNamespace = requestNamespace;
    return b;
  }

  /**
   * This validator with messages in {@code locale} (English, or Simplified Chinese for {@code zh}).
   *
   * @param locale the language
   * @return a copy in that language
   */
  public Validator withLocale(Locale locale) {
    return toBuilder().locale(locale).build();
  }

  /** {@return the message locale} */
  public Locale locale() {
    return locale;
  }

  /** {@return the rule sets, in order} */
  public List<RuleSet> ruleSets() {
    return ruleSets;
  }

  /**
   * Every rule of every rule set, in order, disabled ones included.
   *
   * @return the rules
   */
  public List<RuleDescriptor> rules() {
    List<RuleDescriptor> all = new ArrayList<>();
    ruleSets.forEach(s -> all.addAll(s.rules()));
    return all;
  }

  /**
   * The severity findings of rule {@code id} get.
   *
   * @param rule one of {@link #rules()}
   * @return its severity, after overrides
   */
  public Severity severityOf(RuleDescriptor rule) {
    return severities.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  /**
   * Validates an object as kube-apiserver would on create. StatefulSets go to the StatefulSet rules,
   * Services to the {@link ServiceRule}s; for any other kind, or when every rule for the kind is
   * disabled, the report is not {@link Report#checked() checked} and so not {@link Report#valid() valid}.
   *
   * @param object the object
   * @return the findings
   */
  public Report validate(HasMetadata object) {
    Objects.requireNonNull(object, "object");
    if (object instanceof StatefulSet sts) {
      return run(null, sts, RuleContext.create());
    }
    if (object instanceof Service service) {
      return runService(service);
    }
    return Report.builder().locale(locale).checked(false).build();
  }

  private Report runService(Service raw) {
    Set<String> ignored = ignoredRules(raw);
    List<Finding> findings = new ArrayList<>();
    boolean checked = false;
    for (RuleSet set : ruleSets) {
      Service obj = null;
      for (RuleDescriptor r : set.rules()) {
        if (!(r.rule() instanceof ServiceRule rule) || disabled.contains(r.id()) || ignored.contains(r.id())) {
          continue;
        }
        if (obj == null) {
          obj = defaulting && set.appliesDefaults()
              ? ServiceDefaults.apply(new ServiceBuilder(raw).build(), requestNamespace) : raw;
        }
        checked = true;
        List<Violation> out;
        try {
          out = rule.validate(obj, RuleContext.create());
        } catch (RuntimeException e) {
          throw new IllegalStateException("rule '" + r.id() + "' failed: " + e, e);
        }
        Severity sev = severityOf(r);
        for (Violation v : new LinkedHashSet<>(out)) {
          findings.add(Finding.of(r.id(), sev, v, locale));
        }
      }
    }
    return Report.builder().locale(locale).checked(checked).findings(findings).build();
  }

  /**
   * Validates {@code object} as one document of a file whose documents are {@code file} (in file order;
   * {@code object} itself may be among them and is left out of what rules see). Rules that look at other
   * objects (the governing Service, a PodDisruptionBudget) read them through
   * {@link RuleContext#sameFile()}; the other rules give the same findings as {@link #validate(HasMetadata)}.
   *
   * @param object the object
   * @param file every document of its file, the object included
   * @return the findings
   */
  public Report validate(HasMetadata object, List<? extends HasMetadata> file) {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(file, "file");
    if (!(object instanceof StatefulSet sts)) {
      return validate(object);
    }
    List<HasMetadata> others = new ArrayList<>();
    for (HasMetadata o : file) {
      if (o != object && o != null) {
        others.add(o);
      }
    }
    return run(null, sts, RuleContext.builder().sameFile(others).seesFile(true).build());
  }

  /**
   * Validates an update from {@code oldObject} to {@code newObject}: the new object's checks (with the
   * apiserver's ratcheting: checks the stored object already fails are skipped) and what an update may
   * not change ({@code ValidateStatefulSetUpdate}).
   *
   * @param oldObject the stored object
   * @param newObject the object sent
   * @return the findings
   */
  public Report validateUpdate(StatefulSet oldObject, StatefulSet newObject) {
    Objects.requireNonNull(oldObject, "oldObject");
    Objects.requireNonNull(newObject, "newObject");
    return run(oldObject, newObject, RuleContext.create());
  }

  private Report run(StatefulSet oldRaw, StatefulSet newRaw, RuleContext createContext) {
    Set<String> ignored = ignoredRules(newRaw);
    List<Finding> findings = new ArrayList<>();
    boolean checked = false;
    for (RuleSet set : ruleSets) {
      boolean def = defaulting && set.appliesDefaults();
      StatefulSet obj = def ? Defaults.apply(copy(newRaw), requestNamespace) : newRaw;
      StatefulSet old = oldRaw == null ? null : def ? Defaults.apply(copy(oldRaw), requestNamespace) : oldRaw;
      RuleContext ctx = old == null ? createContext : RuleContext.update(old);
      boolean skipPodTemplate = old != null && podTemplateInvalid(set, old);
      for (RuleDescriptor r : set.rules()) {
        if (r.rule() instanceof ServiceRule || disabled.contains(r.id()) || ignored.contains(r.id())) {
          continue;
        }
        checked = true;
        Rule rule = r.rule();
        Set<Violation> out = new LinkedHashSet<>();
        boolean skip = old != null
            && ((rule.getClass().isAnnotationPresent(PodTemplateCheck.class) && skipPodTemplate)
                || (rule.getClass().isAnnotationPresent(Ratcheting.class) && !call(r, old, RuleContext.create()).isEmpty()));
        if (!skip) {
          out.addAll(call(r, obj, ctx));
        }
        if (old != null) {
          try {
            out.addAll(rule.validateUpdate(old, obj, ctx));
          } catch (RuntimeException e) {
            throw new IllegalStateException("rule '" + r.id() + "' failed: " + e, e);
          }
        }
        Severity sev = severityOf(r);
        for (Violation v : out) {
          String check = v.check().map(c -> r.id() + "#" + c).orElse(null);
          if (check != null && (disabled.contains(check) || ignored.contains(check))) {
            continue;
          }
          findings.add(Finding.of(r.id(), check == null ? sev : severities.getOrDefault(check, sev), v, locale));
        }
      }
    }
    return Report.builder().locale(locale).checked(checked).findings(findings).build();
  }

  private static boolean podTemplateInvalid(RuleSet set, StatefulSet old) {
    for (RuleDescriptor r : set.rules()) {
      if (r.rule().getClass().isAnnotationPresent(PodTemplateCheck.class) && !call(r, old, RuleContext.create()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static List<Violation> call(RuleDescriptor r, StatefulSet sts, RuleContext ctx) {
    try {
      return r.rule().validate(sts, ctx);
    } catch (RuntimeException e) {
      throw new IllegalStateException("rule '" + r.id() + "' failed: " + e, e);
    }
  }

  private static StatefulSet copy(StatefulSet sts) {
    return new StatefulSetBuilder(sts).build();
  }

  private static Set<String> ignoredRules(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    if (meta == null || meta.getAnnotations() == null) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    String value = meta.getAnnotations().get(IGNORE_ANNOTATION);
    if (value != null) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          ids.add(part.strip());
        }
      }
    }
    // kube-linter, Polaris and kube-score annotations, mapped through the correspondence table
    ids.addAll(Correspondence.suppressedRules(meta.getAnnotations()));
    return ids;
  }

  /** Builds a {@link Validator}. */
  public static final class Builder {
    private final List<RuleSet> ruleSets = new ArrayList<>();
    private final Map<String, Severity> severities = new LinkedHashMap<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private Locale locale = Locale.ENGLISH;
    private boolean defaulting = true;
    private Optional<String> requestNamespace = Optional.of("default");

    private Builder() {}

    /**
     * Adds a rule set; rule ids must be unique across all sets.
     *
     * @param ruleSet the rule set
     * @return this builder
     */
    public Builder addRuleSet(RuleSet ruleSet) {
      ruleSets.add(Objects.requireNonNull(ruleSet, "ruleSet"));
      return this;
    }

    /**
     * Adds the rule set with the CLI's name ({@link Validator#ruleSet(String)}).
     *
     * @param name a rule-set name of the CLI
     * @return this builder
     */
    public Builder addRuleSet(String name) {
      return addRuleSet(ruleSet(name));
    }

    /**
     * Adds the rule set with the CLI's name, the {@code gpu} set with the inventory when one is given
     * ({@link Validator#ruleSet(String, Optional)}).
     *
     * @param name a rule-set name of the CLI
     * @param inventory the cluster's GPU nodes, if known
     * @return this builder
     */
    public Builder addRuleSet(String name, Optional<GpuInventory> inventory) {
      return addRuleSet(ruleSet(name, inventory));
    }

    /**
     * Overrides the severity of rule {@code ruleId}, or of one check of it ({@code rule-id#check}, see
     * {@link Finding#check()}). Unknown ids throw at {@link #build()}.
     *
     * @param ruleId {@code rule-id} or {@code rule-id#check}
     * @param severity the severity its findings get
     * @return this builder
     */
    public Builder severity(String ruleId, Severity severity) {
      severities.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
      return this;
    }

    /**
     * Disables rule {@code ruleId}, or one check of it ({@code rule-id#check}). Unknown rule ids throw at
     * {@link #build()}.
     *
     * @param ruleId {@code rule-id} or {@code rule-id#check}
     * @return this builder
     */
    public Builder disable(String ruleId) {
      disabled.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    /**
     * The message locale. Default: English.
     *
     * @param locale the language of messages and hints
     * @return this builder
     */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Whether rule sets that ask for it get Kubernetes defaulting first, as on a real create. Default:
     * {@code true}. Turn it off to get the verdict of {@code ValidateStatefulSet} on the object as it
     * is, the way Kubernetes' own unit tests call it.
     *
     * @param defaulting whether to default before the rules
     * @return this builder
     */
    public Builder defaulting(boolean defaulting) {
      this.defaulting = defaulting;
      return this;
    }

    /**
     * The namespace of the request, filled into an object without {@code metadata.namespace} during
     * defaulting, as kube-apiserver does from the request URL. Default: {@code default}.
     *
     * @param namespace the request's namespace
     * @return this builder
     */
    public Builder requestNamespace(String namespace) {
      this.requestNamespace = Optional.of(Objects.requireNonNull(namespace, "namespace"));
      return this;
    }

    /**
     * No request namespace: an object without one gets {@code metadata.namespace: Required value}.
     *
     * @return this builder
     */
    public Builder noRequestNamespace() {
      this.requestNamespace = Optional.empty();
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return the validator
     * @throws IllegalStateException when no rule set was added: such a validator would check nothing
     */
    public Validator build() {
      if (ruleSets.isEmpty()) {
        throw new IllegalStateException("a validator needs at least one rule set: addRuleSet(RuleSet.kubernetes())"
            + " or addRuleSet(name) with one of " + String.join(", ", KNOWN_NAMES));
      }
      return new Validator(this);
    }
  }
}
