package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The form's limits the builder enforces (core/README.md, "The form's limits"), the governing
 * Service's ports and namespace, and the warning lift gives when it removes ownerReferences.
 */
class FormLimitsTest {
  static ContainerSpec.Builder container(String name) {
    return ContainerSpec.builder().name(name).image("busybox:1.36");
  }

  static ContainerPort port(int number) {
    return ContainerPort.builder().containerPort(number).build();
  }

  static StatefulSetSpec.Builder spec() {
    return StatefulSetSpec.builder().name("web").addContainer(container("web").build());
  }

  @Test
  void initContainerProbesAndHooksAreRefusedAtBuildNamingTheField() {
    Probe probe = Probe.of(Action.tcpSocket(80));
    assertThatThrownBy(() -> spec().addInitContainer(container("init").livenessProbe(probe).build()).build())
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("spec.template.spec.initContainers[0] (name \"init\"): livenessProbe: ")
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("spec.template.spec.initContainers[0].livenessProbe"));
    assertThatThrownBy(() -> spec().addInitContainer(container("a").build())
        .addInitContainer(container("b").preStop(Action.exec("sh", "-c", "sleep 1")).build()).build())
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("spec.template.spec.initContainers[1] (name \"b\"): lifecycle.preStop: ");
    // on work containers they are the form's health check and lifecycle tabs
    assertThat(spec().addContainer(container("side").readinessProbe(probe).build()).build().containers()).hasSize(2);
  }

  @Test
  void aPartitionWithRecreateIsRefusedNotDropped() {
    assertThatThrownBy(() -> ImmutableUpdateStrategy.builder().mode(UpdateStrategy.Mode.RECREATE).partition(2).build())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("spec.updateStrategy.rollingUpdate.partition");
    assertThat(UpdateStrategy.recreate().partition()).isZero();
  }

  @Test
  void anEmptyDescriptionIsRefusedRatherThanWrittenAsAnEmptyAnnotation() {
    assertThatThrownBy(() -> spec().description("").build())
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("metadata.annotations[kpanda.io/describe]");
    assertThatThrownBy(() -> SpecFiles.read("name: web\ndescription: ''\ncontainers: [{name: c, image: nginx}]\n"))
        .hasMessageContaining("kpanda.io/describe");
  }

  @Test
  void liftKeepsAnEmptyDescriptionAnnotationAsAPlainAnnotation() {
    StatefulSet sts = spec().annotations(java.util.Map.of(StatefulSetSpec.DESCRIPTION_ANNOTATION, "")).build()
        .compile().statefulSet();
    Lifted lifted = StatefulSetSpec.lift(sts);
    assertThat(lifted.spec().description()).isEmpty();
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(sts);
  }

  @Test
  void liftOfANativeSidecarKeepsItsProbeVerbatim() {
    StatefulSet sts = spec().build().compile().statefulSet();
    io.fabric8.kubernetes.api.model.Container sidecar = new io.fabric8.kubernetes.api.model.ContainerBuilder()
        .withName("proxy").withImage("envoy:1.31").withImagePullPolicy("IfNotPresent").withRestartPolicy("Always")
        .withNewReadinessProbe().withNewTcpSocket().withNewPort(9901).endTcpSocket().endReadinessProbe()
        .build();
    sts.getSpec().getTemplate().getSpec().getInitContainers().add(sidecar);
    Lifted lifted = StatefulSetSpec.lift(sts);
    assertThat(lifted.spec().initContainers()).singleElement()
        .satisfies(c -> assertThat(c.readinessProbe()).isEmpty());
    assertThat(lifted.notRepresented()).anyMatch(p -> p.startsWith("spec.template.spec.initContainers[0].readinessProbe"));
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(sts);
  }

  /** k8s.io/kubernetes pkg/apis/core/validation/validation.go, validateServicePort and ValidateService. */
  @Test
  void theGeneratedHeadlessServiceHasNamedUniquePorts() {
    StatefulSetSpec s = StatefulSetSpec.builder().name("web")
        .addContainer(container("a").addPort(port(80)).addPort(ContainerPort.of("metrics", 9090)).build())
        .addContainer(container("b").addPort(port(80)).addPort(ContainerPort.of("metrics", 9091))
            .addPort(ContainerPort.builder().containerPort(53).protocol(Protocol.UDP).build())
            .addPort(ContainerPort.of("dns", 53)).build())
        .build();
    Service gov = s.compile().governingService();
    List<io.fabric8.kubernetes.api.model.ServicePort> ports = gov.getSpec().getPorts();
    assertThat(ports).extracting(p -> p.getPort() + "/" + p.getProtocol())
        .containsExactly("80/TCP", "9090/TCP", "9091/TCP", "53/UDP", "53/TCP");
    assertThat(ports).extracting(io.fabric8.kubernetes.api.model.ServicePort::getName)
        .containsExactly("tcp-80", "metrics", "tcp-9091", "udp-53", "dns")
        .allMatch(n -> n.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?") && n.length() <= 63);
    Set<String> unique = new HashSet<>();
    assertThat(ports).allMatch(p -> unique.add(p.getName()));
  }

  @Test
  void aSingleUnnamedPortStaysUnnamedAndAGeneratedNameNeverClashes() {
    Service one = StatefulSetSpec.builder().name("web")
        .addContainer(container("a").addPort(port(80)).build()).build().compile().governingService();
    assertThat(one.getSpec().getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isNull());
    Service clash = StatefulSetSpec.builder().name("web")
        .addContainer(container("a").addPort(port(80)).addPort(ContainerPort.of("tcp-80", 81)).build())
        .build().compile().governingService();
    assertThat(clash.getSpec().getPorts()).extracting(io.fabric8.kubernetes.api.model.ServicePort::getName)
        .containsExactly("tcp-80-2", "tcp-80");
  }

  @Test
  void aStatefulSetWithoutNamespaceGetsServicesWithoutOne() {
    StatefulSet sts = spec().addService(AccessService.builder().name("web-api")
        .addPort(ServicePort.of("http", 80)).build()).build().compile().statefulSet();
    sts.getMetadata().setNamespace(null);
    Manifests m = StatefulSetSpec.lift(sts).spec().compile();
    assertThat(m.statefulSet().getMetadata().getNamespace()).isNull();
    assertThat(m.governingService().getMetadata().getNamespace()).isNull();
    // a spec naming its namespace, or the form's default, still writes it everywhere
    assertThat(spec().build().compile().governingService().getMetadata().getNamespace()).isEqualTo("default");
  }

  @Test
  void anImportedServiceWithNamespaceKeepsItNextToAStatefulSetWithout() {
    Manifests compiled = spec().addService(AccessService.builder().name("web-api")
        .addPort(ServicePort.of("http", 80)).build()).build().compile();
    StatefulSet sts = compiled.statefulSet();
    sts.getMetadata().setNamespace(null);
    Service api = compiled.accessServices().get(0); // namespace: default, as exported
    Manifests m = StatefulSetSpec.lift(sts, List.of(api), CompileOptions.defaults()).spec().compile();
    assertThat(m.accessServices()).singleElement()
        .satisfies(s -> assertThat(s.getMetadata().getNamespace()).isEqualTo("default"));
    assertThat(m.governingService().getMetadata().getNamespace()).isNull();
  }

  @Test
  void liftWarnsAboutEveryOwnerReferenceItRemoves() {
    StatefulSet sts = Fixtures.mysqlPage();
    Lifted lifted = StatefulSetSpec.lift(sts);
    assertThat(lifted.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w).contains("ownerReferences removed"));
    assertThat(lifted.warnings().get(0)).startsWith("metadata.ownerReferences removed (owner MysqlCluster/");
    assertThat(lifted.spec().compile().statefulSet().getMetadata().getOwnerReferences()).isEmpty();
    assertThat(StatefulSetSpec.lift(spec().build().compile().statefulSet()).warnings()).isEmpty();
  }
}
