package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.Topology;
import dev.stskit.core.scheduling.TopologySpread;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Topology spread constraints compile to the pod template and lift back into scheduling. */
class TopologySpreadLiftTest {
  private static final TopologySpread ZONE = TopologySpread.builder().maxSkew(1).topologyKey(Topology.ZONE)
      .whenUnsatisfiable(TopologySpread.DO_NOT_SCHEDULE).putMatchLabel("app", "web")
      .addMatchExpression(LabelRule.in("tier", "db")).minDomains(2).nodeAffinityPolicy("Honor")
      .nodeTaintsPolicy("Ignore").addMatchLabelKey("controller-revision-hash").build();

  private static StatefulSetSpec spec(TopologySpread... t) {
    return StatefulSetSpec.builder().name("web").addContainer(ContainerSpec.of("web", "nginx:1.27"))
        .scheduling(dev.stskit.core.scheduling.Scheduling.builder().addTopologySpreadConstraints(t).build()).build();
  }

  @Test
  void compilesEveryFieldAndLiftsItBackWithoutExtras() {
    StatefulSet sts = spec(ZONE).compile().statefulSet();
    TopologySpreadConstraint c = sts.getSpec().getTemplate().getSpec().getTopologySpreadConstraints().get(0);
    assertThat(c.getMaxSkew()).isEqualTo(1);
    assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(c.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
    assertThat(c.getLabelSelector().getMatchLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(c.getLabelSelector().getMatchExpressions())
        .containsExactly(new LabelSelectorRequirement("tier", "In", List.of("db")));
    assertThat(c.getMinDomains()).isEqualTo(2);
    assertThat(c.getNodeAffinityPolicy()).isEqualTo("Honor");
    assertThat(c.getNodeTaintsPolicy()).isEqualTo("Ignore");
    assertThat(c.getMatchLabelKeys()).containsExactly("controller-revision-hash");

    Lifted lifted = StatefulSetSpec.lift(sts);
    assertThat(lifted.spec().scheduling().topologySpreadConstraints()).containsExactly(ZONE);
    assertThat(lifted.notRepresented()).noneMatch(p -> p.contains("topologySpreadConstraints"));
    assertThat(SpecFiles.read(SpecFiles.writeYaml(lifted.spec()))).isEqualTo(lifted.spec());
  }

  @Test
  void aConstraintNoLabelSelectorCanHoldStaysInTheExtrasAsItIs() {
    StatefulSet sts = new StatefulSetBuilder(spec(ZONE).compile().statefulSet()).editSpec().editTemplate().editSpec()
        .editFirstTopologySpreadConstraint().editLabelSelector().withMatchExpressions(
            new LabelSelectorRequirement("cores", "Gt", List.of("4"))).endLabelSelector()
        .endTopologySpreadConstraint().endSpec().endTemplate().endSpec().build();
    Lifted lifted = StatefulSetSpec.lift(sts);
    assertThat(lifted.spec().scheduling().topologySpreadConstraints()).isEmpty();
    assertThat(lifted.notRepresented()).contains("spec.template.spec.topologySpreadConstraints");
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(sts);
  }
}
