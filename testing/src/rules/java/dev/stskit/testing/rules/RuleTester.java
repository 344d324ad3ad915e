package dev.stskit.testing.rules;

import dev.stskit.validation.ErrorType;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleDescriptor;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.ServiceRule;
import dev.stskit.validation.Validator;
import dev.stskit.validation.Fix;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Tests one rule against YAML fixtures, the way sts-kit tests its own rules (Error Prone's
 * {@code CompilationTestHelper} plays this part there). Part of {@code sts-kit-testing}.
 *
 * <pre>{@code
 * class MyRuleTest {
 *   private final RuleTester tester = RuleTester.of(MyRule.class);
 *
 *   @Test void flagsTheProblem() {
 *     tester.load("invalid.yaml").expectFinding("spec.template.spec.containers[0].image");
 *   }
 *   @Test void acceptsTheFix() { tester.load("valid.yaml").expectNoFindings(); }
 * }
 * }</pre>
 *
 * <p>Fixtures are read from the classpath at {@code rules/<rule-id>/<name>}. Assertions are on rule id,
 * path and error type, never on message wording. A failed expectation throws an {@link AssertionError}
 * listing the findings the rule did report.
 */
public final class RuleTester {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private final RuleDescriptor rule;
  private final boolean defaulting;

  private RuleTester(RuleDescriptor rule, boolean defaulting) {
    this.rule = rule;
    this.defaulting = defaulting;
  }

  /**
   * A tester for the rule class (which needs a public no-argument constructor); no defaulting.
   *
   * @param ruleClass the rule's class, annotated with {@code @RuleInfo}
   * @return the tester
   */
  public static RuleTester of(Class<? extends Rule> ruleClass) {
    try {
      return of(ruleClass.getDeclaredConstructor().newInstance());
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException
        | InvocationTargetException e) {
      throw new IllegalArgumentException("cannot instantiate " + ruleClass.getName()
          + " with a public no-argument constructor", e);
    }
  }

  /**
   * A tester for a rule instance; no defaulting.
   *
   * @param rule the rule, annotated with {@code @RuleInfo}
   * @return the tester
   */
  public static RuleTester of(Rule rule) {
    return new RuleTester(RuleDescriptor.of(rule), false);
  }

  /**
   * This tester with Kubernetes defaulting applied before the rule runs, as in the {@code kubernetes} set.
   *
   * @return a new tester
   */
  public RuleTester withDefaulting() {
    return new RuleTester(rule, true);
  }

  /**
   * The rule under test.
   *
   * @return its descriptor
   */
  public RuleDescriptor rule() {
    return rule;
  }

  /**
   * Reads the object in {@code rules/<rule-id>/<fixture>} on the class path: a Service when its
   * {@code kind} is Service, else a StatefulSet.
   *
   * @param <T> the object's type
   * @param fixture the file name, e.g. {@code invalid.yaml}
   * @return the object
   * @throws AssertionError if there is no such fixture
   */
  @SuppressWarnings("unchecked")
  public <T extends HasMetadata> T read(String fixture) {
    String resource = "rules/" + rule.id() + "/" + fixture;
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("fixture not found on the classpath: " + resource);
      }
      JsonNode tree = YAML.readTree(firstDocument(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
      Class<? extends HasMetadata> type = "Service".equals(tree.path("kind").asString(""))
          ? Service.class : StatefulSet.class;
      return (T) YAML.treeToValue(tree, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + resource, e);
    }
  }

  private static String firstDocument(String yaml) {
    for (String part : yaml.split("(?m)^---[ \\t]*$")) {
      if (!part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        return part;
      }
    }
    return yaml;
  }

