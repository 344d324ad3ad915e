package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.Quantities;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class FieldPathProperties {
  @Provide
  Arbitrary<FieldPath> paths() {
    Arbitrary<String> names = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
    Arbitrary<String> keys = Arbitraries.strings().withChars("abc./-_0123456789").ofMinLength(1).ofMaxLength(12)
        .filter(k -> !k.chars().allMatch(Character::isDigit));
    Arbitrary<List<Integer>> steps = Arbitraries.integers().between(0, 2).list().ofMaxSize(6);
    return Combinators.combine(names, steps, names.list().ofSize(6), keys.list().ofSize(6),
        Arbitraries.integers().between(0, 99).list().ofSize(6)).as((first, kinds, ns, ks, is) -> {
          FieldPath p = FieldPath.of(first);
          for (int i = 0; i < kinds.size(); i++) {
            p = switch (kinds.get(i)) {
              case 0 -> p.child(ns.get(i));
              case 1 -> p.index(is.get(i));
              default -> p.key(ks.get(i));
            };
          }
          return p;
        });
  }

  @Property
  void parseIsTheInverseOfToString(@ForAll("paths") FieldPath path) {
    assertThat(FieldPath.parse(path.toString())).isEqualTo(path);
    assertThat(FieldPath.parse(path.toString()).toString()).isEqualTo(path.toString());
  }

  @Property
  void integerQuantitiesParseToTheirValue(@ForAll @IntRange(min = 0, max = 1_000_000) int n) {
    assertThat(Quantities.parse(Integer.toString(n))).hasValue(BigDecimal.valueOf(n));
    assertThat(Quantities.parse(n + "Ki")).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(
        BigDecimal.valueOf(n * 1024L)));
    assertThat(Quantities.parse(n + "m")).hasValueSatisfying(v -> assertThat(v.multiply(BigDecimal.valueOf(1000)))
        .isEqualByComparingTo(BigDecimal.valueOf(n)));
  }

  @Property
  void dnsLabelsAreAlsoSubdomainsAndQualifiedNames(@ForAll @StringLength(min = 1, max = 63) String s) {
    if (Names.dns1123Label(s).isEmpty()) {
      assertThat(Names.dns1123Subdomain(s)).isEmpty();
      assertThat(Names.qualifiedName(s)).isEmpty();
      assertThat(Names.labelValue(s)).isEmpty();
    }
  }

  @Property
  void validatorNeverThrowsOnArbitraryNames(@ForAll @StringLength(max = 80) String name,
      @ForAll @IntRange(min = -3, max = 3) int replicas) {
    var sts = RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1}]
        """);
    sts.getMetadata().setName(name);
    sts.getSpec().setReplicas(replicas);
    sts.getSpec().getTemplate().getSpec().getContainers().get(0).setName(name);
    Report r = Validator.defaults().validate(sts);
    assertThat(r.valid()).isEqualTo(Names.dns1123Label(name).isEmpty() && replicas >= 0);
  }
}
