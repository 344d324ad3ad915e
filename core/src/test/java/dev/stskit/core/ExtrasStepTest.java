package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.internal.Paths;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class ExtrasStepTest {
  private static StatefulSetSpec spec(Extras extras) {
    return StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build())
        .extras(extras).build();
  }

  @Test
  void pathsFormatAndParseInKubernetesForm() {
    String path = "spec.template.metadata.annotations[prometheus.io/port]";
    assertThat(Paths.format(Paths.parsePath(path))).isEqualTo(path);
    assertThat(Paths.parsePath("spec.containers[0].env[12].value"))
        .containsExactly(new Paths.Key("spec"), new Paths.Key("containers"), new Paths.Index(0),
            new Paths.Key("env"), new Paths.Index(12), new Paths.Key("value"));
  }

  @Test
  void setWritesPlainJavaValuesIntoTheTypedObjectCreatingMissingObjects() {
    StatefulSet sts = spec(Extras.builder()
        .putSet("spec.template.spec.securityContext.fsGroup", 999)
        .putSet("spec.template.spec.containers[0].resources.limits.ephemeral-storage", "1Gi")
        .putSet("spec.persistentVolumeClaimRetentionPolicy", Map.of("whenDeleted", "Delete"))
        .putSet("spec.template.metadata.annotations[example.com/x]", "0755")
        .build()).compile().statefulSet();
    assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).isEqualTo(999L);
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits()
        .get("ephemeral-storage").toString()).isEqualTo("1Gi");
    assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Delete");
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations()).containsEntry("example.com/x", "0755");
  }

  /**
   * Issue 15 item 7: {@code set: {spec.template.spec.volumes: NULL}} compiled to {@code volumes} null, which
   * renders as the spec without it does ({@code []}) but made unequal {@code Manifests}. A null list or map
   * is the absent one, also inside an object set whole.
   */
  @Test
  void aListOrMapSetToNullIsTheAbsentOneAndTheManifestsAreEqual() {
    String base = "name: web\ncontainers:\n  - name: app\n    image: nginx:1.27\n";
    Manifests plain = SpecFiles.read(base).compile();
    Manifests nulled = SpecFiles.read(base + "extras:\n  set:\n    spec.template.spec.volumes: NULL\n"
        + "    spec.template.spec.hostAliases: ~\n    spec.template.spec.readinessGates: null\n").compile();
    assertThat(nulled.statefulSet().getSpec().getTemplate().getSpec().getVolumes()).isEmpty();
    assertThat(nulled).isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(nulled.statefulSet()).isEqualTo(plain.statefulSet());

    StatefulSet whole = spec(Extras.builder().putSet("spec.template.spec.securityContext",
        new java.util.HashMap<>(java.util.Collections.singletonMap("supplementalGroups", null))).build())
        .compile().statefulSet();
    assertThat(whole.getSpec().getTemplate().getSpec().getSecurityContext().getSupplementalGroups()).isEmpty();
  }

  @Test
  void extrasTakeJacksonNodesAsPlainValues() {
    Extras a = Extras.builder().putSet("x", JsonNodeFactory.instance.numberNode(5L)).build();
    Extras b = Extras.builder().putSet("x", 5).build();
    Extras c = Extras.builder().putSet("x", 5L).build();
    assertThat(a).isEqualTo(b).isEqualTo(c);
    assertThat(Extras.builder().putSet("y", JsonNodeFactory.instance.objectNode().put("k", "v")).build().set())
        .containsEntry("y", Map.of("k", "v"));
  }

  @Test
  void aSetOnAModelledFieldFailsNamingBoth() {
    assertThatThrownBy(() -> spec(Extras.builder().putSet("spec.podManagementPolicy", "Parallel").build()).compile())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("extras.set[spec.podManagementPolicy]")
        .hasMessageContaining("field podManagementPolicy")
        .hasMessageContaining("\"OrderedReady\"");
    assertThatThrownBy(() -> spec(Extras.builder()
            .putSet("spec.template.spec.containers[0].image", "nginx:2").build()).compile())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("container containers[0] (name \"app\") at image");
  }

  @Test
  void aValueOfTheWrongTypeFailsNamingTheExtrasAndThePath() {
    assertThatThrownBy(() -> spec(Extras.builder().putSet("spec.minReadySeconds", "x").build()).compile())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("extras.set[spec.minReadySeconds]")
        .hasMessageContaining("spec.minReadySeconds: expected a 32-bit integer, got the string \"x\"");
  }

  @Test
  void setCreatesMissingObjectsButNotMissingIndices() {
    assertThatThrownBy(() -> spec(Extras.builder()
            .putSet("spec.template.spec.containers[3].workingDir", "/x").build()).compile())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("containers[3]").hasMessageContaining("out of range");
  }

  @Test
  void omitLeavesADefaultOutOnlyWhileTheSpecHoldsIt() {
    Extras omit = Extras.builder().addOmit("spec.podManagementPolicy").addOmit("spec.revisionHistoryLimit").build();
    StatefulSet defaults = spec(omit).compile().statefulSet();
    assertThat(defaults.getSpec().getPodManagementPolicy()).isNull();
    assertThat(defaults.getSpec().getRevisionHistoryLimit()).isNull();
    StatefulSet edited = StatefulSetSpec.builder().from(spec(omit))
        .podManagementPolicy(PodManagementPolicy.PARALLEL).revisionHistoryLimit(3).build().compile().statefulSet();
    assertThat(edited.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
    assertThat(edited.getSpec().getRevisionHistoryLimit()).isEqualTo(3);
  }

  @Test
  void omitOfAFieldWithoutADefaultIsRefused() {
    assertThatThrownBy(() -> Extras.builder().addOmit("spec.selector").build())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("extras.omit[spec.selector]");
    assertThat(Extras.omittable()).containsKeys("spec.revisionHistoryLimit",
        "spec.template.spec.containers[*].imagePullPolicy");
  }

  /** Found by the mutation fuzzer (input 18434 of seed 20261203): the refusal was over 600 characters. */
  @Test
  void theOmitRefusalStaysUnder600CharactersWhateverThePath() {
    for (String path : new String[] {"spec.selector", "spec.template.metadata.labels." + "k".repeat(1024)}) {
      assertThatThrownBy(() -> Extras.builder().addOmit(path).build())
          .isInstanceOf(SpecException.class)
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThanOrEqualTo(600)
              .contains("spec.replicas", Extras.omittable().size() + " fields in all"));
    }
  }

  @Test
  void listAppendsApplyInIndexOrder() {
    Extras.Builder b = Extras.builder();
    for (int i = 0; i < 12; i++) {
      b.putSet("spec.template.spec.containers[0].args[" + i + "]", "a" + i);
    }
    StatefulSet sts = spec(b.build()).compile().statefulSet();
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).hasSize(12)
        .startsWith("a0", "a1").endsWith("a10", "a11");
    assertThat(List.of(1)).hasSize(1);
  }
}
