package dev.stskit.render;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators for StatefulSets with awkward strings and unknown fields. */
final class StsArbitraries {
  private StsArbitraries() {}

  /** Strings of every shape: YAML 1.1 special forms, multi-line, control and non-ASCII characters. */
  static Arbitrary<String> strings() {
    Arbitrary<String> any = Arbitraries.strings()
        .withCharRange('\u0000', '\u007F').withCharRange('\u0080', '\u00FF')
        .withCharRange('\u2000', '\u2030').withCharRange('\u4E00', '\u4E10').withChars('\uFEFF', '\uFFFD')
        .ofMaxLength(20);
    Arbitrary<String> yamlish = Arbitraries.strings().withChars(" :#-?'\"\n|>&*!%@`{}[],.~01yYnN")
        .ofMaxLength(8);
    Arbitrary<String> special = Arbitraries.of(GoldenFilesTest.TORTURE);
    Arbitrary<String> emoji = Arbitraries.of("😀", "a😀b", "𝄞\n𝄞");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(3, yamlish),
        net.jqwik.api.Tuple.of(3, special), net.jqwik.api.Tuple.of(1, emoji));
  }

  static Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(10);
  }

  /** JSON-like values as fabric8 keeps unknown fields: strings, ints, booleans, lists, maps. */
  static Arbitrary<Object> rawValues(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(strings().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<Object> list = rawValues(depth - 1).list().ofMaxSize(3).map(l -> (Object) l);
    Arbitrary<Object> map = Arbitraries.maps(strings(), rawValues(depth - 1)).ofMaxSize(3)
        .map(m -> (Object) new LinkedHashMap<>(m));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, list),
        net.jqwik.api.Tuple.of(1, map));
  }

  static Arbitrary<Map<String, Object>> unknownFields() {
    return Arbitraries.maps(names().map(n -> "x-" + n), rawValues(2)).ofMaxSize(2);
  }

  static Arbitrary<Container> containers() {
    Arbitrary<Quantity> quantities = Arbitraries.of("1", "100m", "0.5", "1Gi", "512Mi", "2e3", "1.5Gi")
        .map(Quantity::new);
    Arbitrary<IntOrString> ports = Arbitraries.oneOf(Arbitraries.integers().between(1, 65535).map(IntOrString::new),
        strings().map(IntOrString::new));
    return Combinators.combine(names(), strings(), strings().list().ofMaxSize(4),
        Arbitraries.maps(names().map(String::toUpperCase), strings()).ofMaxSize(4), quantities, ports,
        unknownFields(), Arbitraries.integers().between(0, 3))
        .as((name, image, args, env, cpu, port, unknown, flags) -> {
          ContainerBuilder b = new ContainerBuilder().withName(name).withImage(image).withArgs(args)
              .withNewResources().addToLimits("cpu", cpu).endResources()
              .withNewReadinessProbe().withNewHttpGet().withPort(port).endHttpGet().endReadinessProbe();
          if (flags % 2 == 1) {
            b.withStdin(true).withCommand("sh", "-c", image);
          }
          env.forEach((k, v) -> b.addNewEnv().withName(k).withValue(v).endEnv());
          Container c = b.build();
          unknown.forEach(c::setAdditionalProperty);
          return c;
        });
  }

  static Arbitrary<StatefulSet> statefulSets() {
    return Combinators.combine(names(), Arbitraries.maps(strings(), strings()).ofMaxSize(4),
        containers().list().ofMinSize(1).ofMaxSize(3), Arbitraries.integers().between(0, 100),
        unknownFields(), strings())
        .as((name, labels, containers, replicas, unknown, annotation) -> {
          StatefulSet s = new StatefulSetBuilder()
              .withNewMetadata().withName(name).withLabels(new LinkedHashMap<>(labels))
              .addToAnnotations("note", annotation).endMetadata()
              .withNewSpec().withReplicas(replicas).withServiceName(name)
              .withNewTemplate().withNewSpec().withContainers(new ArrayList<>(containers)).endSpec().endTemplate()
              .endSpec().build();
          unknown.forEach(s.getSpec()::setAdditionalProperty);
          return s;
        });
  }

  static List<String> sampleTexts() {
    return List.of(Fixtures.text(Fixtures.MYSQL_PAGE), Fixtures.testResource("golden/statefulset-services.yaml"),
        Fixtures.testResource("golden/quoting-torture.yaml"), Fixtures.testResource("golden/mysql-page.json"));
  }
}
