package dev.stskit.core;

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
  void containerWithoutImageNamesTheImage() {
    assertThatThrownBy(() -> ContainerSpec.builder().name("a").build())
        .isInstanceOf(SpecException.class)
        .hasMessage("image: required");
    assertThatThrownBy(() -> ContainerSpec.of("a", ""))
        .isInstanceOf(SpecException.class)
        .hasMessage("image: required");
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
        .hasMessage("spec.template.spec.containers[0].image: required");
  }

  @Test
  void malformedExtrasPathIsRejected() {
    assertThatThrownBy(() -> Extras.builder().addOmit("spec..replicas").build())
        .isInstanceOf(SpecException.class).hasMessageContaining("spec..replicas");
  }
}
