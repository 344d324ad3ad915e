package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.gpu.GpuInventory;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import tools.jackson.databind.json.JsonMapper;

/**
 * The validator never throws on a mangled StatefulSet: fields of the platform's MySQL example are
 * removed, emptied or replaced by odd scalars at random, and whatever still maps onto the fabric8
 * model must get a report, not an exception, from every built-in rule set.
 */
class ValidatorRobustnessProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final StatefulSet MYSQL = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
  /** Every built-in rule set, the gpu set with a one-node inventory. */
  static final Validator EVERY_SET = Validator.of(RuleSet.kubernetes(), RuleSet.platform(),
      RuleSet.gpu(GpuInventory.parse("nodes:\n  - {name: n1, model: NVIDIA-A100-SXM4-80GB, cards: 8,"
          + " memoryPerCard: 80Gi, mode: vgpu}\n")),
      RuleSet.podSecurityBaseline(), RuleSet.podSecurityRestricted(), RuleSet.bestPractice());
  private static final Object[] ODD = {null, "", "-1", -1, 0, "x y", List.of(), Map.of(), "Ki", "1.5", true};

  @Property
  void validatorReportsInsteadOfThrowing(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) {
    Random random = new Random(seed);
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = JSON.convertValue(MYSQL, LinkedHashMap.class);
    int mutations = 1 + random.nextInt(6);
    for (int i = 0; i < mutations; i++) {
      mutate(tree, random);
    }
    StatefulSet mangled;
    try {
      mangled = JSON.convertValue(tree, StatefulSet.class);
    } catch (RuntimeException e) {
      Assume.that(false);
      return;
    }
    Report created = Validator.defaults().validate(mangled);
    Report raw = Validator.builder().addRuleSet(RuleSet.kubernetes()).defaulting(false).build().validate(mangled);
    Report updated = Validator.defaults().validateUpdate(MYSQL, mangled);
    assertThat(created.findings()).allSatisfy(f -> assertThat(f.path()).isNotBlank());
    assertThat(raw.findings().size()).isGreaterThanOrEqualTo(0);
    assertThat(updated.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    Report every = EVERY_SET.validate(mangled);
    assertThat(every.findings()).allSatisfy(f -> assertThat(f.path()).isNotBlank());
  }

  @SuppressWarnings("unchecked")
  private static void mutate(Object node, Random random) {
    for (int depth = 0; depth < 12; depth++) {
      if (node instanceof Map<?, ?> m && !m.isEmpty()) {
        Map<String, Object> map = (Map<String, Object>) m;
        List<String> keys = new ArrayList<>(map.keySet());
        String key = keys.get(random.nextInt(keys.size()));
        Object child = map.get(key);
        if (random.nextInt(4) == 0 || !(child instanceof Map || child instanceof List)) {
          map.put(key, ODD[random.nextInt(ODD.length)]);
          return;
        }
        node = child;
      } else if (node instanceof List<?> l && !l.isEmpty()) {
        List<Object> list = (List<Object>) l;
        int i = random.nextInt(list.size());
        Object child = list.get(i);
        if (random.nextInt(4) == 0 || !(child instanceof Map || child instanceof List)) {
          list.set(i, ODD[random.nextInt(ODD.length)]);
          return;
        }
        node = child;
      } else {
        return;
      }
    }
  }
}
