package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class YamlRendererTest {

  @Test
  void applyReadyStripsServerFieldsEverywhereWithoutTouchingTheObject() {
    StatefulSet mysql = (StatefulSet) Strict.mysql();
    StatefulSet copy = new StatefulSetBuilder(mysql).build();
    mysql.getMetadata().getAnnotations().put("kubectl.kubernetes.io/last-applied-configuration", "{}");
    copy.getMetadata().getAnnotations().put("kubectl.kubernetes.io/last-applied-configuration", "{}");
    String yaml = YamlRenderer.applyReady().render(mysql);
    assertThat(yaml).doesNotContain("status:", "uid:", "resourceVersion:", "generation:", "creationTimestamp:",
        "ownerReferences:", "last-applied-configuration", "phase: Pending", "observedGeneration");
    assertThat(mysql).isEqualTo(copy);
    assertThat(mysql.getStatus()).isNotNull();
    assertThat(mysql.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getOwnerReferences()).hasSize(1);
  }

  @Test
  void keepOwnerReferencesKeepsThemInClaimTemplatesToo() {
    String yaml = YamlRenderer.applyReady().keepOwnerReferences().render(Strict.mysql());
    assertThat(yaml.split("ownerReferences:", -1)).hasSize(3);
    assertThat(yaml).doesNotContain("uid: d3f45527");
  }

  @Test
  void emptyObjectsAreKeptAndNullsAndEmptyListsLeftOut() {
    String yaml = YamlRenderer.applyReady().render(Strict.mysql());
    assertThat(yaml).contains("emptyDir: {}", "resources: {}").doesNotContain("null", "[]");
  }

  @Test
  void streamingGivesTheSameBytesAsAString() {
    List<HasMetadata> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(Strict.mysql());
    }
    String text = YamlRenderer.applyReady().render(all);
    StringWriter w = new StringWriter();
    YamlRenderer.applyReady().render(all, w);
    assertThat(w.toString()).isEqualTo(text);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    YamlRenderer.applyReady().render(all, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(text.split("\n---\n", -1)).hasSize(20);
  }

  @Test
  void unknownFieldsAreRendered() {
    StatefulSet s = (StatefulSet) Strict.mysql();
    s.getSpec().setAdditionalProperty("futureField", List.of("a", 1, true));
    assertThat(YamlRenderer.applyReady().render(s)).contains("  futureField:\n    - a\n    - 1\n    - true\n");
  }

  @Test
  void rendererIsImmutableAndSharedSafelyBetweenThreads() throws Exception {
    YamlRenderer r = YamlRenderer.applyReady();
    assertThat(r.sortedKeys()).isNotSameAs(r);
    assertThat(r.render(Strict.mysql())).isEqualTo(YamlRenderer.applyReady().render(Strict.mysql()));
    HasMetadata mysql = Strict.mysql();
    String expected = r.render(mysql);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        results.add(pool.submit(() -> r.render(mysql)));
      }
      for (Future<String> f : results) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void valuesWithoutAYamlFormAreAClearError() {
    GenericKubernetesResource g = new GenericKubernetesResource();
    g.setApiVersion("v1");
    g.setKind("ConfigMap");
    g.setAdditionalProperty("data", new Object());
    assertThatThrownBy(() -> YamlRenderer.applyReady().render(g)).isInstanceOf(RenderException.class)
        .hasMessageContaining("java.lang.Object");
    assertThatThrownBy(() -> YamlRenderer.applyReady().render((HasMetadata) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void jsonRendersOneObjectOrAList() {
    String one = JsonRenderer.applyReady().render(Strict.mysql());
    assertThat(one).startsWith("{\n  \"apiVersion\": \"apps/v1\",\n  \"kind\": \"StatefulSet\",");
    String two = JsonRenderer.applyReady().render(List.of(Strict.mysql(), Strict.mysql()));
    assertThat(two).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [\n    {");
    ReadResult back = ManifestReader.strict().read(two);
    assertThat(back.objects()).hasSize(2);
    assertThat(back.problems()).isEmpty();
  }
}
