package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * sts-kit reads back what it writes (issue 10 items 3 and 16, issue 15 items 3, 5 and 7): every
 * object a renderer accepts reads back, with the default reader limits, as the same object; what
 * the reader would refuse, the renderer refuses with a {@link RenderException} naming the field.
 */
class ReadBackTest {

  private static final List<Function<HasMetadata, String>> RENDERERS = List.of(
      o -> YamlRenderer.applyReady().render(o),
      o -> YamlRenderer.applyReady().sortedKeys().render(o),
      o -> JsonRenderer.applyReady().render(o),
      o -> JsonRenderer.applyReady().render(List.of(o)));

  private static ConfigMap configMap() {
    return new ConfigMapBuilder().withNewMetadata().withName("x").endMetadata().build();
  }

  /** The renderer refuses it, or its output reads back as the same object. */
  private static void refusedOrReadBack(HasMetadata o) {
    for (Function<HasMetadata, String> r : RENDERERS) {
      String text;
      try {
        text = r.apply(o);
      } catch (RenderException e) {
        assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(600);
        continue;
      }
      assertThat(ManifestReader.strict().read(text).objects()).containsExactly(o);
    }
  }

  @Test
  void aMapThatContainsItselfIsARenderExceptionNamingTheField() {
    ConfigMap cm = configMap();
    Map<String, Object> self = new LinkedHashMap<>();
    self.put("a", self);
    cm.setAdditionalProperty("loop", self);
    for (Function<HasMetadata, String> r : RENDERERS) {
      assertThatThrownBy(() -> r.apply(cm)).isInstanceOf(RenderException.class)
          .hasMessageContaining("loop.a.a").hasMessageContaining("nested deeper than 100 levels");
    }
    List<Object> list = new ArrayList<>();
    list.add(list);
    ConfigMap cm2 = configMap();
    cm2.setAdditionalProperty("l", list);
    assertThatThrownBy(() -> YamlRenderer.applyReady().render(cm2)).isInstanceOf(RenderException.class)
        .hasMessageStartingWith("l[0][0]");
  }

