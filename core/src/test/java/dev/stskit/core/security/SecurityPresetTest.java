package dev.stskit.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.Action;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Probe;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.Volume;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityPresetTest {
  private static StatefulSetSpec.Builder base() {
    return StatefulSetSpec.builder().name("web")
        .addInitContainer(ContainerSpec.of("init", "busybox:1.36"))
        .addContainer(ContainerSpec.of("web", "nginx:1.27"));
  }

  @Test
  void fillsInWhatTheRestrictedProfileRequiresOnThePodAndEveryContainer() {
    StatefulSetSpec spec = SecurityPreset.restricted().apply(base().build());
    PodSpec pod = spec.compile().statefulSet().getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    for (Container c : List.of(pod.getInitContainers().get(0), pod.getContainers().get(0))) {
      assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
      assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
    }
    // the result is an ordinary spec: it writes and reads back as a spec file
    assertThat(SpecFiles.read(SpecFiles.writeYaml(spec))).isEqualTo(spec);
  }

  @Test
  void keepsWhatTheSpecSetsWithinTheProfile() {
    StatefulSetSpec spec = base()
        .podSecurity(PodSecurity.builder().fsGroup(2000L).seccompProfile(Profile.localhost("audit.json")).build())
        .containers(List.of(ContainerSpec.builder().name("web").image("nginx:1.27").runAsUser(1000L)
            .security(ContainerSecurity.builder().readOnlyRootFilesystem(true)
                .capabilities(LinuxCapabilities.builder().addAdd("NET_BIND_SERVICE").addDrop("NET_RAW").build()).build())
            .build()))
        .build();
    StatefulSetSpec hardened = SecurityPreset.restricted().apply(spec);
    assertThat(hardened.podSecurity().orElseThrow().fsGroup()).contains(2000L);
    assertThat(hardened.podSecurity().orElseThrow().seccompProfile()).contains(Profile.localhost("audit.json"));
    ContainerSecurity web = hardened.containers().get(0).security().orElseThrow();
    assertThat(web.readOnlyRootFilesystem()).contains(true);
    assertThat(web.capabilities().orElseThrow().add()).containsExactly("NET_BIND_SERVICE");
    assertThat(web.capabilities().orElseThrow().drop()).containsExactly("NET_RAW", "ALL");
    assertThat(hardened.containers().get(0).runAsUser()).contains(1000L);
    assertThat(SecurityPreset.restricted().apply(hardened)).as("applying twice changes nothing").isEqualTo(hardened);
  }

  @Test
  void refusesWhatTheProfileForbidsNamingTheField() {
    ContainerSpec privileged = ContainerSpec.builder().name("web").image("nginx:1.27").privileged(true).build();
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base().containers(List.of(privileged)).build()))
        .isInstanceOf(SpecException.class)
        .hasMessageStartingWith("spec.template.spec.containers[0].securityContext.privileged: container \"web\"")
        .hasMessageContaining("restricted Pod Security Standard");
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base().hostNetwork(true).build()))
        .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).path())
        .isEqualTo("spec.template.spec.hostNetwork");
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base().addVolume(Volume.hostPath("logs", "/var/log")).build()))
        .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).path())
        .isEqualTo("spec.template.spec.volumes[0]");
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base().runAsUser(0L).build()))
        .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).path())
        .isEqualTo("spec.template.spec.securityContext.runAsUser");
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base()
            .podSecurity(PodSecurity.builder().seccompProfile(Profile.unconfined()).build()).build()))
        .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).path())
        .isEqualTo("spec.template.spec.securityContext.seccompProfile.type");
    ContainerSpec netAdmin = ContainerSpec.builder().name("web").image("nginx:1.27")
        .security(ContainerSecurity.builder().capabilities(LinuxCapabilities.builder().addAdd("NET_ADMIN").build()).build())
        .build();
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base().containers(List.of(netAdmin)).build()))
        .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).path())
        .isEqualTo("spec.template.spec.containers[0].securityContext.capabilities.add[0]");
    ContainerSpec probeHost = ContainerSpec.builder().name("web").image("nginx:1.27")
        .readinessProbe(Probe.of(Action.HttpGet.builder().port(dev.stskit.core.units.Port.number(80)).host("10.0.0.1").build()))
        .build();
    assertThatThrownBy(() -> SecurityPreset.restricted().apply(base().containers(List.of(probeHost)).build()))
        .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).path())
        .isEqualTo("spec.template.spec.containers[0].readinessProbe.httpGet.host");
  }
}
