package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.internal.InventoryRule;
import dev.stskit.validation.rules.BuiltInRules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in rule has a test class, a fixture pair, a docs page; the registry is sorted and unique. */
class RuleCatalogTest {
  private static final Path DOCS = Path.of("docs", "rules");
  private static final List<RuleSet> BUILT_IN_SETS =
      List.of(RuleSet.kubernetes(), RuleSet.bestPractice(), RuleSet.platform(), RuleSet.gpu(GpuInventory.of(List.of())),
          RuleSet.podSecurityBaseline(), RuleSet.podSecurityRestricted());

  static Stream<RuleDescriptor> builtIns() {
    return BuiltInRules.ALL.stream().map(RuleDescriptor::of);
  }

  @Test
  void registryIsSortedByIdAndUnique() {
    List<String> ids = builtIns().map(RuleDescriptor::id).collect(Collectors.toList());
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    List<String> inSets = new java.util.ArrayList<>();
    for (RuleSet set : BUILT_IN_SETS) {
      List<String> setIds = set.rules().stream().map(RuleDescriptor::id).collect(Collectors.toList());
      assertThat(setIds).as(set.name()).isSorted().doesNotHaveDuplicates();
      assertThat(Validator.ruleSet(set.name(), Optional.of(GpuInventory.of(List.of()))).rules())
          .extracting(RuleDescriptor::id).containsExactlyElementsOf(setIds);
      inSets.addAll(setIds);
    }
    assertThat(new java.util.TreeSet<>(inSets)).containsExactlyElementsOf(ids);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void ruleHasTestClassFixturesAndDocsPage(RuleDescriptor rule) throws IOException {
    String testClass = rule.rule().getClass().getName() + "Test";
    assertThat(exists(testClass)).as("test class %s", testClass).isTrue();
    for (String fixture : List.of("valid.yaml", "invalid.yaml")) {
      assertThat(getClass().getClassLoader().getResource("rules/" + rule.id() + "/" + fixture))
          .as("fixture rules/%s/%s", rule.id(), fixture).isNotNull();
    }
    Path page = DOCS.resolve(rule.id() + ".md");
    assertThat(page).as("docs page").exists();
    String text = Files.readString(page);
    assertThat(text).startsWith("# " + rule.id() + "\n").contains(rule.summary());
    assertThat(rule.documentation()).as("the page ships in the jar").contains(text);
    for (RuleSet set : BUILT_IN_SETS) {
      if (set.rules().stream().anyMatch(r -> r.id().equals(rule.id()))) {
        assertThat(text).as("docs page names rule set %s", set.name()).contains("`" + set.name() + "`");
      }
    }
    assertThat(Files.readString(DOCS.resolve("README.md"))).contains("[`" + rule.id() + "`](" + rule.id() + ".md)");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void fixturesGiveTheExpectedVerdict(RuleDescriptor rule) {
    Optional<GpuInventory> inventory = inventory(rule);
    Rule instance = inventory.isPresent() ? RuleSet.gpu(inventory.get()).rules().stream()
        .filter(r -> r.id().equals(rule.id())).findFirst().orElseThrow().rule() : rule.rule();
    RuleTester tester = RuleTester.of(instance).withDefaulting();
    if (getClass().getClassLoader().getResource("rules/" + rule.id() + "/old.yaml") != null) {
      tester.loadUpdate("old.yaml", "valid.yaml").expectNoFindings();
      assertThat(tester.loadUpdate("old.yaml", "invalid.yaml").report().findings()).isNotEmpty();
    } else {
      tester.load("valid.yaml").expectNoFindings();
      assertThat(tester.load("invalid.yaml").report().findings()).isNotEmpty();
    }
    // the valid fixture is valid for the whole rule set, so it differs from invalid.yaml in one place
    assertThat(Validator.defaults().validate(tester.read("valid.yaml")).findings()).isEmpty();
    for (RuleSet set : BUILT_IN_SETS) {
      if (set.rules().stream().anyMatch(r -> r.id().equals(rule.id()))) {
        RuleSet own = set.name().equals("gpu") ? RuleSet.gpu(inventory.orElse(GpuInventory.of(List.of()))) : set;
        Validator.Builder v = Validator.builder().addRuleSet(own);
        if (inventory.isEmpty() && set.name().equals("gpu")) {
          // an empty inventory fits nothing; only the inventory rules' own fixtures come with nodes
          set.rules().stream().filter(r -> r.rule().getClass().isAnnotationPresent(InventoryRule.class)).forEach(r -> v.disable(r.id()));
        }
        assertThat(v.build().validate(tester.read("valid.yaml")).findings()).as(set.name()).isEmpty();
      }
    }
  }

  /** {@code rules/<id>/inventory.yaml} for a rule that judges against an inventory. */
  private Optional<GpuInventory> inventory(RuleDescriptor rule) {
    URL url = getClass().getClassLoader().getResource("rules/" + rule.id() + "/inventory.yaml");
    if (!rule.rule().getClass().isAnnotationPresent(InventoryRule.class)) {
      return Optional.empty();
    }
    assertThat(url).as("rules/%s/inventory.yaml", rule.id()).isNotNull();
    try {
      return Optional.of(GpuInventory.read(Path.of(url.toURI())));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyDocsPageBelongsToARule() throws IOException {
    Set<String> ids = builtIns().map(RuleDescriptor::id).collect(Collectors.toSet());
    try (Stream<Path> pages = Files.list(DOCS)) {
      assertThat(pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
          .filter(n -> !n.equals("README.md")).map(n -> n.substring(0, n.length() - 3)))
          .allSatisfy(id -> assertThat(ids).contains(id));
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
