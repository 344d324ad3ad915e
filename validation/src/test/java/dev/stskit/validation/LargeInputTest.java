package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Values of millions of characters: a finding echoes at most {@link Violation#MAX_ECHO} characters of
 * a value and says it cut it, and neither message rendering nor field paths make validation slow
 * (before, every finding quoted the whole value and each path was re-printed on every hash).
 */
class LargeInputTest {
  private static final int HUGE = 2_000_000;

  @Test
  void findingsEchoABoundedPartOfAHugeValueAndSaySo() {
    StatefulSet sts = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
    String name = "x".repeat(HUGE);
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(" " + name);
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setName(name);
    sts.getSpec().getTemplate().getMetadata().getLabels().put("k" + name.substring(0, 100_000), name);
    sts.getSpec().getTemplate().getSpec().getVolumes().get(0).setName("{0}" + name);
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      Validator v = ValidatorRobustnessProperties.EVERY_SET.withLocale(locale);
      Report r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> v.validate(sts));
      assertThat(r.findings()).isNotEmpty();
      assertThat(r.findings()).allSatisfy(f -> assertThat(f.message().length()).isLessThan(4 * Violation.MAX_ECHO));
      assertThat(r.findings()).extracting(Finding::message)
          .anySatisfy(m -> assertThat(m).contains("(truncated: " + HUGE + " characters)"));
    }
  }

  /** Found by the mutation fuzzer: the field-ref detail repeated the whole fieldPath (1,385 characters). */
  @Test
  void aLongFieldRefPathIsEchoedBounded() {
    StatefulSet sts = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
    String path = "x".repeat(1025);
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(List.of(new EnvVarBuilder().withName("P")
        .withNewValueFrom().withNewFieldRef().withFieldPath(path).endFieldRef().endValueFrom().build(),
        new EnvVarBuilder().withName("Q").withNewValueFrom().withNewFieldRef().withApiVersion(path)
            .withFieldPath("metadata.name").endFieldRef().endValueFrom().build()));
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
      Report r = Validator.defaults().withLocale(locale).validate(sts);
      assertThat(r.findings()).filteredOn(f -> f.path().contains(".env[")).hasSize(2).allSatisfy(f -> {
        assertThat(f.message()).hasSizeLessThanOrEqualTo(600).contains("(truncated: 1025 characters)");
      });
    }
  }

  /**
   * Found by the mutation fuzzer (input 30180 of seed 20261203): a label value holding JSON was cut at
   * 256 characters before escaping, so its quoted echo was twice as long and the finding over 600.
   */
  @Test
  void quoteBoundsTheEscapedTextNotTheRawOne() {
    String json = "{\"a\":\"b\"}".repeat(100);
    String q = Violation.quote(json);
    assertThat(q).startsWith("\"{\\\"a\\\":").endsWith("\"… (truncated: " + json.length() + " characters)");
    assertThat(q.length()).isLessThanOrEqualTo(Violation.MAX_ECHO + 2 + "… (truncated: 1100 characters)".length());
    StatefulSet sts = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
    sts.getSpec().getTemplate().getMetadata().getLabels().put("app", json);
    Report r = Validator.defaults().validate(sts);
    assertThat(r.findings()).filteredOn(f -> f.ruleId().equals("k8s-pod-template-metadata")).isNotEmpty()
        .allSatisfy(f -> assertThat(f.message()).hasSizeLessThanOrEqualTo(600));
  }

  @Test
  void quoteCutsAtTheBoundWithoutSplittingASurrogatePair() {
    String s = "a".repeat(Violation.MAX_ECHO - 1) + "😀" + "b".repeat(10);
    String q = Violation.quote(s);
    assertThat(q).isEqualTo("\"" + "a".repeat(Violation.MAX_ECHO - 1) + "\"… (truncated: " + s.length()
        + " characters)");
    assertThat(Violation.quote("short")).isEqualTo("\"short\"");
    assertThat(Violation.printValue(new StringBuilder("ab"))).isEqualTo("\"ab\"");
  }

  @Test
  void messagesAndPathsOfHugeArgumentsRenderInLinearTime() {
    String big = "{0}".repeat(HUGE / 3);
    Message m = Message.of("hugepages-multiple", big, big);
    FieldPath p = FieldPath.of("metadata").child("labels").key(big);
    String rendered = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      String last = null;
      for (int i = 0; i < 50; i++) {
        last = m.render(Locale.ENGLISH) + p.hashCode() + p.equals(FieldPath.of("metadata").child("labels").key(big));
      }
      return last;
    });
    assertThat(rendered).contains(big);
    assertThat(FieldPath.parse("a[" + "9".repeat(30) + "]").toString()).isEqualTo("a[" + "9".repeat(30) + "]");
  }
}
