package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LiftServicesTest {
  static List<String> multidoc() {
    return Fixtures.corpusWithServices();
  }

  @ParameterizedTest
  @MethodSource("multidoc")
  void liftedWithItsServicesCompilesBackToEveryObject(String resource) {
    StatefulSet sts = Fixtures.statefulSet(resource);
    List<Service> services = Fixtures.services(resource);
    Lifted lifted = StatefulSetSpec.lift(sts, services, CompileOptions.defaults());
    Manifests m = lifted.spec().compile();

    assertThat(m.statefulSet()).isEqualTo(ServerFields.strip(sts));
    String serviceName = sts.getSpec().getServiceName();
    Service governing = services.stream().filter(s -> s.getMetadata().getName().equals(serviceName))
        .findFirst().orElse(null);
    if (governing != null) {
      assertThat(m.governingService()).isEqualTo(ServerFields.strip(governing));
    }
    List<Service> access = services.stream().filter(s -> s != governing).map(ServerFields::strip).toList();
    assertThat(m.accessServices()).isEqualTo(access);
  }

  @Test
  void cockroachPublicServiceBecomesAnAccessServiceWithItsPorts() {
    String resource = "corpus/multidoc/kubernetes__examples__archived-cockroachdb-statefulset.yaml";
    Lifted lifted = StatefulSetSpec.lift(Fixtures.statefulSet(resource), Fixtures.services(resource),
        CompileOptions.defaults());
    assertThat(lifted.spec().services()).singleElement().satisfies(s -> {
      assertThat(s.name()).isEqualTo("cockroachdb-public");
      assertThat(s.type()).isEqualTo(ServiceType.CLUSTER_IP);
      assertThat(s.ports()).extracting(ServicePort::port).containsExactly(26257, 8080);
    });
  }

  @Test
  void withoutItsServiceCompileGeneratesAHeadlessOne() {
    String resource = "corpus/multidoc/kubernetes__examples__archived-cockroachdb-statefulset.yaml";
    Service gov = StatefulSetSpec.lift(Fixtures.statefulSet(resource)).spec().compile().governingService();
    assertThat(gov.getMetadata().getName()).isEqualTo("cockroachdb");
    assertThat(gov.getSpec().getClusterIP()).isEqualTo("None");
  }

  @Test
  void notRepresentedNamesTheServiceOfEachPath() {
    String resource = "corpus/multidoc/kubernetes__examples__archived-cockroachdb-statefulset.yaml";
    Lifted lifted = StatefulSetSpec.lift(Fixtures.statefulSet(resource), Fixtures.services(resource),
        CompileOptions.defaults());
    assertThat(lifted.notRepresented()).anyMatch(p -> p.startsWith("Service cockroachdb: "));
  }
}
