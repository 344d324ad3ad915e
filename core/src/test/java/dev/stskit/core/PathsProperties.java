package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.internal.Beans;
import dev.stskit.core.internal.ExtrasStep;
import dev.stskit.core.internal.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class PathsProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Property
  void applyingTheDiffTurnsTheFirstTreeIntoTheSecond(
      @ForAll("objects") JsonNode from, @ForAll("objects") JsonNode to) {
    // the plain views of two objects: diff, then omissions and sets in path order, give the second
    Object a = Beans.toPlain(dev.stskit.core.internal.PlainValues.copy(plain(from)));
    Object b = Beans.toPlain(plain(to));
    Map<String, Object> set = new LinkedHashMap<>();
    List<String> omit = new ArrayList<>();
    ExtrasStep.diff(a, b, new ArrayList<>(), set, omit);
    Object target = dev.stskit.core.internal.PlainValues.copy(a);
    omit.forEach(p -> Beans.remove(target, Paths.parsePath(p)));
    set.entrySet().stream()
        .sorted((x, y) -> Paths.ORDER.compare(Paths.parsePath(x.getKey()), Paths.parsePath(y.getKey())))
        .forEach(e -> Beans.set(target, Paths.parsePath(e.getKey()), e.getValue()));
    assertThat(target).isEqualTo(b);
  }

  @Property
  void pathsSurviveFormatAndParse(@ForAll("keys") List<String> keys) {
    List<Paths.Segment> path = keys.stream().map(k -> (Paths.Segment) new Paths.Key(k)).toList();
    List<Paths.Segment> back = Paths.parsePath(Paths.format(path));
    assertThat(back).hasSameSizeAs(path);
    for (int i = 0; i < path.size(); i++) {
      String expected = keys.get(i);
      Paths.Segment s = back.get(i);
      String actual = s instanceof Paths.Key k ? k.name() : Integer.toString(((Paths.Index) s).index());
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Provide
  Arbitrary<List<String>> keys() {
    return key().list().ofMinSize(1).ofMaxSize(4);
  }

  private Arbitrary<String> key() {
    return Arbitraries.oneOf(
        Arbitraries.of("a", "spec", "a.b", "x]y", "", "0", "12", "back\\slash", "[", "app.kubernetes.io/name"),
        Arbitraries.strings().ofMaxLength(4));
  }

  @Provide
  Arbitrary<JsonNode> objects() {
    return object(3);
  }

  private Arbitrary<JsonNode> object(int depth) {
    return Arbitraries.maps(key(), value(depth - 1)).ofMaxSize(4).map(m -> {
      ObjectNode o = F.objectNode();
      m.forEach(o::set);
      return (JsonNode) o;
    });
  }

  private Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
        Arbitraries.integers().between(-3, 3).map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.of("x", "", "0755").map(s -> (JsonNode) F.stringNode(s)),
        Arbitraries.of(true, false).map(b -> (JsonNode) F.booleanNode(b)),
        Arbitraries.just((JsonNode) F.nullNode()));
    if (depth <= 0) {
      return scalars;
    }
    Arbitrary<JsonNode> arrays = Arbitraries.lazy(() -> value(depth - 1)).list().ofMaxSize(3).map(l -> {
      var a = F.arrayNode();
      l.forEach(a::add);
      return (JsonNode) a;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, scalars),
        net.jqwik.api.Tuple.of(2, Arbitraries.lazy(() -> object(depth))),
        net.jqwik.api.Tuple.of(1, arrays));
  }

  private static Object plain(JsonNode n) {
    return dev.stskit.core.internal.PlainValues.copy(
        dev.stskit.core.internal.PlainValues.of(n, ""));
  }
}
