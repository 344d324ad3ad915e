package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.units.Storage;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The examples of core/README.md work as written. */
class ReadmeTest {
  private static String fullExample() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
    return readme.substring(start, readme.indexOf("```", start));
  }

  @Test
  void fullSpecFileExampleReadsCompilesAndRoundTrips() throws IOException {
    StatefulSetSpec spec = SpecFiles.read(fullExample());
    assertThat(SpecFiles.read(SpecFiles.writeYaml(spec))).isEqualTo(spec);

    Manifests m = spec.compile();
    StatefulSet sts = m.statefulSet();
    assertThat(sts.getMetadata().getAnnotations()).containsEntry("kpanda.io/describe", "LLM inference");
    assertThat(sts.getSpec().getRevisionHistoryLimit()).isNull();
    assertThat(sts.getSpec().getTemplate().getSpec().getPriorityClassName()).isEqualTo("high-priority");
    assertThat(sts.getSpec().getTemplate().getSpec().getShareProcessNamespace()).isTrue();
    assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).isEqualTo(1000L);
    assertThat(sts.getSpec().getTemplate().getSpec().getSecurityContext().getSeccompProfile().getType())
        .isEqualTo("RuntimeDefault");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getSecurityContext().getCapabilities()
        .getDrop()).containsExactly("ALL");
    assertThat(sts.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("kubernetes.io/os", "linux");
    var volumes = sts.getSpec().getTemplate().getSpec().getVolumes();
    assertThat(volumes.get(2).getSecret().getItems()).extracting(i -> i.getPath()).containsExactly("server.crt", "server.key");
    assertThat(volumes.get(2).getSecret().getDefaultMode()).isEqualTo(256);
    assertThat(volumes.get(3).getProjected().getSources()).hasSize(4);
    assertThat(volumes.get(3).getProjected().getSources().get(3).getServiceAccountToken().getAudience()).isEqualTo("vault");
    assertThat(volumes.get(4).getEphemeral().getVolumeClaimTemplate().getSpec().getStorageClassName()).isEqualTo("fast");
    assertThat(StatefulSetSpec.lift(sts).spec().volumes()).isEqualTo(spec.volumes());
    assertThat(sts.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).singleElement()
        .satisfies(t -> {
          assertThat(t.getMaxSkew()).isEqualTo(1);
          assertThat(t.getLabelSelector().getMatchLabels()).containsEntry("app", "inference");
          assertThat(t.getMatchLabelKeys()).containsExactly("controller-revision-hash");
        });
    assertThat(sts.getSpec().getTemplate().getSpec().getTolerations()).hasSize(3);
    assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getWorkingDir()).isEqualTo("/srv");
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("example.com/build", "0755")
        .containsKey("ipam.spidernet.io/ippools");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
        .containsKey("nvidia.com/gpu");
    assertThat(m.governingService().getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(m.accessServices()).singleElement()
        .satisfies(s -> assertThat(s.getSpec().getType()).isEqualTo("LoadBalancer"));
    assertThat(StatefulSetSpec.lift(sts, m.governingService(), m.accessServices().get(0)).spec().compile())
        .isEqualTo(m);
  }

  @Test
  void javaSnippetsWork() {
    StatefulSetSpec spec = StatefulSetSpec.builder()
        .name("mysql")
        .replicas(3)
        .description("orders database")
        .addContainer(ContainerSpec.builder()
            .name("mysql").image("mysql:8.4")
            .cpu("500m", "2").memory("1Gi", "4Gi")
            .addPort(ContainerPort.of("mysql", 3306))
            .addEnv(EnvVar.secretKey("MYSQL_ROOT_PASSWORD", "mysql-secret", "root"))
            .addVolumeMount(VolumeMount.of("data", "/var/lib/mysql"))
            .readinessProbe(Probe.of(Action.tcpSocket(3306)))
            .build())
        .addVolumeClaimTemplate(ClaimTemplate.of("data", Storage.gibibytes(20)))
        .addService(AccessService.builder().name("mysql-lb").type(ServiceType.LOAD_BALANCER)
            .addPort(ServicePort.of("mysql", 3306)).metallbAddressPool("pool-a").build())
        .build();
    Manifests m = spec.compile(CompileOptions.builder()
        .customize(sts -> new StatefulSetBuilder(sts)
            .editSpec().editTemplate().editSpec().withShareProcessNamespace(true).endSpec().endTemplate().endSpec()
            .build())
        .build());
    assertThat(m.all()).hasSize(3);
    assertThat(m.statefulSet().getSpec().getTemplate().getSpec().getShareProcessNamespace()).isTrue();

    StatefulSetSpec withExtras = StatefulSetSpec.builder().from(spec)
        .extras(Extras.builder()
            .putSet("spec.template.spec.shareProcessNamespace", true)   // plain Java values (or Jackson nodes)
            .addOmit("spec.revisionHistoryLimit")
            .build())
        .build();
    assertThat(withExtras.compile().statefulSet().getSpec().getTemplate().getSpec().getShareProcessNamespace()).isTrue();

    Lifted lifted = StatefulSetSpec.lift(m.statefulSet(), m.governingService(), m.accessServices().get(0));
    assertThat(lifted.notRepresented()).contains("spec.template.spec.shareProcessNamespace");
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(ServerFields.strip(m.statefulSet()));
  }
}
