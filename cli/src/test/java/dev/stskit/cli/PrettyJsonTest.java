package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link PrettyJson} writes what Jackson 3's default pretty printer writes for the same values,
 * character for character: the SARIF output was Jackson's, and its bytes must not change now that
 * no Jackson class writes it.
 */
class PrettyJsonTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Strings that take every escaping branch, and those that must not be escaped. */
  static final List<String> HOSTILE = List.of(
      "",
      " ",
      "\"",
      "\\",
      "\\\"",
      "a \"quoted\" \\path\\ and /slash/",
      "\u0000\u0001\u0007\u000B\u000E\u001A\u001B\u001F",
      "\b\t\n\f\r",
      "line one\nline two\r\n",
      "\u007F DEL \u0080 \u009F C1",
      "line\u2028separator\u2029paragraph",
      "😀 \uD83D\uDE00 𝄞",
      "lone high \uD800 and low \uDC00",
      "\uD83D",
      "中文消息 é ß ñ Ω",
      "\uFEFF BOM \uFFFE \uFFFF",
      "</script><!-- -->",
      "${x} %SRCROOT% {\"k\" : [ ]}",
      "tab\tat\tend\t",
      "x".repeat(9000) + "\u0001\"" + "y".repeat(9000));

  /** What the SARIF output was before: Jackson's default pretty printer over a tree of the values. */
  static String jackson(Object plain) {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(plain));
  }

  /** A Jackson tree of plain values, keeping the maps' order. */
  static JsonNode tree(Object plain) {
    if (plain == null) {
      return NODES.nullNode();
    } else if (plain instanceof String s) {
      return NODES.stringNode(s);
    } else if (plain instanceof Integer i) {
      return NODES.numberNode(i.intValue());
    } else if (plain instanceof Long l) {
      return NODES.numberNode(l.longValue());
    } else if (plain instanceof BigInteger b) {
      return NODES.numberNode(b);
    } else if (plain instanceof Boolean b) {
      return NODES.booleanNode(b);
    } else if (plain instanceof Map<?, ?> map) {
      ObjectNode o = NODES.objectNode();
      map.forEach((k, v) -> o.set((String) k, tree(v)));
      return o;
    } else if (plain instanceof List<?> list) {
      ArrayNode a = NODES.arrayNode();
      list.forEach(v -> a.add(tree(v)));
      return a;
    }
    throw new AssertionError("not a plain value: " + plain.getClass());
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  @Test
  void layoutOfEveryShapeIsJacksons() {
    List<Object> values = new ArrayList<>();
    values.add(map());
    values.add(List.of());
    values.add("top-level string");
    values.add(null);
    values.add(map("a", map(), "b", List.of(), "c", Arrays.asList(null, true, false)));
    values.add(map("objects", List.of(map("k", 1), map(), map("k", map("deeper", List.of(map("x", -1L)))))));
    values.add(map("nested", List.of(List.of(), List.of(List.of(1, 2)), List.of(map("k", "v")))));
    values.add(List.of(map("a", 1), List.of(map("b", 2), map())));
    values.add(map("numbers", List.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
        new BigInteger("123456789012345678901234567890"))));
    values.add(map("a", map("b", map("c", map("d", map("e", "deep"))))));
    for (Object v : values) {
      assertThat(PrettyJson.write(v)).as("%s", v).isEqualTo(jackson(v));
    }
    // the shape, spelled out once
    assertThat(PrettyJson.write(map("a", List.of(map("k", 1), "s"), "e", List.of(), "o", map())))
        .isEqualTo(String.join(System.lineSeparator(),
            "{", "  \"a\" : [ {", "    \"k\" : 1", "  }, \"s\" ],", "  \"e\" : [ ],", "  \"o\" : { }", "}"));
  }

  @Test
  void stringsAreEscapedAsJacksonEscapesThem() {
    for (String s : HOSTILE) {
      Object asValueAndKey = map(s, s, "list", List.of(s, map(s, List.of(s))));
      assertThat(PrettyJson.write(asValueAndKey)).as("%s", s).isEqualTo(jackson(asValueAndKey));
    }
    // every char, one at a time and all together (surrogates alone included)
    StringBuilder all = new StringBuilder();
    for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
      Object v = map("c", String.valueOf((char) c));
      assertThat(PrettyJson.write(v)).as("U+%04X", c).isEqualTo(jackson(v));
      all.append((char) c);
    }
    assertThat(PrettyJson.write(map("all", all.toString()))).isEqualTo(jackson(map("all", all.toString())));
    assertThat(PrettyJson.write("\u0001\u001f\"\\\u2028é")).isEqualTo("\"\\u0001\\u001F\\\"\\\\\u2028é\"");
  }

  @Test
  void refusesWhatJsonCannotHold() {
    assertThatThrownBy(() -> PrettyJson.write(map("d", 1.5))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
    Map<Object, Object> intKey = new LinkedHashMap<>();
    intKey.put(1, "x");
    assertThatThrownBy(() -> PrettyJson.write(intKey)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key");
  }

  @Property(tries = 500)
  void anyTreeOfPlainValuesIsWrittenAsJacksonWritesIt(@ForAll("trees") Object tree) {
    assertThat(PrettyJson.write(tree)).isEqualTo(jackson(tree));
  }

  @Provide
  Arbitrary<Object> trees() {
    return Arbitraries.recursive(PrettyJsonTest::leaves, PrettyJsonTest::containers, 0, 4);
  }

  private static Arbitrary<Object> leaves() {
    return Arbitraries.oneOf(
        strings().map(s -> (Object) s),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.bigIntegers().map(b -> (Object) b),
        Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b))
        .injectNull(0.05);
  }

  private static Arbitrary<Object> containers(Arbitrary<Object> inner) {
    return Arbitraries.oneOf(
        inner.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l)),
        Arbitraries.maps(strings(), inner).ofMaxSize(4).map(m -> (Object) new LinkedHashMap<>(m)));
  }

  /** Any chars (lone surrogates too), the escaped ones often, and the listed hostile strings. */
  private static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
        net.jqwik.api.Tuple.of(3, Arbitraries.strings().withCharRange('\u0000', '\u0021')
            .withChars('"', '\\', '/', '\u007F', '\u2028', '\u2029', 'é', '文', '\uD83D', '\uDE00').ofMaxLength(12)),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(HOSTILE)));
  }
}
