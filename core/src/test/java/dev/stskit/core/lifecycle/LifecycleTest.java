package dev.stskit.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.SpecException;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.UpdateStrategy;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.ControllerRevisionBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static StatefulSet web(UpdateStrategy strategy, String image) {
    return StatefulSetSpec.builder().name("web").replicas(3).updateStrategy(strategy)
        .addContainer(ContainerSpec.of("nginx", image)).build().compile().statefulSet();
  }

  @Test
  void scaleSetsReplicasOnACopy() {
    StatefulSet sts = web(UpdateStrategy.rolling(), "nginx:1");
    assertThat(Lifecycle.scale(sts, 5).getSpec().getReplicas()).isEqualTo(5);
    assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
    assertThatThrownBy(() -> Lifecycle.scale(sts, -1)).isInstanceOf(SpecException.class)
        .hasMessage("spec.replicas: must be >= 0");
  }

  @Test
  void restartStampsThePodTemplateLikeKubectl() {
    Lifecycle.Restart r = Lifecycle.restart(web(UpdateStrategy.rolling(), "nginx:1"),
        Instant.parse("2026-11-28T10:15:30.123Z"));
    assertThat(r.statefulSet().getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry(Lifecycle.RESTARTED_AT, "2026-11-28T10:15:30Z");
    assertThat(r.podsToDelete()).isEmpty();
  }

  @Test
  void restartWithRecreateListsThePodsToDelete() {
    Lifecycle.Restart r = Lifecycle.restart(web(UpdateStrategy.recreate(), "nginx:1"), Instant.EPOCH);
    assertThat(r.podsToDelete()).containsExactly("web-0", "web-1", "web-2");
  }

  private static ControllerRevision revision(long n, StatefulSet sts) {
    tools.jackson.databind.node.ObjectNode data = dev.stskit.core.internal.Trees.MAPPER.createObjectNode();
    tools.jackson.databind.node.ObjectNode template = dev.stskit.core.internal.Trees.toTree(sts.getSpec().getTemplate());
    template.put("$patch", "replace");
    data.putObject("spec").set("template", template);
    return new ControllerRevisionBuilder().withNewMetadata().withName("web-" + n).endMetadata()
        .withRevision(n).withData(data).build();
  }

  @Test
  void rollbackRestoresThePreviousTemplateByDefault() {
    StatefulSet v1 = web(UpdateStrategy.rolling(), "nginx:1");
    StatefulSet v2 = web(UpdateStrategy.rolling(), "nginx:2");
    StatefulSet v3 = web(UpdateStrategy.rolling(), "nginx:3");
    List<ControllerRevision> history = List.of(revision(3, v3), revision(1, v1), revision(2, v2));

    assertThat(Lifecycle.rollback(v3, history, 0).getSpec().getTemplate()).isEqualTo(v2.getSpec().getTemplate());
    assertThat(Lifecycle.rollback(v3, history, 1).getSpec().getTemplate()).isEqualTo(v1.getSpec().getTemplate());
    assertThatThrownBy(() -> Lifecycle.rollback(v3, history, 7)).isInstanceOf(SpecException.class)
        .hasMessageContaining("7");
    assertThatThrownBy(() -> Lifecycle.rollback(v3, List.of(revision(1, v1)), 0))
        .isInstanceOf(SpecException.class).hasMessageContaining("no previous revision");
  }

  @Test
  void deleteOptionsChooseThePropagation() {
    assertThat(Lifecycle.deleteOptions(false).getPropagationPolicy()).isEqualTo("Background");
    assertThat(Lifecycle.deleteOptions(true).getPropagationPolicy()).isEqualTo("Foreground");
  }
}
