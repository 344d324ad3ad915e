package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.internal.Trees;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class TreesProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Property
  void applyingTheDiffTurnsTheFirstTreeIntoTheSecond(
      @ForAll("objects") JsonNode from, @ForAll("objects") JsonNode to) {
    ObjectNode target = (ObjectNode) from.deepCopy();
    Trees.apply(target, Trees.diff(from, to), "test");
    assertThat((JsonNode) target).isEqualTo(to);
  }

  @Property
  void pathsSurviveFormatAndParse(@ForAll("keys") List<String> keys) {
    List<Trees.Segment> path = keys.stream().map(k -> (Trees.Segment) new Trees.Key(k)).toList();
    List<Trees.Segment> back = Trees.parsePath(Trees.format(path));
    assertThat(back).hasSameSizeAs(path);
    for (int i = 0; i < path.size(); i++) {
      String expected = keys.get(i);
      Trees.Segment s = back.get(i);
      String actual = s instanceof Trees.Key k ? k.name() : Integer.toString(((Trees.Index) s).index());
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
}
