package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Real StatefulSets that clusters accept must validate without errors: the platform's documented
 * MySQL example and the public corpus (copied from /work/shared/reference/corpus/statefulsets).
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
    try (InputStream in = RealWorldManifestsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = OCTAL_MODE.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + Integer.parseInt(m.group(2), 8)));
      }
      m.appendTail(sb);
      return YAML.readValue(sb.toString(), StatefulSet.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void platformMysqlExampleValidatesClean() {
    Report report = Validator.defaults().validate(read("examples/mysql-statefulset.yaml"));
    assertThat(report.findings()).extracting(Finding::format).isEmpty();
    assertThat(report.valid()).isTrue();
  }

  @Test
  void platformMysqlExampleValidatesCleanWithoutDefaulting() {
    // the example is a live object: every default is already written out
    Validator raw = Validator.builder().addRuleSet(RuleSet.kubernetes()).defaulting(false).build();
    assertThat(raw.validate(read("examples/mysql-statefulset.yaml")).findings()).extracting(Finding::format).isEmpty();
  }

  @Test
  void platformMysqlExampleIsAValidUpdateOfItself() {
    StatefulSet sts = read("examples/mysql-statefulset.yaml");
    assertThat(Validator.defaults().validateUpdate(sts, read("examples/mysql-statefulset.yaml")).findings()).isEmpty();
  }

  static Stream<String> corpus() throws URISyntaxException, IOException {
    Path dir = Path.of(RealWorldManifestsTest.class.getClassLoader().getResource("corpus").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> "corpus/" + p.getFileName()).filter(n -> n.endsWith(".yaml")).sorted()
          .collect(Collectors.toList()).stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void corpusStatefulSetsHaveNoErrors(String resource) {
    Report report = Validator.defaults().validate(read(resource));
    assertThat(report.errors()).extracting(Finding::format).isEmpty();
    assertThat(Validator.defaults().withLocale(Locale.SIMPLIFIED_CHINESE).validate(read(resource)).valid()).isTrue();
  }
}
