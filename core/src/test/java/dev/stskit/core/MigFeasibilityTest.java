package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.gpu.GpuRequest;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 item 8: a MIG request the packaged catalog knows no GPU can give is refused when it is built,
 * including from a spec file (with the field's path), but a live object asking for one is still lifted
 * and compiles back to what was read: a mixed-strategy resource stays verbatim in extras (listed in
 * {@link Lifted#notRepresented()}); a single-strategy object reads as whole cards plus its node-affinity
 * requirement. The {@code gpu} rule set reports both ({@code GpuMigProfileTest}).
 */
class MigFeasibilityTest {
  private static StatefulSetSpec spec(GpuRequest gpu) {
    return StatefulSetSpec.builder().name("infer")
        .addContainer(ContainerSpec.builder().name("t").image("pytorch").gpu(gpu).build()).build();
  }

  @Test
  void aSpecFileAskingForAnImpossibleProfileIsAnErrorAtTheProfile() {
    assertThatThrownBy(() -> SpecFiles.read("""
        name: infer
        containers:
          - name: t
            image: pytorch
            gpu: {mode: mig, profile: 1g.11gb, count: 1}
        """)).isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).path()).endsWith("containers[0].gpu.profile"))
        .hasMessageContaining("1g.11gb").hasMessageContaining("valid 1g profiles: 1g.5gb, 1g.6gb, 1g.10gb");
    assertThatThrownBy(() -> SpecFiles.read("""
        name: infer
        containers:
          - name: t
            image: pytorch
            gpu: {mode: mig, strategy: single, profile: 3g.20gb, count: 1, product: A100-SXM4-80GB}
        """)).isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).path()).endsWith("containers[0].gpu.profile"))
        .hasMessageContaining("does not exist on A100-80GB").hasMessageContaining("3g.40gb");
    // every field a GPU request refuses is named the same way, not as the resource limits it compiles to
    assertThatThrownBy(() -> SpecFiles.read("name: infer\ncontainers:\n  - name: t\n    image: pytorch\n"
        + "    gpu: {mode: vgpu, cards: 1, cores: 300}\n"))
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("spec.template.spec.containers[0].gpu.cores"))
        .hasMessage("<string>:5: spec.template.spec.containers[0] (name \"t\"): gpu.cores: vGPU compute must be"
            + " 0..100 (% of each card), got 300");
  }

  @Test
  void aLiveMixedStrategyObjectWithAnUnknownProfileIsLiftedWithTheResourceKept() {
    StatefulSet live = spec(GpuRequest.mig("1g.10gb", 1)).compile().statefulSet();
    var resources = live.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put("nvidia.com/mig-1g.11gb", new Quantity("1"));
    resources.setLimits(limits);

    Lifted lifted = StatefulSetSpec.lift(live);
    assertThat(lifted.spec().containers().get(0).gpu()).isEmpty();
    assertThat(lifted.notRepresented()).anyMatch(p -> p.contains("nvidia.com/mig-1g.11gb"));
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(ServerFields.strip(live));
  }

  @Test
  void aLiveSingleStrategyObjectOnAModelWithoutTheProfileIsLiftedWithTheRequirementKept() {
    StatefulSet live = spec(GpuRequest.migSingle("3g.40gb", 2, "A100-SXM4-80GB")).compile().statefulSet();
    var requirement = live.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0).getMatchExpressions().get(0);
    assertThat(requirement.getValues()).containsExactly("A100-SXM4-80GB-MIG-3g.40gb");
    requirement.setValues(List.of("A100-SXM4-80GB-MIG-3g.20gb"));

    Lifted lifted = StatefulSetSpec.lift(live);
    // two whole cards on nodes carrying the label, which no node can carry: read as written
    assertThat(lifted.spec().containers().get(0).gpu()).contains(GpuRequest.wholeCard(2));
    assertThat(lifted.spec().scheduling().requiredNodeTerms()).singleElement()
        .satisfies(t -> assertThat(t.rules()).singleElement().satisfies(r -> {
          assertThat(r.key()).isEqualTo("nvidia.com/gpu.product");
          assertThat(r.values()).containsExactly("A100-SXM4-80GB-MIG-3g.20gb");
        }));
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(ServerFields.strip(live));
  }
}