  /**
   * Reads every document of {@code rules/<rule-id>/<fixture>}: StatefulSets, Services, ConfigMaps,
   * Secrets and ServiceAccounts as fabric8 types, other kinds as {@link GenericKubernetesResource}.
   *
   * @param fixture the file name under {@code rules/<rule-id>/}
   * @return the documents, in file order
   */
  public List<HasMetadata> readFile(String fixture) {
    String resource = "rules/" + rule.id() + "/" + fixture;
    try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("fixture not found on the classpath: " + resource);
      }
      return parseAll(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read fixture " + resource, e);
    }
  }

  /**
   * Parses every document of a multi-document YAML text (kinds as in {@link #readFile}).
   *
   * @param yaml the text
   * @return the documents, in order
   */
  public static List<HasMetadata> parseAll(String yaml) {
    List<HasMetadata> out = new java.util.ArrayList<>();
    for (String part : yaml.split("(?m)^---[ \\t]*$")) {
      if (part.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
        continue;
      }
      java.util.Map<?, ?> doc = YAML.readValue(part, java.util.Map.class);
      if (doc == null) {
        continue;
      }
      Class<? extends HasMetadata> type = switch (String.valueOf(doc.get("kind"))) {
        case "StatefulSet" -> StatefulSet.class;
        case "Service" -> Service.class;
        case "ConfigMap" -> io.fabric8.kubernetes.api.model.ConfigMap.class;
        case "Secret" -> io.fabric8.kubernetes.api.model.Secret.class;
        case "ServiceAccount" -> io.fabric8.kubernetes.api.model.ServiceAccount.class;
        default -> GenericKubernetesResource.class;
      };
      out.add(YAML.convertValue(doc, type));
    }
    return out;
  }

  /**
   * Parses a StatefulSet from YAML text.
   *
   * @param yaml the text
   * @return the StatefulSet
   */
  public static StatefulSet parse(String yaml) {
    return YAML.readValue(yaml, StatefulSet.class);
  }

  /**
   * Runs the rule on a fixture.
   *
   * @param fixture the file name under {@code rules/<rule-id>/}
   * @return the findings, to assert on
   */
  public Result load(String fixture) {
    List<HasMetadata> file = readFile(fixture);
    if (file.size() > 1) {
      return checkFile(file); // several documents: the StatefulSet's file, which some rules look at
    }
    return check(read(fixture));
  }

  /**
   * Runs the rule on the first StatefulSet of {@code file}, which it sees as its file
   * ({@link Validator#validate(HasMetadata, List)}).
   *
   * @param file the documents of a file
   * @return the findings, to assert on
   */
  public Result checkFile(List<HasMetadata> file) {
    StatefulSet sts = file.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast).findFirst()
        .orElseThrow(() -> new AssertionError("no StatefulSet among " + file.size() + " documents"));
    return new Result(validator().validate(sts, file));
  }

  /**
   * Runs the rule on an object.
   *
   * @param sts a StatefulSet, or a Service for a {@link ServiceRule}
   * @return the findings, to assert on
   */
  public Result check(HasMetadata sts) {
    return new Result(validator().validate(sts));
  }

  /**
   * Runs the rule's create and update checks for an update from {@code oldFixture} to {@code newFixture}.
   *
   * @param oldFixture the object before the update
   * @param newFixture the object after it
   * @return the findings, to assert on
   */
  public Result loadUpdate(String oldFixture, String newFixture) {
    StatefulSet oldObject = read(oldFixture);
    StatefulSet newObject = read(newFixture);
    return new Result(validator().validateUpdate(oldObject, newObject));
  }

  private Validator validator() {
    return Validator.builder()
        .addRuleSet(RuleSet.of("under-test", List.of(rule.rule()), defaulting))
        .build();
  }

  /** The findings of one run, with assertions. */
  public final class Result {
    private final Report report;

    private Result(Report report) {
      this.report = report;
    }

    /**
     * The report.
     *
     * @return the validator's report
     */
    public Report report() {
      return report;
    }

    /**
     * Asserts a finding of the rule at {@code path}.
     *
     * @param path the field path in Kubernetes form
     * @return this result
     */
    public Result expectFinding(String path) {
      if (report.findings().stream().noneMatch(f -> f.path().equals(path))) {
        throw new AssertionError("expected a finding of " + rule.id() + " at " + path + ", got " + describe());
      }
      return this;
    }

    /**
     * Asserts a finding of the rule at {@code path} with error type {@code type}.
     *
     * @param path the field path in Kubernetes form
     * @param type the error type
     * @return this result
     */
    public Result expectFinding(String path, ErrorType type) {
      if (report.findings().stream().noneMatch(f -> f.path().equals(path) && f.type() == type)) {
        throw new AssertionError("expected a " + type.wireName() + " finding of " + rule.id() + " at " + path
            + ", got " + describe());
      }
      return this;
    }

    /**
     * Asserts exactly these (path, type) findings, in any order.
     *
     * @param pathsAndTypes path, {@link ErrorType} pairs
     * @return this result
     */
    public Result expectExactly(Object... pathsAndTypes) {
      if (pathsAndTypes.length % 2 != 0) {
        throw new IllegalArgumentException("pass path, type pairs");
      }
      List<String> want = new java.util.ArrayList<>();
      for (int i = 0; i < pathsAndTypes.length; i += 2) {
        want.add(((ErrorType) pathsAndTypes[i + 1]).wireName() + " " + pathsAndTypes[i]);
      }
      List<String> got = report.findings().stream().map(f -> f.type().wireName() + " " + f.path()).sorted()
          .collect(Collectors.toList());
      want.sort(null);
      if (!Objects.equals(want, got)) {
        throw new AssertionError("expected findings " + want + ", got " + got);
      }
      return this;
    }

    /**
     * Asserts a finding of the rule at {@code path} marked as check {@code check} of the rule.
     *
     * @param path the field path
     * @param check the check, {@code Finding.check()}
     * @return this result
     */
    public Result expectCheck(String path, String check) {
      if (report.findings().stream().noneMatch(f -> f.path().equals(path) && f.check().equals(java.util.Optional.of(check)))) {
        throw new AssertionError("expected a finding of " + rule.id() + "#" + check + " at " + path + ", got " + describe());
      }
      return this;
    }

    /**
     * The object with the fixes of every finding applied; throws when a finding carries none.
     *
     * @param sts the object the findings are about
     * @return the fixed copy
     */
    public StatefulSet applyFixes(StatefulSet sts) {
      for (Finding f : report.findings()) {
        if (f.fix().isEmpty()) {
          throw new AssertionError("finding without a fix: " + f.format());
        }
      }
      return Fix.applyAll(sts, report.findings());
    }

    /**
     * Asserts the rule found nothing.
     *
     * @return this result
     */
    public Result expectNoFindings() {
      if (!report.findings().isEmpty()) {
        throw new AssertionError("expected no findings of " + rule.id() + ", got " + describe());
      }
      return this;
    }

    private String describe() {
      return report.findings().isEmpty() ? "none"
          : report.findings().stream().map(Finding::format).collect(Collectors.joining("\n  ", "\n  ", ""));
    }
  }
}
