package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesOfTest {
  private static final StatefulSet WEB = new StatefulSetBuilder()
      .withNewMetadata().withName("web").withNamespace("shop").endMetadata()
      .withNewSpec().withServiceName("web-hl")
      .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web", "tier", "front")).endMetadata()
      .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
      .endTemplate().endSpec().build();

  private static Service service(String namespace, String name, Map<String, String> selector) {
    return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withNewSpec().withSelector(selector).endSpec().build();
  }

  @Test
  void theGoverningServiceAndTheServicesSelectingThePodsBelongInTheirOrder() {
    Service lb = service("shop", "web-lb", Map.of("app", "web"));
    Service governing = service("shop", "web-hl", Map.of());
    Service both = service("shop", "web-front", Map.of("app", "web", "tier", "front"));
    List<Service> all = List.of(lb, service("shop", "db", Map.of("app", "db")), governing, both);

    assertThat(ServicesOf.select(WEB, all)).containsExactly(lb, governing, both);
  }

  @Test
  void aServiceOfAnotherNamespaceASelectorWiderThanThePodLabelsOrNoSelectorDoesNotBelong() {
    assertThat(ServicesOf.belongs(WEB, service("other", "web-hl", Map.of("app", "web")))).isFalse();
    assertThat(ServicesOf.belongs(WEB, service("shop", "web-x", Map.of("app", "web", "zone", "a")))).isFalse();
    assertThat(ServicesOf.belongs(WEB, service("shop", "web-y", Map.of("app", "other")))).isFalse();
    assertThat(ServicesOf.belongs(WEB, service("shop", "web-z", Map.of()))).isFalse();
    assertThat(ServicesOf.belongs(WEB, new ServiceBuilder().withNewMetadata().withName("bare")
        .withNamespace("shop").endMetadata().build())).isFalse();
  }

  @Test
  void anUnsetNamespaceIsTheDefaultNamespace() {
    StatefulSet unset = new StatefulSetBuilder(WEB).editMetadata().withNamespace(null).endMetadata().build();
    assertThat(ServicesOf.belongs(unset, service(null, "web-hl", Map.of()))).isTrue();
    assertThat(ServicesOf.belongs(unset, service("default", "web-hl", Map.of()))).isTrue();
    assertThat(ServicesOf.belongs(unset, service("shop", "web-hl", Map.of()))).isFalse();
  }

  @Test
  void aSelectorLabelWithoutAValueSelectsNothing() {
    java.util.HashMap<String, String> selector = new java.util.HashMap<>();
    selector.put("zone", null);
    assertThat(ServicesOf.belongs(WEB, service("shop", "odd", selector))).isFalse();
  }

  @Test
  void whatTheImportLiftsWithAStatefulSetIsWhatItCompilesBack() {
    StatefulSetSpec spec = StatefulSetSpec.builder().name("web").namespace("shop")
        .addContainer(ContainerSpec.of("web", "nginx:1.27"))
        .addService(AccessService.builder().name("web-lb").addPort(ServicePort.of("http", 80)).build())
        .build();
    Manifests m = spec.compile();
    Service foreign = service("shop", "cache", Map.of("app", "cache"));
    List<Service> file = List.of(foreign, m.accessServices().get(0), m.governingService());

    List<Service> mine = ServicesOf.select(m.statefulSet(), file);

    assertThat(mine).containsExactly(m.accessServices().get(0), m.governingService());
    assertThat(StatefulSetSpec.lift(m.statefulSet(), mine, CompileOptions.defaults()).spec().compile()).isEqualTo(m);
  }

  @Test
  void nullInputsAreSpecExceptionsNamingThem() {
    assertThatThrownBy(() -> ServicesOf.select(null, List.of()))
        .isInstanceOf(SpecException.class).hasMessageContaining("no StatefulSet");
    assertThatThrownBy(() -> ServicesOf.select(WEB, null))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("services: ");
    assertThatThrownBy(() -> ServicesOf.select(WEB, Arrays.asList(service("shop", "a", Map.of()), null)))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("services[1]: ");
    assertThatThrownBy(() -> ServicesOf.belongs(WEB, null))
        .isInstanceOf(SpecException.class).hasMessageStartingWith("service: ");
  }
}
