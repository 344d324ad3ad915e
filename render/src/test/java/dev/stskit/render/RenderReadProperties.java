package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

class RenderReadProperties {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Provide
  Arbitrary<StatefulSet> statefulSets() {
    return StsArbitraries.statefulSets();
  }

  @Provide
  Arbitrary<String> strings() {
    return StsArbitraries.strings();
  }

  private static Object tree(Object o) {
    return JSON.valueToTree(o);
  }

  @Property
  void renderThenReadIsTheIdentityUnknownFieldsIncluded(@ForAll("statefulSets") StatefulSet sts) {
    String yaml = YamlRenderer.applyReady().render(sts);
    ReadResult back = ManifestReader.lenient().read(yaml);
    assertThat(back.problems()).isEmpty();
    assertThat(tree(back.objects().get(0))).isEqualTo(tree(sts));
  }

  @Property
  void sortedYamlAndJsonReadBackToo(@ForAll("statefulSets") StatefulSet sts) {
    for (String text : new String[] {YamlRenderer.applyReady().sortedKeys().render(sts), JsonRenderer.applyReady().render(sts)}) {
      assertThat(tree(ManifestReader.lenient().read(text).objects().get(0))).isEqualTo(tree(sts));
    }
  }

  @Property
  void renderingIsIdempotent(@ForAll("statefulSets") StatefulSet sts) {
    String once = YamlRenderer.applyReady().render(sts);
    assertThat(YamlRenderer.applyReady().render(sts)).isEqualTo(once);
    assertThat(YamlRenderer.applyReady().render(ManifestReader.lenient().read(once).objects())).isEqualTo(once);
  }

  @Property
  void strictReadingOfRenderedObjectsReportsOnlyTheUnknownFields(@ForAll("statefulSets") StatefulSet sts) {
    ReadResult r = ManifestReader.strict().read(YamlRenderer.applyReady().render(sts));
    assertThat(r.problems()).allSatisfy(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNKNOWN_FIELD);
      assertThat(p.path()).contains("x-");
      assertThat(r.documents().get(0).positionOf(p.path())).contains(p.position());
    });
  }

  @Property
  void everyStringComesBackAsTheSameString(@ForAll("strings") String s) {
    StatefulSet sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder()
        .withNewMetadata().withName("x").addToLabels(s, s).endMetadata()
        .withNewSpec().withServiceName(s).endSpec().build();
    StatefulSet back = (StatefulSet) ManifestReader.strict().read(YamlRenderer.applyReady().render(sts)).objects().get(0);
    assertThat(back.getSpec().getServiceName()).isEqualTo(s);
    assertThat(back.getMetadata().getLabels()).containsEntry(s, s);
  }
}
