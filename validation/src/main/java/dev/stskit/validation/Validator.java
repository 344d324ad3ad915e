package dev.stskit.validation;

import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Ratcheting;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
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
 * itself with the annotation {@value #IGNORE_ANNOTATION}{@code : <rule-id>,<rule-id>}.
 */
public final class Validator {
  /** The annotation that suppresses rules for one object: a comma-separated list of rule ids. */
  public static final String IGNORE_ANNOTATION = "stskit.dev/ignore";

  /** The rule-set names the CLI accepts; those not yet built say so when asked for. */
  private static final List<String> KNOWN_NAMES =
      List.of("kubernetes", "platform", "gpu", "pss-baseline", "pss-restricted", "best-practice");

  private final List<RuleSet> ruleSets;
  private final Map<String, Severity> severities;
  private final Set<String> disabled;
  private final Locale locale;
  private final boolean defaulting;
  private final Optional<String> requestNamespace;

  private Validator(Builder b) {
    this.ruleSets = List.copyOf(b.ruleSets);
    this.severities = Collections.unmodifiableMap(new LinkedHashMap<>(b.severities));
    this.disabled = Collections.unmodifiableSet(new LinkedHashSet<>(b.disabled));
    this.locale = b.locale;
    this.defaulting = b.defaulting;
    this.requestNamespace = b.requestNamespace;
    Set<String> ids = new LinkedHashSet<>();
    for (RuleSet s : ruleSets) {
      for (RuleDescriptor r : s.rules()) {
        if (!ids.add(r.id())) {
          throw new IllegalArgumentException("rule id '" + r.id() + "' appears in more than one rule set");
        }
      }
    }
    for (String id : severities.keySet()) {
      requireKnown(ids, id, "severity override");
    }
    for (String id : disabled) {
      requireKnown(ids, id, "disabled rule");
    }
  }

  private static void requireKnown(Set<String> ids, String id, String what) {
    if (!ids.contains(id)) {
      throw new IllegalArgumentException(what + " names unknown rule '" + id + "'; known rules: " + ids);
    }
  }

  /** The {@code kubernetes} rule set with defaulting, English messages. */
  public static Validator defaults() {
    return of(RuleSet.kubernetes());
  }

  /** A validator of the given rule sets, in order. */
  public static Validator of(RuleSet... ruleSets) {
    Builder b = builder();
    for (RuleSet s : ruleSets) {
      b.addRuleSet(s);
    }
    return b.build();
  }

  /**
   * The rule set with the CLI's name.
   *
   * @throws IllegalArgumentException for an unknown name, or one not built yet; the message lists the
   *     available names
   */
  public static RuleSet ruleSet(String name) {
    if ("kubernetes".equals(name)) {
      return RuleSet.kubernetes();
    }
    if (KNOWN_NAMES.contains(name)) {
      throw new IllegalArgumentException("rule set '" + name + "' is not available in this version; available: kubernetes");
    }
    throw new IllegalArgumentException("unknown rule set '" + name + "'; known rule sets: "
        + String.join(", ", KNOWN_NAMES) + " (available now: kubernetes)");
  }

  /** Starts an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this validator's settings. */
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

  /** This validator with messages in {@code locale} (English, or Simplified Chinese for {@code zh}). */
  public Validator withLocale(Locale locale) {
    return toBuilder().locale(locale).build();
  }

  /** The message locale. */
  public Locale locale() {
    return locale;
  }

  /** The rule sets, in order. */
  public List<RuleSet> ruleSets() {
    return ruleSets;
  }

  /** Every rule of every rule set, in order, disabled ones included. */
  public List<RuleDescriptor> rules() {
    List<RuleDescriptor> all = new ArrayList<>();
    ruleSets.forEach(s -> all.addAll(s.rules()));
    return all;
  }

  /** The severity findings of rule {@code id} get. */
  public Severity severityOf(RuleDescriptor rule) {
    return severities.getOrDefault(rule.id(), rule.defaultSeverity());
  }

  /**
   * Validates an object as kube-apiserver would on create. StatefulSets are validated fully; for any
   * other kind the StatefulSet rules report nothing and the report is empty.
   */
  public Report validate(HasMetadata object) {
    Objects.requireNonNull(object, "object");
    if (!(object instanceof StatefulSet sts)) {
      return Report.builder().locale(locale).build();
    }
    return run(null, sts);
  }

  /**
   * Validates an update from {@code oldObject} to {@code newObject}: the new object's checks (with the
   * apiserver's ratcheting: checks the stored object already fails are skipped) and what an update may
   * not change ({@code ValidateStatefulSetUpdate}).
   */
  public Report validateUpdate(StatefulSet oldObject, StatefulSet newObject) {
    Objects.requireNonNull(oldObject, "oldObject");
    Objects.requireNonNull(newObject, "newObject");
    return run(oldObject, newObject);
  }

  private Report run(StatefulSet oldRaw, StatefulSet newRaw) {
    Set<String> ignored = ignoredRules(newRaw);
    List<Finding> findings = new ArrayList<>();
    for (RuleSet set : ruleSets) {
      boolean def = defaulting && set.appliesDefaults();
      StatefulSet obj = def ? Defaults.apply(copy(newRaw), requestNamespace) : newRaw;
      StatefulSet old = oldRaw == null ? null : def ? Defaults.apply(copy(oldRaw), requestNamespace) : oldRaw;
      RuleContext ctx = old == null ? RuleContext.create() : RuleContext.update(old);
      boolean skipPodTemplate = old != null && podTemplateInvalid(set, old);
      for (RuleDescriptor r : set.rules()) {
        if (disabled.contains(r.id()) || ignored.contains(r.id())) {
          continue;
        }
        Rule rule = r.rule();
        Set<Violation> out = new LinkedHashSet<>();
        boolean skip = old != null
            && ((rule instanceof PodTemplateCheck && skipPodTemplate)
                || (rule instanceof Ratcheting && !call(r, old, RuleContext.create()).isEmpty()));
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
          findings.add(Finding.of(r.id(), sev, v, locale));
        }
      }
    }
    return Report.builder().locale(locale).findings(findings).build();
  }

  private static boolean podTemplateInvalid(RuleSet set, StatefulSet old) {
    for (RuleDescriptor r : set.rules()) {
      if (r.rule() instanceof PodTemplateCheck && !call(r, old, RuleContext.create()).isEmpty()) {
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
    String value = meta.getAnnotations().get(IGNORE_ANNOTATION);
    if (value == null) {
      return Set.of();
    }
    Set<String> ids = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        ids.add(part.strip());
      }
    }
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

    /** Adds a rule set; rule ids must be unique across all sets. */
    public Builder addRuleSet(RuleSet ruleSet) {
      ruleSets.add(Objects.requireNonNull(ruleSet, "ruleSet"));
      return this;
    }

    /** Adds the rule set with the CLI's name ({@link Validator#ruleSet(String)}). */
    public Builder addRuleSet(String name) {
      return addRuleSet(ruleSet(name));
    }

    /** Overrides the severity of rule {@code ruleId}. Unknown ids throw at {@link #build()}. */
    public Builder severity(String ruleId, Severity severity) {
      severities.put(Objects.requireNonNull(ruleId, "ruleId"), Objects.requireNonNull(severity, "severity"));
      return this;
    }

    /** Disables rule {@code ruleId}. Unknown ids throw at {@link #build()}. */
    public Builder disable(String ruleId) {
      disabled.add(Objects.requireNonNull(ruleId, "ruleId"));
      return this;
    }

    /** The message locale. Default: English. */
    public Builder locale(Locale locale) {
      this.locale = Objects.requireNonNull(locale, "locale");
      return this;
    }

    /**
     * Whether rule sets that ask for it get Kubernetes defaulting first, as on a real create. Default:
     * {@code true}. Turn it off to get the verdict of {@code ValidateStatefulSet} on the object as it
     * is, the way Kubernetes' own unit tests call it.
     */
    public Builder defaulting(boolean defaulting) {
      this.defaulting = defaulting;
      return this;
    }

    /**
     * The namespace of the request, filled into an object without {@code metadata.namespace} during
     * defaulting, as kube-apiserver does from the request URL. Default: {@code default}.
     */
    public Builder requestNamespace(String namespace) {
      this.requestNamespace = Optional.of(Objects.requireNonNull(namespace, "namespace"));
      return this;
    }

    /** No request namespace: an object without one gets {@code metadata.namespace: Required value}. */
    public Builder noRequestNamespace() {
      this.requestNamespace = Optional.empty();
      return this;
    }

    /** Builds the validator. */
    public Validator build() {
      return new Validator(this);
    }
  }
}
