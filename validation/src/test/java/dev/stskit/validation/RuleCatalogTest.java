package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.validation.rules.BuiltInRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in rule has a test class, a fixture pair, a docs page; the registry is sorted and unique. */
class RuleCatalogTest {
  private static final Path DOCS = Path.of("docs", "rules");

  static Stream<RuleDescriptor> builtIns() {
    return BuiltInRules.ALL.stream().map(RuleDescriptor::of);
  }

  @Test
  void registryIsSortedByIdAndUnique() {
    List<String> ids = builtIns().map(RuleDescriptor::id).collect(Collectors.toList());
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(RuleSet.kubernetes().rules()).extracting(RuleDescriptor::id).containsExactlyElementsOf(ids);
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
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtIns")
  void fixturesGiveTheExpectedVerdict(RuleDescriptor rule) {
    RuleTester tester = RuleTester.of(rule.rule()).withDefaulting();
    if (getClass().getClassLoader().getResource("rules/" + rule.id() + "/old.yaml") != null) {
      tester.loadUpdate("old.yaml", "valid.yaml").expectNoFindings();
      assertThat(tester.loadUpdate("old.yaml", "invalid.yaml").report().findings()).isNotEmpty();
    } else {
      tester.load("valid.yaml").expectNoFindings();
      assertThat(tester.load("invalid.yaml").report().findings()).isNotEmpty();
    }
    // the valid fixture is valid for the whole rule set, so it differs from invalid.yaml in one place
    assertThat(Validator.defaults().validate(tester.read("valid.yaml")).findings()).isEmpty();
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
