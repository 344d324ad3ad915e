package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rendering is linear in the size of the object: 10,000 containers on one port, each with an env var,
 * a volume and a mount of one name, render to YAML and JSON and read back within a generous time and
 * allocation bound (the same documents validation gets in {@code LinearValidationTest}).
 */
class LinearRenderTest {
  private static final int N = 10_000;
  private static final long MAX_BYTES = 1_500_000_000L;

  @Test
  void tenThousandContainersRenderAndReadBackInLinearTime() {
    StatefulSetBuilder b = new StatefulSetBuilder().withNewMetadata().withName("big").withNamespace("ns").endMetadata()
        .withNewSpec().withServiceName("big").withNewSelector().addToMatchLabels("app", "big").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "big").endMetadata().withNewSpec().endSpec()
        .endTemplate().endSpec();
    StatefulSet sts = b.build();
    for (int i = 0; i < N; i++) {
      VolumeMount m = new VolumeMount();
      m.setName("same");
      m.setMountPath("/same");
      sts.getSpec().getTemplate().getSpec().getContainers().add(new ContainerBuilder().withName("c" + i)
          .withImage("nginx:1.27").addNewPort().withContainerPort(80).endPort()
          .addToEnv(new EnvVar("SAME", "v", null)).addToVolumeMounts(m).build());
      sts.getSpec().getTemplate().getSpec().getVolumes()
          .add(new VolumeBuilder().withName("same").withNewEmptyDir().endEmptyDir().build());
    }
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      long before = mx.getCurrentThreadAllocatedBytes();
      String yaml = YamlRenderer.applyReady().render(sts);
      String json = JsonRenderer.applyReady().render(sts);
      ReadResult back = ManifestReader.lenient().read(yaml, "big.yaml");
      long used = mx.getCurrentThreadAllocatedBytes() - before;
      assertThat(yaml).contains("name: c" + (N - 1));
      assertThat(json).contains("\"c" + (N - 1) + "\"");
      assertThat(((StatefulSet) back.objects().get(0)).getSpec().getTemplate().getSpec().getContainers()).hasSize(N);
      assertThat(used).isLessThan(MAX_BYTES);
    });
  }
}
