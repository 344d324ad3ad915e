package dev.stskit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delete with each claim choice: the claims the templates made are kept or deleted, the Services go. */
@ControlPlaneTest(controllers = true)
class DeleteTest {
  static final Duration WAIT = Duration.ofSeconds(90);

  static final StatefulSetSpec SPEC = SpecFiles.read("""
      name: db
      replicas: 2
      podManagementPolicy: Parallel
      containers:
        - name: db
          image: postgres:17
          volumeMounts: [{name: data, mountPath: /var/lib/postgresql}]
      volumeClaimTemplates:
        - {name: data, size: 1Gi}
      services:
        - {name: db-api, type: ClusterIP, ports: [{name: pg, port: 5432, targetPort: 5432}]}
      """);

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void delete_keeps_or_deletes_the_claims_and_deletes_the_services(boolean deleteClaims, ControlPlane cp) {
    String ns = Clusters.namespace(cp, deleteClaims ? "delete-claims" : "keep-claims");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, SPEC), ApplyOptions.defaults());
      PodDriver.eventually("2 claims", () -> claims(pods, ns), l -> l.size() == 2, WAIT);
      List<String> dry = k8s.delete("db", DeleteOptions.defaults().withDeleteClaims(deleteClaims).withDryRun());
      assertThat(k8s.get("db")).as("a dry run deletes nothing").isNotNull();
      List<String> deleted = k8s.delete("db", DeleteOptions.defaults().withDeleteClaims(deleteClaims));
      assertThat(deleted).isEqualTo(dry);
      assertThat(deleted).contains("StatefulSet/db", "Service/db", "Service/db-api");
      if (deleteClaims) {
        assertThat(deleted).contains("PersistentVolumeClaim/data-db-0", "PersistentVolumeClaim/data-db-1");
        PodDriver.eventually("claims gone or going", () -> claims(pods, ns),
            l -> l.stream().allMatch(c -> c.getMetadata().getDeletionTimestamp() != null), WAIT);
      } else {
        assertThat(deleted).noneMatch(d -> d.startsWith("PersistentVolumeClaim/"));
        assertThat(claims(pods, ns)).extracting(c -> c.getMetadata().getName())
            .containsExactly("data-db-0", "data-db-1")
            .allSatisfy(n -> assertThat(pods.client().persistentVolumeClaims().inNamespace(ns).withName(n).get()
                .getMetadata().getDeletionTimestamp()).isNull());
      }
      assertThat(pods.client().services().inNamespace(ns).list().getItems()).isEmpty();
      PodDriver.eventually("StatefulSet and pods gone", () -> pods.client().apps().statefulSets().inNamespace(ns)
          .list().getItems().size() + pods.pods("db").size(), n -> n == 0, WAIT);
    }
  }

  @Test
  void a_service_sts_kit_did_not_apply_is_never_deleted(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "foreign-service");
    try (ClusterClient k8s = Clusters.client(cp, ns); PodDriver pods = new PodDriver(cp, ns)) {
      k8s.apply(Clusters.in(ns, SPEC), ApplyOptions.defaults());
      pods.client().services().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.ServiceBuilder()
          .withNewMetadata().withName("by-hand").endMetadata().withNewSpec()
          .addToSelector(SPEC.compile().statefulSet().getSpec().getSelector().getMatchLabels())
          .addNewPort().withPort(80).endPort().endSpec().build()).create();
      assertThat(k8s.delete("db", DeleteOptions.defaults()))
          .containsExactly("StatefulSet/db", "Service/db", "Service/db-api");
      assertThat(pods.client().services().inNamespace(ns).list().getItems())
          .extracting(s -> s.getMetadata().getName()).containsExactly("by-hand");
    }
  }

  static List<PersistentVolumeClaim> claims(PodDriver pods, String ns) {
    return pods.client().persistentVolumeClaims().inNamespace(ns).list().getItems().stream()
        .sorted(java.util.Comparator.comparing(c -> c.getMetadata().getName())).toList();
  }
}
