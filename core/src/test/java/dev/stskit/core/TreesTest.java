package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.internal.Trees;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class TreesTest {
  private static ObjectNode tree(String json) {
    return (ObjectNode) Trees.MAPPER.readTree(json);
  }

  @Test
  void pathsFormatAndParseInKubernetesForm() {
    String path = "spec.template.metadata.annotations[prometheus.io/port]";
    assertThat(Trees.format(Trees.parsePath(path))).isEqualTo(path);
    assertThat(Trees.parsePath("spec.containers[0].env[12].value"))
        .containsExactly(new Trees.Key("spec"), new Trees.Key("containers"), new Trees.Index(0),
            new Trees.Key("env"), new Trees.Index(12), new Trees.Key("value"));
  }

  @Test
  void diffThenApplyTurnsOneTreeIntoTheOther() {
    ObjectNode from = tree("{\"a\":1,\"b\":{\"c\":[1,2],\"d\":\"x\"},\"e\":[{\"f\":1}],\"gone\":true}");
    ObjectNode to = tree("{\"a\":2,\"b\":{\"c\":[1,2,3],\"d\":\"x\",\"n\":{\"deep\":{}}},\"e\":[{\"f\":1,\"g\":2}]}");
    Extras diff = Trees.diff(from, to);

    assertThat(diff.omit()).containsExactly("gone");
    assertThat(diff.set()).containsOnlyKeys("a", "b.c", "b.n.deep", "e[0].g");
    Trees.apply(from, diff, "test");
    assertThat((JsonNode) from).isEqualTo(to);
  }

  @Test
  void setCreatesMissingObjectsButNotMissingIndices() {
    ObjectNode t = tree("{\"spec\":{\"list\":[]}}");
    Trees.apply(t, Extras.builder().putSet("spec.x.y", Trees.MAPPER.readTree("1")).build(), "test");
    assertThat(t.at("/spec/x/y").intValue()).isEqualTo(1);
    assertThatThrownBy(() -> Trees.apply(t,
            Extras.builder().putSet("spec.list[3]", Trees.MAPPER.readTree("1")).build(), "StatefulSet s"))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("spec.list[3]").hasMessageContaining("out of range");
  }

  @Test
  void extrasNormalizeNumbersSoEqualityIgnoresHowTheyWereRead() {
    Extras a = Extras.builder().putSet("x", Trees.MAPPER.getNodeFactory().numberNode(5L)).build();
    Extras b = Extras.builder().putSet("x", Trees.MAPPER.getNodeFactory().numberNode(5)).build();
    assertThat(a).isEqualTo(b);
  }
}
