package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The quoting of rendered strings, checked by an independent YAML 1.1 reader (SnakeYAML 2.x, whose
 * resolver reads {@code yes}, {@code on}, {@code 0755}, {@code 1_000}, {@code 190:20:30} and
 * timestamps the YAML 1.1 way, as kubectl's reader does): every torture string must come back as
 * that same string, both from what the renderer writes now and from the committed golden file
 * (which the renderer itself produced, so it cannot vouch for its own quoting).
 */
class QuotingYaml11Test {
  private static Map<String, Object> readYaml11(String text) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object doc = yaml.load(text);
    assertThat(doc).isInstanceOf(Map.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) doc;
    return map;
  }

  private static void assertEveryStringSurvives(String text) {
    Map<String, Object> doc = readYaml11(text);
    @SuppressWarnings("unchecked")
    Map<Object, Object> data = (Map<Object, Object>) doc.get("data");
    List<String> expected = GoldenFilesTest.TORTURE;
    assertThat(data).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Object value = data.get(String.format("k%03d", i));
      assertThat(value).as("data.k%03d, written for %s", i, show(expected.get(i))).isEqualTo(expected.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object> values = (List<Object>) doc.get("valuesInAList");
    assertThat(values).containsExactlyElementsOf(new ArrayList<>(expected));
    @SuppressWarnings("unchecked")
    Map<Object, Object> keys = (Map<Object, Object>) doc.get("keysAsTheyCome");
    assertThat(keys.keySet()).as("keys read back as the same strings")
        .containsExactlyInAnyOrderElementsOf(new TreeSet<>(expected));
  }

  private static String show(String s) {
    return "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }

  @Test
  void renderedStringsReadBackAsTheSameStringsInYaml11() {
    assertEveryStringSurvives(YamlRenderer.applyReady().render(List.of(GoldenFilesTest.tortureObject())));
  }

  @Test
  void theCommittedGoldenFileReadsBackTheSameWay() {
    assertEveryStringSurvives(Fixtures.testResource("golden/quoting-torture.yaml"));
  }

  @Test
  void theReaderIsYaml11() {
    // the check is only worth something if the reader resolves the YAML 1.1 way (190:20:30 is
    // sexagesimal: 190*3600 + 20*60 + 30)
    Map<String, Object> doc = readYaml11("a: yes\nb: 0755\nc: 1_000\nd: on\ne: 190:20:30\n");
    assertThat(doc).containsEntry("a", true).containsEntry("b", 493).containsEntry("c", 1000)
        .containsEntry("d", true).containsEntry("e", 685230);
  }
}
