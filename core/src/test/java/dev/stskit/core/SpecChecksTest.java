package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpecChecksTest {
  @Test
  void missingNameNamesMetadataName() {
    assertThatThrownBy(() -> StatefulSetSpec.builder().addContainer(ContainerSpec.of("a", "nginx")).build())
        .isInstanceOf(SpecException.class)
        .hasMessage("metadata.name: required");
  }

  @Test
  void negativeReplicasNamesSpecReplicas() {
    assertThatThrownBy(() -> StatefulSetSpec.builder().name("web").replicas(-1)
            .addContainer(ContainerSpec.of("a", "nginx")).build())
        .isInstanceOf(SpecException.class)
        .hasMessage("spec.replicas: must be >= 0");
  }

  @Test
  void noContainerNamesTheContainersField() {
    assertThatThrownBy(() -> StatefulSetSpec.builder().name("web").build())
        .isInstanceOf(SpecException.class)
        .hasMessage("spec.template.spec.containers: required");
  }

  @Test
  void containerWithoutImageNamesTheContainer() {
    assertThatThrownBy(() -> ContainerSpec.builder().name("api").build())
        .isInstanceOf(SpecException.class)
        .hasMessage("container \"api\": image: required")
        .satisfies(e -> {
          assertThat(((SpecException) e).path()).isEqualTo("image");
          assertThat(((SpecException) e).problem()).isEqualTo("required");
          assertThat(((SpecException) e).container()).contains("api");
        });
    assertThatThrownBy(() -> ContainerSpec.of("a", ""))
        .isInstanceOf(SpecException.class)
        .hasMessage("container \"a\": image: required");
    assertThatThrownBy(() -> ContainerSpec.builder().name("api").image("nginx")
            .postStart(Action.tcpSocket(80)).build())
        .isInstanceOf(SpecException.class)
        .hasMessage("container \"api\": lifecycle: a hook runs exec or httpGet only");
  }

  @Test
  void aContainerInASpecFileIsNamedByIndexAndName() {
    String file = "name: web\ncontainers:\n  - {name: web, image: nginx}\n  - name: api\n    command: [serve]\n";
    assertThatThrownBy(() -> SpecFiles.read(file))
        .isInstanceOf(SpecFileException.class)
        .hasMessageEndingWith(": spec.template.spec.containers[1] (name \"api\"): image: required")
        .satisfies(e -> {
          SpecFileException f = (SpecFileException) e;
          assertThat(f.path()).isEqualTo("spec.template.spec.containers[1].image");
          assertThat(f.container()).contains("api");
          assertThat(f.line()).isPresent();
        });
  }

  @Test
  void anyErrorInsideAContainerOfASpecFileNamesIt() {
    String file = "name: web\ncontainers:\n  - {name: web, image: nginx}\n  - {name: api, image: api:1, cpuRequest: lots}\n";
    assertThatThrownBy(() -> SpecFiles.read(file))
        .isInstanceOf(SpecFileException.class)
        .hasMessageContaining("<string>:4: spec.template.spec.containers[1] (name \"api\"): resources.requests.cpu: ")
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("spec.template.spec.containers[1].resources.requests.cpu"));
    String init = "name: web\ncontainers: [{name: web, image: nginx}]\n"
        + "initContainers:\n  - name: fetch\n    image: busybox\n    readinessProbe: {action: {type: tcpSocket, port: 80}}\n";
    assertThatThrownBy(() -> SpecFiles.read(init))
        .hasMessageContaining("spec.template.spec.initContainers[0] (name \"fetch\"): readinessProbe: an init container");
  }

  @Test
  void aContainerWithoutANameIsNamedByIndexOnly() {
    String file = "name: web\ncontainers:\n  - {image: nginx}\n";
    assertThatThrownBy(() -> SpecFiles.read(file))
        .isInstanceOf(SpecFileException.class)
        .satisfies(e -> assertThat(((SpecException) e).container()).isEmpty())
        .hasMessageNotContaining("(name");
  }

  @Test
  void anInitContainerWithAProbeInAJavaSpecIsNamedByIndexAndName() {
    assertThatThrownBy(() -> StatefulSetSpec.builder().name("web")
            .addContainer(ContainerSpec.of("web", "nginx"))
            .addInitContainer(ContainerSpec.builder().name("fetch").image("busybox")
                .livenessProbe(Probe.of(Action.tcpSocket(80))).build())
            .build())
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("spec.template.spec.initContainers[0] (name \"fetch\"): livenessProbe: an init container")
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("spec.template.spec.initContainers[0].livenessProbe"));
  }

  @Test
  void aLongContainerNameKeepsTheMessageShort() {
    String name = "n".repeat(5000);
    assertThatThrownBy(() -> ContainerSpec.builder().name(name).build())
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(600).contains("image: required"))
        .satisfies(e -> assertThat(((SpecException) e).container()).contains(name));
  }

  @Test
  void podLabelContradictingTheSelectorNamesBothSides() {
    assertThatThrownBy(() -> StatefulSetSpec.builder().name("web").putPodLabel("app", "other")
            .addContainer(ContainerSpec.of("a", "nginx")).build())
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("spec.template.metadata.labels[app]:")
        .hasMessageContaining("other").hasMessageContaining("web");
  }

  @Test
  void liftOfAContainerWithoutImageNamesItsPath() {
    var sts = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder()
        .withNewMetadata().withName("x").endMetadata()
        .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("a").endContainer()
        .endSpec().endTemplate().endSpec().build();
    assertThatThrownBy(() -> StatefulSetSpec.lift(sts))
        .isInstanceOf(SpecException.class)
        .hasMessage("spec.template.spec.containers[0] (name \"a\"): image: required")
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("spec.template.spec.containers[0].image"));
  }

  @Test
  void malformedExtrasPathIsRejected() {
    assertThatThrownBy(() -> Extras.builder().addOmit("spec..replicas").build())
        .isInstanceOf(SpecException.class).hasMessageContaining("spec..replicas");
  }
}
