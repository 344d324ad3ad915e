package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.cluster.Clusters;
import dev.stskit.cluster.PodDriver;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link ClusterExample} against a real control plane, with {@link PodDriver} playing the kubelet. */
@ControlPlaneTest(controllers = true)
class ClusterExampleTest {
  @Test
  void applies_scales_restarts_rolls_back_watches_and_deletes_the_mysql_example(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "example");
    String name = MysqlExample.spec().name();
    List<String> log = new CopyOnWriteArrayList<>();
    try (PodDriver pods = new PodDriver(cp, ns).keepReady(name)) {
      ClusterExample.run(Clusters.connection(cp, ns), Duration.ofSeconds(120), log::add);
      assertThat(pods.client().apps().statefulSets().inNamespace(ns).list().getItems()).isEmpty();
      assertThat(pods.client().services().inNamespace(ns).list().getItems()).isEmpty();
    }
    assertThat(log).contains("statefulset.apps/" + name + " created", "scaled to 2", "restarted",
        "rolled back to the previous revision", name + ": Running (2 of 2 pods ready)",
        "StatefulSet/" + name + " deleted", "PersistentVolumeClaim/data-" + name + "-0 deleted");
    assertThat(log.indexOf(name + ": Running (2 of 2 pods ready)")).isLessThan(log.indexOf("StatefulSet/" + name + " deleted"));
  }
}
