package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Real StatefulSets that clusters accept must validate without errors: the platform's documented
 * MySQL example and the public corpus (both from the test-fixtures module).
 */
class RealWorldManifestsTest {
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  private static final Pattern OCTAL_MODE = Pattern.compile("(?m)^(\\s*-?\\s*(?:defaultMode|mode):\\s*)0([0-7]+)\\s*$");

  /**
   * Reads a manifest. Kubernetes reads YAML 1.1, where {@code defaultMode: 0755} is octal (493);
   * Jackson's YAML module reads it as decimal 755. Reading YAML the way the apiserver does is the
   * render module's job; here the few octal file modes in the corpus are converted first.
   */
  static StatefulSet read(String resource) {
    String text = Fixtures.text(resource);
    Matcher m = OCTAL_MODE.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + Integer.parseInt(m.group(2), 8)));
    }
    m.appendTail(sb);
    return YAML.readValue(sb.toString(), StatefulSet.class);
  }

  @Test
  void platformMysqlExampleValidatesClean() {
    Report report = Validator.defaults().validate(read(Fixtures.MYSQL_PAGE));
    assertThat(report.findings()).extracting(Finding::format).isEmpty();
    assertThat(report.valid()).isTrue();
  }

  @Test
  void platformMysqlExampleValidatesCleanWithoutDefaulting() {
    // the example is a live object: every default is already written out
    Validator raw = Validator.builder().addRuleSet(RuleSet.kubernetes()).defaulting(false).build();
    assertThat(raw.validate(read(Fixtures.MYSQL_PAGE)).findings()).extracting(Finding::format).isEmpty();
  }

  @Test
  void platformMysqlExampleIsAValidUpdateOfItself() {
    StatefulSet sts = read(Fixtures.MYSQL_PAGE);
    assertThat(Validator.defaults().validateUpdate(sts, read(Fixtures.MYSQL_PAGE)).findings()).isEmpty();
  }

  static Stream<String> corpus() {
    return Fixtures.corpus().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusStatefulSetsHaveNoErrors(String resource) {
    Report report = Validator.defaults().validate(read(resource));
    assertThat(report.errors()).extracting(Finding::format).isEmpty();
    assertThat(Validator.defaults().withLocale(Locale.SIMPLIFIED_CHINESE).validate(read(resource)).valid()).isTrue();
  }
}
