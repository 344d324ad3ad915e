package dev.stskit.bench;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The three benchmark inputs: the platform's MySQL example, a one-container and a large StatefulSet. */
public final class Inputs {

  private Inputs() {}

  /**
   * The YAML text of an input: the page's own YAML for "mysql" (sts-kit-test-fixtures'
   * {@link Fixtures#MYSQL_PAGE}, the file every module's tests read), fabric8's YAML for the others.
   */
  public static String text(String name) {
    switch (name) {
      case "mysql":
        return Fixtures.text(Fixtures.MYSQL_PAGE);
      case "small":
        return Serialization.asYaml(small());
      case "large":
        return Serialization.asYaml(large());
      default:
        throw new IllegalArgumentException("unknown input " + name);
    }
  }

  /** The object of an input, read by fabric8 (a neutral party) from {@link #text}. */
  public static StatefulSet object(String name) {
    if (name.equals("mysql")) {
      return Serialization.unmarshal(text(name), StatefulSet.class);
    }
    return name.equals("small") ? small() : large();
  }

  /** One container, the form's defaults. */
  public static StatefulSet small() {
    return new StatefulSetBuilder()
        .withNewMetadata().withName("web").withNamespace("default").addToLabels("app", "web").endMetadata()
        .withNewSpec()
          .withReplicas(1)
          .withServiceName("web")
          .withNewSelector().addToMatchLabels("app", "web").endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "web").endMetadata()
            .withNewSpec()
              .addNewContainer()
                .withName("web").withImage("nginx:1.27").withImagePullPolicy("IfNotPresent")
                .addNewPort().withName("http").withContainerPort(80).withProtocol("TCP").endPort()
                .withNewResources()
                  .addToRequests("cpu", new Quantity("100m")).addToRequests("memory", new Quantity("128Mi"))
                  .addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
                .endResources()
              .endContainer()
            .endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }

  /** 20 containers × 30 env vars, 5 volume mounts each, liveness and readiness probes. */
  public static StatefulSet large() {
    List<io.fabric8.kubernetes.api.model.Container> containers = new ArrayList<>();
    for (int c = 0; c < 20; c++) {
      ContainerBuilder b = new ContainerBuilder()
          .withName("worker-" + c)
          .withImage("registry.example.com/team/worker:1.4." + c)
          .withImagePullPolicy("IfNotPresent")
          .withArgs("--shard=" + c, "--verbose", "--listen=0.0.0.0:" + (8000 + c))
          .addNewPort().withName("http").withContainerPort(8000 + c).withProtocol("TCP").endPort();
      for (int e = 0; e < 30; e++) {
        b.addToEnv(e % 3 == 0
            ? new EnvVarBuilder().withName("SECRET_" + e).withNewValueFrom().withNewSecretKeyRef()
                .withName("worker-secrets").withKey("key-" + e).withOptional(false).endSecretKeyRef()
                .endValueFrom().build()
            : new EnvVarBuilder().withName("VAR_" + e).withValue(e % 3 == 1 ? "value-" + e : "yes").build());
      }
      for (int m = 0; m < 5; m++) {
        b.addToVolumeMounts(new VolumeMountBuilder().withName("vol-" + m).withMountPath("/mnt/vol-" + m)
            .withReadOnly(m % 2 == 0).build());
      }
      b.withNewResources()
          .addToRequests("cpu", new Quantity("250m")).addToRequests("memory", new Quantity("256Mi"))
          .addToLimits("cpu", new Quantity("2")).addToLimits("memory", new Quantity("1Gi"))
          .endResources()
          .withNewLivenessProbe().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(8000 + c))
          .withScheme("HTTP").endHttpGet().withInitialDelaySeconds(10).withPeriodSeconds(10).endLivenessProbe()
          .withNewReadinessProbe().withNewExec().withCommand("/bin/sh", "-c", "test -f /tmp/ready").endExec()
          .withPeriodSeconds(5).endReadinessProbe();
      containers.add(b.build());
    }
    List<io.fabric8.kubernetes.api.model.Volume> volumes = new ArrayList<>();
    for (int m = 0; m < 5; m++) {
      volumes.add(new VolumeBuilder().withName("vol-" + m).withNewEmptyDir().endEmptyDir().build());
    }
    return new StatefulSetBuilder()
        .withNewMetadata().withName("large").withNamespace("batch").addToLabels("app", "large").endMetadata()
        .withNewSpec()
          .withReplicas(3)
          .withServiceName("large")
          .withNewSelector().addToMatchLabels("app", "large").endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "large").addToAnnotations("prometheus.io/scrape", "true").endMetadata()
            .withNewSpec().withContainers(containers).withVolumes(volumes).endSpec()
          .endTemplate()
        .endSpec()
        .build();
  }
}
