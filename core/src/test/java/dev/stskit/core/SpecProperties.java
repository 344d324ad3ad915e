package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.spec.SpecDomain;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.domains.Domain;

@Domain(SpecDomain.class)
class SpecProperties {

  @Property
  void compileThenLiftThenCompileGivesTheFirstCompile(@ForAll StatefulSetSpec spec) {
    Manifests first = spec.compile();
    List<Service> services = new ArrayList<>();
    services.add(first.governingService());
    services.addAll(first.accessServices());
    Lifted lifted = StatefulSetSpec.lift(first.statefulSet(), services.toArray(Service[]::new));
    Manifests second = lifted.spec().compile();
    assertThat(second).isEqualTo(first);
    Statistics.label("gpu").collect(spec.containers().stream()
        .flatMap(c -> c.gpu().stream()).map(g -> g.mode()).findFirst().orElse("none"));
    Statistics.label("services").collect(spec.services().size());
  }

  @Property
  void liftRecoversEveryModelledFieldWithoutExtras(@ForAll StatefulSetSpec spec) {
    StatefulSetSpec plain = StatefulSetSpec.builder().from(spec).extras(Extras.none()).build();
    Manifests m = plain.compile();
    List<Service> services = new ArrayList<>();
    services.add(m.governingService());
    services.addAll(m.accessServices());
    Lifted lifted = StatefulSetSpec.lift(m.statefulSet(), services.toArray(Service[]::new));
    assertThat(lifted.spec().extras()).isEqualTo(Extras.none());
    assertThat(lifted.spec().governingServiceExtras()).isEqualTo(Extras.none());
    assertThat(lifted.spec().services()).allSatisfy(s -> assertThat(s.extras()).isEqualTo(Extras.none()));
  }

  @Property
  void specFileRoundTripGivesTheSameSpec(@ForAll StatefulSetSpec spec) {
    String yaml = SpecFiles.writeYaml(spec);
    assertThat(SpecFiles.read(yaml)).isEqualTo(spec);
    assertThat(SpecFiles.writeYaml(SpecFiles.read(yaml))).isEqualTo(yaml);
  }

  @Property
  void specFileJsonRoundTripGivesTheSameSpec(@ForAll StatefulSetSpec spec) {
    assertThat(SpecFiles.read(SpecFiles.writeJson(spec))).isEqualTo(spec);
  }

  @Property
  void builderFromGivesAnEqualValue(@ForAll StatefulSetSpec spec) {
    assertThat(StatefulSetSpec.builder().from(spec).build()).isEqualTo(spec);
    for (ContainerSpec c : spec.containers()) {
      assertThat(ContainerSpec.builder().from(c).build()).isEqualTo(c);
    }
  }

  @Property
  void compilingTwiceGivesEqualObjects(@ForAll StatefulSetSpec spec) {
    assertThat(spec.compile()).isEqualTo(spec.compile());
  }

  @Property
  void selectorIsCoherentWithPodLabelsAndEveryServiceSelector(@ForAll StatefulSetSpec spec) {
    Manifests m = spec.compile();
    var selector = m.statefulSet().getSpec().getSelector().getMatchLabels();
    assertThat(m.statefulSet().getSpec().getTemplate().getMetadata().getLabels()).containsAllEntriesOf(selector);
    assertThat(m.governingService().getSpec().getSelector()).isEqualTo(selector);
    for (int i = 0; i < spec.services().size(); i++) {
      if (spec.services().get(i).selector().isEmpty()) {
        assertThat(m.accessServices().get(i).getSpec().getSelector()).isEqualTo(selector);
      }
    }
  }
}