  @Test
  void aNullObjectInTheListIsARenderException() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(configMap());
    objects.add(null);
    assertThatThrownBy(() -> JsonRenderer.applyReady().render(objects)).isInstanceOf(RenderException.class)
        .hasMessage("cannot render a null object (objects[1])");
    assertThatThrownBy(() -> YamlRenderer.applyReady().render(objects)).isInstanceOf(RenderException.class);
  }

  /**
   * Found by the mutation fuzzer: {@code drop: [{name: ~}]} (an object where a string belongs) was
   * read as a null element, rendered as {@code - null}, and read back as {@code ""}: render was
   * not a fixpoint. The element is the zero value, as encoding/json leaves it.
   */
  @Test
  void aWrongTypedListElementIsTheZeroValueAndRenderingIsAFixpoint() {
    String text = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n  template:\n    spec:\n"
        + "      containers:\n        - name: c\n          args: [a, {b: c}, [d]]\n"
        + "          securityContext: {capabilities: {drop: [{name: ~}]}}\n        - 5\n";
    ReadResult read = ManifestReader.strict().read(text);
    assertThat(read.problems()).extracting(ReadProblem::path).containsExactly(
        "spec.template.spec.containers[0].args[1]", "spec.template.spec.containers[0].args[2]",
        "spec.template.spec.containers[0].securityContext.capabilities.drop[0]", "spec.template.spec.containers[1]");
    StatefulSet once = (StatefulSet) read.objects().get(0);
    var containers = once.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers.get(0).getArgs()).containsExactly("a", "", "");
    assertThat(containers.get(0).getSecurityContext().getCapabilities().getDrop()).containsExactly("");
    assertThat(containers.get(1)).isEqualTo(new io.fabric8.kubernetes.api.model.Container());
    for (Function<HasMetadata, String> r : RENDERERS) {
      String rendered = r.apply(once);
      assertThat(ManifestReader.strict().read(rendered).objects()).containsExactly(once);
    }
  }

  /**
   * A null element of a typed list or a null value of a typed map reads back as the zero value
   * ({@code ""}), so it cannot be written as it is: a RenderException naming the field.
   */
  @Test
  void aNullInATypedListOrMapIsARenderExceptionNamingIt() {
    io.fabric8.kubernetes.api.model.Container c = new io.fabric8.kubernetes.api.model.ContainerBuilder()
        .withName("c").build();
    c.setArgs(new ArrayList<>(java.util.Arrays.asList("a", null)));
    StatefulSet sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder().withNewMetadata().withName("x")
        .endMetadata().withNewSpec().withNewTemplate().withNewSpec().withContainers(c).endSpec().endTemplate()
        .endSpec().build();
    for (Function<HasMetadata, String> r : RENDERERS) {
      assertThatThrownBy(() -> r.apply(sts)).isInstanceOf(RenderException.class)
          .hasMessageContaining("spec.template.spec.containers[0].args[1]: is null, which reads back as the empty value");
    }
    ConfigMap cm = configMap();
    Map<String, String> data = new LinkedHashMap<>();
    data.put("b", "x");
    data.put("a", null);
    cm.setData(data);
    for (Function<HasMetadata, String> r : RENDERERS) {
      assertThatThrownBy(() -> r.apply(cm)).isInstanceOf(RenderException.class)
          .hasMessageContaining("data.a: is null");
    }
    ConfigMap label = configMap();
    label.getMetadata().setLabels(new LinkedHashMap<>());
    label.getMetadata().getLabels().put("app", null);
    for (Function<HasMetadata, String> r : RENDERERS) {
      assertThatThrownBy(() -> r.apply(label)).isInstanceOf(RenderException.class)
          .hasMessageContaining("metadata.labels.app: is null");
    }
    // a list of untyped values keeps its null, and reads back with it
    ConfigMap untyped = configMap();
    untyped.setAdditionalProperty("x-list", new ArrayList<>(java.util.Arrays.asList("a", null)));
    refusedOrReadBack(untyped);
    assertThat(YamlRenderer.applyReady().render(untyped)).contains("- null");
  }

  @ParameterizedTest
  @ValueSource(ints = {95, 96, 97, 98, 99, 100, 101})
  void nestingAtTheDepthLimitIsRefusedOrReadsBack(int levels) {
    Object deep = "x";
    for (int i = 0; i < levels; i++) {
      deep = new LinkedHashMap<>(Map.of("k", deep));
    }
    ConfigMap cm = configMap();
    cm.setAdditionalProperty("deep", deep);
    refusedOrReadBack(cm);
  }

  @Test
  void theJsonListWrapperCountsAgainstTheDepthLimit() {
    Object deep = "x";
    for (int i = 0; i < 98; i++) {
      deep = new LinkedHashMap<>(Map.of("k", deep));
    }
    ConfigMap cm = configMap();
    cm.setAdditionalProperty("deep", deep);
    assertThat(ManifestReader.strict().read(JsonRenderer.applyReady().render(cm)).objects()).containsExactly(cm);
    assertThatThrownBy(() -> JsonRenderer.applyReady().render(List.of(cm))).isInstanceOf(RenderException.class)
        .hasMessageStartingWith("items[0].deep.k.k");
  }

  @Test
  void scalarsOverTheReaderLimitAreRefused() {
    refusedOrReadBack(new ConfigMapBuilder(configMap()).addToData("k", "x".repeat(1024 * 1024)).build());
    ConfigMap over = new ConfigMapBuilder(configMap()).addToData("k", "x".repeat(1024 * 1024 + 1)).build();
    for (Function<HasMetadata, String> r : RENDERERS) {
      assertThatThrownBy(() -> r.apply(over)).isInstanceOf(RenderException.class)
          .hasMessageContaining("data.k: a string of 1048577 characters");
    }
  }

  @Test
  void longKeysReadBackInYamlAndAreRefusedInJsonPastWhatYamlReads() {
    refusedOrReadBack(new ConfigMapBuilder(configMap()).addToData("k".repeat(1024), "v").build());
    ConfigMap longKey = new ConfigMapBuilder(configMap()).addToData("k".repeat(5000), "v").build();
    assertThat(ManifestReader.strict().read(YamlRenderer.applyReady().render(longKey)).objects())
        .containsExactly(longKey);
    assertThatThrownBy(() -> JsonRenderer.applyReady().render(longKey)).isInstanceOf(RenderException.class)
        .hasMessageContaining("a key of 5000 characters");
  }

  /** Issue 15 item 7: {@code kind: ~} in a claim template left the kind out, and it came back on re-read. */
  @Test
  void renderingIsAFixpointWhenAClaimTemplateSaysKindNull() {
    for (String header : List.of("apiVersion: ~, kind: ~", "apiVersion: 1, kind: ~", "apiVersion: v1, kind: ~",
        "apiVersion: 1, kind: 1")) {
      String text = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\nspec:\n"
          + "  volumeClaimTemplates:\n    - {" + header + ", metadata: {name: data}}\n";
      StatefulSet once = (StatefulSet) ManifestReader.strict().read(text).objects().get(0);
      for (Function<HasMetadata, String> r : RENDERERS) {
        String rendered = r.apply(once);
        StatefulSet twice = (StatefulSet) ManifestReader.strict().read(rendered).objects().get(0);
        assertThat(twice).as(header).isEqualTo(once);
        assertThat(r.apply(twice)).as(header).isEqualTo(rendered);
      }
    }
  }

  @Provide
  Arbitrary<HasMetadata> generics() {
    Arbitrary<Map<String, Object>> fields = Arbitraries.maps(
        StsArbitraries.strings().filter(k -> !k.equals("apiVersion") && !k.equals("kind") && !k.equals("metadata")),
        StsArbitraries.rawValues(3)).ofMaxSize(4);
    return net.jqwik.api.Combinators.combine(StsArbitraries.strings().filter(s -> !s.isEmpty()),
        StsArbitraries.strings().filter(s -> !s.isEmpty() && !s.equals("List")), fields).as((av, kind, extra) -> {
          GenericKubernetesResource g = new GenericKubernetesResource();
          g.setApiVersion("example.com/" + av);
          g.setKind(kind);
          g.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("n").build());
          extra.forEach(g::setAdditionalProperty);
          return g;
        });
  }

  /** Issue 10 item 16: for every object the renderer accepts, reading its output gives the same object. */
  @Property
  void everyObjectTheRenderersAcceptReadsBackAsTheSameObject(@ForAll("generics") HasMetadata o) {
    refusedOrReadBack(o);
  }

  @Property
  void everyStatefulSetTheRenderersAcceptReadsBackAsTheSameObject(
      @ForAll("statefulSets") StatefulSet sts) {
    refusedOrReadBack(sts);
  }

  @Provide
  Arbitrary<StatefulSet> statefulSets() {
    return StsArbitraries.statefulSets();
  }
}
