package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.stskit.fixtures.Fixtures;
import dev.stskit.gpu.GpuInventory;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validator on a mangled StatefulSet: fields of the platform's MySQL example are replaced by
 * odd scalars or emptied (jqwik draws, and shrinks, the mutations), and whatever still maps onto
 * the fabric8 model must get a sound report from every built-in rule set: findings with a parseable
 * Kubernetes field path, a message and a known rule id, the same report every time, and the object
 * left untouched (rules mutate nothing).
 */
class ValidatorRobustnessProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final StatefulSet MYSQL = RealWorldManifestsTest.read(Fixtures.MYSQL_PAGE);
  /** Every built-in rule set, the gpu set with a one-node inventory. */
  static final Validator EVERY_SET = Validator.of(RuleSet.kubernetes(), RuleSet.platform(),
      RuleSet.gpu(GpuInventory.parse("nodes:\n  - {name: n1, model: NVIDIA-A100-SXM4-80GB, cards: 8,"
          + " memoryPerCard: 80Gi, mode: vgpu}\n")),
      RuleSet.podSecurityBaseline(), RuleSet.podSecurityRestricted(), RuleSet.bestPractice());
  private static final List<Object> ODD = java.util.Arrays.asList(null, "", "-1", -1, 0, "x y", List.of(), Map.of(),
      "Ki", "1.5", true);

  /**
   * One mutation: walk down the tree choosing child {@code steps[d] % size} at depth {@code d},
   * stop where {@code stopAt} says (or at a scalar) and put {@code ODD[odd]} there.
   */
  record Mutation(List<Integer> steps, int stopAt, int odd) {}

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(
            Arbitraries.integers().between(0, 63).list().ofSize(12),
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(0, ODD.size() - 1))
        .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(6);
  }

  @Property
  void everyReportOfAMangledObjectIsSound(@ForAll("mutations") List<Mutation> mutations) {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = JSON.convertValue(MYSQL, LinkedHashMap.class);
    mutations.forEach(m -> apply(tree, m));
    StatefulSet mangled;
    try {
      mangled = JSON.convertValue(tree, StatefulSet.class);
    } catch (RuntimeException e) {
      Assume.that(false); // not a StatefulSet any more: the reader's business, not the validator's
      return;
    }
    // compared as trees: a copy through JSON is not equal to the mangled object itself (a null
    // apiVersion is left out when written and comes back as fabric8's default "apps/v1")
    Map<?, ?> before = JSON.convertValue(mangled, LinkedHashMap.class);

    for (Validator v : List.of(Validator.defaults(), EVERY_SET,
        Validator.builder().addRuleSet(RuleSet.kubernetes()).defaulting(false).build())) {
      Report report = v.validate(mangled);
      assertSound(report, v);
      assertThat(v.validate(mangled).findings()).extracting(Finding::format)
          .as("same object, same report").containsExactlyElementsOf(formats(report));
      assertThat(report.valid()).isEqualTo(report.checked() && report.errors().isEmpty());
    }
    Report updated = Validator.defaults().validateUpdate(MYSQL, mangled);
    assertSound(updated, Validator.defaults());
    Map<?, ?> after = JSON.convertValue(mangled, LinkedHashMap.class);
    assertThat(after).as("validation leaves the object as it was").isEqualTo(before);
    if (mangled.equals(MYSQL)) {
      assertThat(Validator.defaults().validate(mangled).findings()).as("the page's example is clean").isEmpty();
    }
  }

  private static void assertSound(Report report, Validator v) {
    Set<String> ids = v.rules().stream().map(RuleDescriptor::id).collect(Collectors.toSet());
    assertThat(report.findings()).allSatisfy(f -> {
      assertThat(f.ruleId()).isIn(ids);
      assertThat(f.path()).isNotBlank();
      assertThatCode(() -> FieldPath.parse(f.path())).as(f.path()).doesNotThrowAnyException();
      assertThat(f.message()).isNotBlank();
      assertThat(f.severity()).isNotNull();
      assertThat(f.type()).isNotNull();
    });
  }

  private static List<String> formats(Report report) {
    return report.findings().stream().map(Finding::format).toList();
  }

  @SuppressWarnings("unchecked")
  private static void apply(Object node, Mutation m) {
    for (int depth = 0; depth < m.steps().size(); depth++) {
      boolean stop = depth >= m.stopAt();
      if (node instanceof Map<?, ?> map && !map.isEmpty()) {
        Map<String, Object> mutable = (Map<String, Object>) map;
        List<String> keys = new ArrayList<>(mutable.keySet());
        String key = keys.get(m.steps().get(depth) % keys.size());
        Object child = mutable.get(key);
        if (stop || !(child instanceof Map || child instanceof List)) {
          mutable.put(key, ODD.get(m.odd()));
          return;
        }
        node = child;
      } else if (node instanceof List<?> list && !list.isEmpty()) {
        List<Object> mutable = (List<Object>) list;
        int i = m.steps().get(depth) % mutable.size();
        Object child = mutable.get(i);
        if (stop || !(child instanceof Map || child instanceof List)) {
          mutable.set(i, ODD.get(m.odd()));
          return;
        }
        node = child;
      } else {
        return;
      }
    }
  }
}
