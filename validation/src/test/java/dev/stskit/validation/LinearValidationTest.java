package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Validation is linear in the size of the object: 10,000 containers on one port, 10,000 env vars,
 * volumes or mounts of one name get one finding per duplicate (as kube-apiserver reports each
 * duplicate once), within a generous time and allocation bound that a quadratic pass (one warning
 * for every pair: 2,000 containers took 29 s and 3.5 GB) cannot meet. Measured in bench, not here.
 */
class LinearValidationTest {
  private static final int N = 10_000;
  /** Generous: about 100 KB per element over every rule set, where the quadratic pass needed megabytes. */
  private static final long MAX_BYTES = 2_000_000_000L;

  @Test
  void tenThousandContainersOnOnePort() {
    List<Container> containers = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      containers.add(new ContainerBuilder().withName("c" + i).withImage("nginx:1.27")
          .addNewPort().withContainerPort(80).endPort().build());
    }
    Report r = validate(sts(s -> {
      s.getSpec().getTemplate().getSpec().setContainers(containers);
      return s;
    }));
    assertThat(r.findings().stream().filter(f -> f.ruleId().equals("k8s-apiserver-warnings")
        && f.path().endsWith(".ports[0]")).count()).isEqualTo(N - 1);
  }

  @Test
  void tenThousandEnvVarsOfOneName() {
    List<EnvVar> env = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      env.add(new EnvVar("SAME", "v" + i, null));
    }
    Report r = validate(sts(s -> {
      s.getSpec().getTemplate().getSpec().getContainers().get(0).setEnv(env);
      return s;
    }));
    assertThat(r.findings().stream().filter(f -> f.path().contains(".env[")).count()).isEqualTo(N - 1);
  }

  @Test
  void tenThousandVolumesAndMountsOfOneName() {
    List<Volume> volumes = new ArrayList<>();
    List<VolumeMount> mounts = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      volumes.add(new VolumeBuilder().withName("same").withNewEmptyDir().endEmptyDir().build());
      VolumeMount m = new VolumeMount();
      m.setName("same");
      m.setMountPath("/same");
      mounts.add(m);
    }
    Report r = validate(sts(s -> {
      s.getSpec().getTemplate().getSpec().setVolumes(volumes);
      s.getSpec().getTemplate().getSpec().getContainers().get(0).setVolumeMounts(mounts);
      return s;
    }));
    assertThat(r.findings().stream().filter(f -> f.path().contains("volumes[") && f.type() == ErrorType.DUPLICATE)
        .count()).isEqualTo(N - 1);
    assertThat(r.findings().stream().filter(f -> f.path().contains("volumeMounts[")).count())
        .isLessThanOrEqualTo(2L * N);
  }

  private static StatefulSet sts(Function<StatefulSet, StatefulSet> change) {
    StatefulSet base = new StatefulSetBuilder().withNewMetadata().withName("big").withNamespace("ns").endMetadata()
        .withNewSpec().withServiceName("big").withNewSelector().addToMatchLabels("app", "big").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "big").endMetadata().withNewSpec()
        .addNewContainer().withName("main").withImage("nginx:1.27").endContainer()
        .endSpec().endTemplate().endSpec().build();
    return change.apply(base);
  }

  private static Report validate(StatefulSet sts) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      long before = mx.getCurrentThreadAllocatedBytes();
      Report r = ValidatorRobustnessProperties.EVERY_SET.validate(sts);
      long used = mx.getCurrentThreadAllocatedBytes() - before;
      System.out.println("LinearValidationTest: " + r.findings().size() + " findings, " + used / 1_000_000 + " MB");
      assertThat(used).isLessThan(MAX_BYTES);
      return r;
    });
  }
}
