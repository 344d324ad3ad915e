package dev.stskit.render.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import dev.stskit.render.ReaderLimits;
import dev.stskit.render.YamlRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fast path builds exactly the tree snakeyaml-engine builds (values, styles, positions) for
 * every input it accepts — rendered objects, corpus-like text, and mutations of both.
 */
class FastYamlDifferentialProperties {

  private static String text(String r) {
    try (InputStream in = FastYamlDifferentialProperties.class.getResourceAsStream("/" + r)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final List<String> SAMPLES = List.of(Fixtures.text(Fixtures.MYSQL_PAGE),
      text("golden/statefulset-services.yaml"), text("golden/quoting-torture.yaml"),
      text("golden/mysql-page-sorted.yaml"), text("golden-inputs/configmap.yaml"));

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> rendered = dev.stskit.render.StsArbitrariesAccess.statefulSets()
        .map(s -> YamlRenderer.applyReady().render(s));
    Arbitrary<String> mutated = Combinators.combine(Arbitraries.of(SAMPLES), Arbitraries.doubles().between(0, 1),
        Arbitraries.integers().between(0, 12), Arbitraries.strings().withChars(" \n:-#'\"|>").ofMaxLength(3))
        .as((t, at, len, ins) -> {
          int p = (int) (at * t.length());
          return t.substring(0, p) + ins + t.substring(Math.min(t.length(), p + len));
        });
    return Arbitraries.oneOf(rendered, mutated, Arbitraries.of(SAMPLES));
  }

  @Property
  void fastPathAgreesWithSnakeYaml(@ForAll("texts") String text) {
    ReaderLimits limits = ReaderLimits.defaults();
    List<YNode> fast = FastYaml.tryParse(text, limits, "t");
    net.jqwik.api.statistics.Statistics.label("fast path").collect(fast != null)
        .coverage(c -> c.check(true).percentage(p -> p > 20));
    if (fast == null) {
      return;
    }
    List<YNode> full;
    try {
      full = new TreeBuilder(limits, "t").parseFully(text);
    } catch (dev.stskit.render.ManifestReadException e) {
      throw new AssertionError("fast path accepted what snakeyaml-engine rejects: " + e.getMessage() + "\n" + text);
    }
    assertThat(dump(fast)).isEqualTo(dump(full));
  }

  static String dump(List<YNode> docs) {
    StringBuilder sb = new StringBuilder();
    for (YNode d : docs) {
      dump(d, sb, 0);
      sb.append("---\n");
    }
    return sb.toString();
  }

  private static void dump(YNode n, StringBuilder sb, int depth) {
    sb.append(" ".repeat(depth)).append(n.type).append(' ');
    if (!n.isNull()) {
      sb.append(n.line).append(':').append(n.column); // empty scalars' marks differ and carry no field
    }
    sb.append(' ').append(n.plain).append(' ').append(n.value == null ? "" : n.value.replace("\n", "\\n")).append('\n');
    for (int i = 0; i < n.size; i++) {
      dump(n.items[i], sb, depth + 1);
    }
  }
}
