package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.stskit.validation.internal.Defaults;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * User text is never re-interpreted as a message pattern: placeholder-like strings put into every
 * string of a StatefulSet (values and map keys) come back verbatim in every message any rule of any
 * rule set renders, in English and Chinese, and validation finishes. Before messages were formatted in
 * one pass, a hostPath volume named {@code {0}} made {@code pss-baseline} loop forever.
 */
class PlaceholderInputProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final StatefulSet MYSQL = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
  private static final String[] PLACEHOLDERS = {"{0}", "{1}{0}", "%s", "${x}", "'", "{", "{2}", "}{0"};
  private static final Pattern TOKEN = Pattern.compile("\\{(\\d+)\\}");
  private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  @Test
  void hostPathVolumeNamedLikeAPlaceholderIsReportedVerbatim() {
    StatefulSet sts = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
    sts.getSpec().getTemplate().getSpec().getVolumes().add(new io.fabric8.kubernetes.api.model.VolumeBuilder()
        .withName("{0}").withNewHostPath().withPath("/{1}{0}").endHostPath().build());
    Validator v = Validator.of(RuleSet.podSecurityBaseline());
    Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> v.validate(sts));
    assertThat(r.findings()).extracting(Finding::message)
        .anySatisfy(m -> assertThat(m).contains("\"{0}\""));
    Report zh = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> v.withLocale(Locale.CHINA).validate(sts));
    assertThat(zh.findings()).extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("\"{0}\""));
  }

  @Property(tries = 60)
  void everyRuleRendersUserTextVerbatim(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
    Random random = new Random(seed);
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = JSON.convertValue(MYSQL, LinkedHashMap.class);
    Object mangled = inject(tree, random, 0);
    StatefulSet sts;
    try {
      sts = JSON.convertValue(mangled, StatefulSet.class);
    } catch (RuntimeException e) {
      Assume.that(false);
      return;
    }
    int checked = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> checkEveryRule(sts));
    assertThat(checked).isPositive();
  }

  /** Runs every rule of every set on the object and compares each message with an independent rendering. */
  private static int checkEveryRule(StatefulSet sts) {
    int messages = 0;
    for (Locale locale : LOCALES) {
      Validator every = ValidatorRobustnessProperties.EVERY_SET.withLocale(locale);
      assertThat(every.validate(sts).findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
      for (RuleSet set : every.ruleSets()) {
        StatefulSet obj = set.appliesDefaults()
            ? Defaults.apply(new StatefulSetBuilder(sts).build(), Optional.of("default")) : sts;
        for (RuleDescriptor r : set.rules()) {
        for (Violation v : r.rule().validate(obj, RuleContext.create())) {
          for (Message m : v.detail().stream().toList()) {
            assertThat(m.render(locale)).isEqualTo(reference(m, locale));
            messages++;
          }
          for (Message m : v.hint().stream().toList()) {
            assertThat(m.render(locale)).isEqualTo(reference(m, locale));
            messages++;
          }
        }
        }
      }
    }
    return messages + 1;
  }

  /** The bundle pattern with each {@code {i}} replaced once by argument {@code i}, by regex. */
  private static String reference(Message m, Locale locale) {
    if (m.key().isEmpty()) {
      return m.render(locale);
    }
    String pattern = ResourceBundle.getBundle("dev.stskit.validation.internal.messages",
        Message.isChinese(locale) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT).getString(m.key());
    Matcher t = TOKEN.matcher(pattern);
    StringBuilder sb = new StringBuilder();
    while (t.find()) {
      int i = Integer.parseInt(t.group(1));
      String arg = i < m.args().size() ? (m.args().get(i) instanceof Message nested ? reference(nested, locale)
          : String.valueOf(m.args().get(i))) : t.group();
      t.appendReplacement(sb, Matcher.quoteReplacement(arg));
    }
    t.appendTail(sb);
    return sb.toString();
  }

  /** Puts a placeholder-like string into about half of the strings (values and keys) of the tree. */
  @SuppressWarnings("unchecked")
  private static Object inject(Object node, Random random, int depth) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
        String key = e.getKey();
        boolean dataMap = key.equals("labels") || key.equals("annotations") || key.equals("matchLabels")
            || key.equals("nodeSelector") || key.equals("limits") || key.equals("requests");
        Object value = inject(e.getValue(), random, depth + 1);
        if (dataMap && value instanceof Map<?, ?> inner) {
          Map<String, Object> renamed = new LinkedHashMap<>();
          for (Map.Entry<String, Object> ie : ((Map<String, Object>) inner).entrySet()) {
            renamed.put(random.nextBoolean() ? ie.getKey() + pick(random) : ie.getKey(), ie.getValue());
          }
          value = renamed;
        }
        out.put(key, value);
      }
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(inject(o, random, depth + 1));
      }
      return out;
    }
    if (node instanceof String s && !s.equals("apps/v1") && !s.equals("StatefulSet") && random.nextBoolean()) {
      return random.nextBoolean() ? pick(random) : s + pick(random);
    }
    return node;
  }

  private static String pick(Random random) {
    return PLACEHOLDERS[random.nextInt(PLACEHOLDERS.length)];
  }
}
