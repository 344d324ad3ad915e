package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Real-world StatefulSets (reference corpus): read → render → read gives the same objects, byte-stably. */
class CorpusRoundTripTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** fabric8-independent normal form: Jackson's tree of the objects (nulls and empty lists left out alike). */
  static Object tree(Object o) {
    return JSON.valueToTree(o);
  }

  static Stream<String> corpus() {
    return Fixtures.allCorpus().stream();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void roundTripsThroughTheRenderer(String file) {
    List<HasMetadata> objects = ManifestReader.lenient().read(Fixtures.text(file), file).objects();
    assertThat(objects).isNotEmpty();
    for (YamlRenderer r : List.of(YamlRenderer.verbatim(), YamlRenderer.verbatim().sortedKeys())) {
      String yaml = r.render(objects);
      List<HasMetadata> back = ManifestReader.strict().read(yaml, file).objects();
      assertThat(tree(back)).as("read(render(x)) == x for %s", file).isEqualTo(tree(objects));
      assertThat(r.render(back)).as("render is idempotent").isEqualTo(yaml);
    }
    String json = JsonRenderer.verbatim().render(objects);
    assertThat(tree(ManifestReader.strict().read(json, file).objects())).isEqualTo(tree(objects));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void strictReadingReportsOnlyRealProblems(String file) {
    ReadResult r = ManifestReader.strict().read(Fixtures.text(file), file);
    for (ReadProblem p : r.problems()) {
      assertThat(p.line()).isPositive();
      assertThat(p.path()).isNotEmpty();
      assertThat(r.documents().stream().anyMatch(d -> d.positionOf(p.path()).isPresent())).isTrue();
    }
  }
}
