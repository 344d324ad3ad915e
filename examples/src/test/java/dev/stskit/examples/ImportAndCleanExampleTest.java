package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.StatefulSetSpec;
import dev.stskit.examples.ImportAndCleanExample.Imported;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportAndCleanExampleTest {
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private static Imported imported() {
    return ImportAndCleanExample.importAndClean(ImportAndCleanExample.bundled(), "redis-live.yaml");
  }

  /** The apply-ready output read back: headless Service, access Service, StatefulSet. */
  private static List<HasMetadata> output() {
    ReadResult read = ManifestReader.strict().read(imported().applyReadyYaml(), "out.yaml");
    assertThat(read.problems()).isEmpty();
    return read.objects();
  }

  @Test
  void theFixtureHasEveryServerPopulatedField() {
    ReadResult read = ManifestReader.lenient().read(ImportAndCleanExample.bundled(), "redis-live.yaml");
    StatefulSet live = ReadResults.statefulSet(read);
    ObjectMeta meta = live.getMetadata();

    assertThat(meta.getUid()).isNotNull();
    assertThat(meta.getResourceVersion()).isNotNull();
    assertThat(meta.getGeneration()).isNotNull();
    assertThat(meta.getCreationTimestamp()).isNotNull();
    assertThat(meta.getManagedFields()).isNotEmpty();
    assertThat(meta.getOwnerReferences()).isNotEmpty();
    assertThat(meta.getAnnotations()).containsKey(LAST_APPLIED);
    assertThat(live.getStatus()).isNotNull();
    assertThat(live.getSpec().getVolumeClaimTemplates().get(0).getStatus()).isNotNull();
    assertThat(ReadResults.services(read)).extracting(s -> s.getSpec().getClusterIP())
        .containsExactly("None", "10.96.142.17");
  }

  @Test
  void serverPopulatedFieldsAreGone() {
    for (HasMetadata o : output()) {
      ObjectMeta meta = o.getMetadata();
      String what = o.getKind() + "/" + meta.getName();
      assertThat(meta.getUid()).as(what).isNull();
      assertThat(meta.getResourceVersion()).as(what).isNull();
      assertThat(meta.getGeneration()).as(what).isNull();
      assertThat(meta.getCreationTimestamp()).as(what).isNull();
      assertThat(meta.getManagedFields()).as(what).isEmpty();
      assertThat(meta.getOwnerReferences()).as(what).isEmpty();
      assertThat(meta.getAnnotations()).as(what).doesNotContainKey(LAST_APPLIED);
    }
    StatefulSet sts = (StatefulSet) output().get(2);
    assertThat(sts.getStatus()).isNull();
    assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getStatus()).isNull();
    assertThat(sts.getSpec().getTemplate().getMetadata().getCreationTimestamp()).isNull();
    Service access = (Service) output().get(1);
    assertThat(access.getStatus()).isNull();
    assertThat(access.getSpec().getClusterIP()).isNull();
    assertThat(access.getSpec().getClusterIPs()).isEmpty();
    assertThat(imported().applyReadyYaml()).doesNotContain("10.96.142.17", "status:", "uid:", "managedFields");
  }

  @Test
  void userFieldsAreKept() {
    List<HasMetadata> out = output();
    Service headless = (Service) out.get(0);
    Service access = (Service) out.get(1);
    StatefulSet sts = (StatefulSet) out.get(2);

    assertThat(headless.getMetadata().getName()).isEqualTo("redis-headless");
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(headless.getSpec().getPublishNotReadyAddresses()).isTrue();
    assertThat(access.getMetadata().getName()).isEqualTo("redis");
    assertThat(access.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("redis");

    assertThat(sts.getMetadata().getLabels()).containsEntry("app.kubernetes.io/part-of", "checkout");
    assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
    assertThat(sts.getSpec().getServiceName()).isEqualTo("redis-headless");
    assertThat(sts.getSpec().getPersistentVolumeClaimRetentionPolicy().getWhenDeleted()).isEqualTo("Retain");
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("kubectl.kubernetes.io/restartedAt", "2025-05-02T10:11:12+08:00");
    var pod = sts.getSpec().getTemplate().getSpec();
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(999L);
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(999L);
    assertThat(pod.getContainers().get(0).getImage()).isEqualTo("redis:7.2.4");
    assertThat(pod.getContainers().get(0).getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
    assertThat(pod.getContainers().get(0).getLivenessProbe().getExec().getCommand()).containsExactly("redis-cli", "ping");
    assertThat(pod.getVolumes().get(0).getConfigMap().getName()).isEqualTo("redis-config");
    assertThat(sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getRequests().get("storage"))
        .hasToString("8Gi");
    // the form's default tolerations are not added to an object that had none
    assertThat(pod.getTolerations()).isEmpty();
  }

  @Test
  void notRepresentedListsWhatTheFormLacks() {
    assertThat(imported().lifted().spec().claimRetentionWhenDeleted()).isPresent();
    assertThat(imported().lifted().notRepresented()).doesNotContain(
        "spec.persistentVolumeClaimRetentionPolicy.whenDeleted");
    assertThat(imported().lifted().spec().podSecurity().orElseThrow().fsGroup()).isPresent();
    assertThat(imported().lifted().notRepresented()).doesNotContain("spec.template.spec.securityContext.fsGroup");
    assertThat(imported().lifted().notRepresented()).contains(
        "spec.template.spec.restartPolicy",
        "spec.template.spec.tolerations (absent)",
        "Service redis-headless: spec.publishNotReadyAddresses");
    assertThat(imported().lifted().notRepresented()).noneMatch(p -> p.startsWith("Service redis: spec.clusterIP"));
  }

  @Test
  void liftDropsOnlyAllocatedClusterIps() {
    StatefulSetSpec lifted = imported().lifted().spec();
    assertThat(lifted.services().get(0).extras().set())
        .doesNotContainKeys("spec.clusterIP", "spec.clusterIPs")
        .containsKeys("spec.ipFamilyPolicy");
    // the headless Service's None is the user's choice and stays
    assertThat(imported().manifests().governingService().getSpec().getClusterIP()).isEqualTo("None");
  }

  @Test
  void theImportValidatesClean() {
    assertThat(imported().report().findings()).isEmpty();
  }

  @Test
  void aFileWithoutStatefulSetIsRefusedByName() {
    String service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n";
    assertThatThrownBy(() -> ImportAndCleanExample.importAndClean(service, "only-service.yaml"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("only-service.yaml: no apps/v1 StatefulSet in the file");
  }

  @Test
  void mainPrintsNotesAsCommentsThenTheYaml() {
    String printed = Mains.stdout(ImportAndCleanExample::main);
    assertThat(printed).startsWith("# ").endsWith(imported().applyReadyYaml())
        .contains("#   spec.template.spec.restartPolicy\n", "# validation: valid, 0 finding(s)\n");
  }
}
