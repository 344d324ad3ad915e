package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.Lifted;
import dev.stskit.core.Manifests;
import dev.stskit.core.ServerFields;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MysqlExampleTest {
  private static final Path SPEC_FILE = Path.of("specs/mysql.yaml");

  /** The page's YAML, read as a user's file is read: strictly. */
  private static StatefulSet page() {
    return ReadResults.statefulSet(ReadResults.page());
  }

  @Test
  void pageReadsCleanStrictly() {
    assertThat(ReadResults.page().problems()).isEmpty();
  }

  @Test
  void builderGivesThePagesObjectMinusServerFields() {
    StatefulSet page = page();
    Lifted lifted = StatefulSetSpec.lift(page);

    assertThat(MysqlExample.manifests().statefulSet())
        .isEqualTo(ServerFields.strip(page))
        .isEqualTo(lifted.spec().compile().statefulSet());
  }

  @Test
  void specFileCompilesToTheSameObjects() {
    Manifests fromFile = SpecFiles.read(SPEC_FILE).compile();
    assertThat(fromFile).isEqualTo(MysqlExample.manifests());
  }

  @Test
  void specFileIsTheLiftedPage() {
    assertThat(SpecFiles.read(SPEC_FILE)).isEqualTo(StatefulSetSpec.lift(page()).spec());
  }

  @Test
  void liftKeepsOnlyWhatTheFormLacks() {
    assertThat(StatefulSetSpec.lift(page()).notRepresented()).containsExactlyInAnyOrder(
        "spec.template.spec.initContainers[0].terminationMessagePath",
        "spec.template.spec.initContainers[0].terminationMessagePolicy",
        "spec.template.spec.containers[0].terminationMessagePath",
        "spec.template.spec.containers[0].terminationMessagePolicy",
        "spec.template.spec.containers[1].terminationMessagePath",
        "spec.template.spec.containers[1].terminationMessagePolicy",
        "spec.template.spec.containers[2].terminationMessagePath",
        "spec.template.spec.containers[2].terminationMessagePolicy",
        "spec.template.spec.containers[3].terminationMessagePath",
        "spec.template.spec.containers[3].terminationMessagePolicy",
        "spec.template.spec.restartPolicy",
        "spec.template.spec.schedulerName",
        "spec.volumeClaimTemplates[0].spec.resources.limits.storage",
        "spec.template.spec.tolerations (absent)");
  }

  @Test
  void theBuilderSpecLiftsBackWithoutLoss() {
    Manifests m = MysqlExample.manifests();
    assertThat(StatefulSetSpec.lift(m.statefulSet(), m.governingService()).spec().compile()).isEqualTo(m);
  }

  @Test
  void validatesClean() {
    assertThat(Validator.defaults().validate(MysqlExample.manifests().statefulSet()).findings()).isEmpty();
  }

  @Test
  void mainPrintsTheSpecFileOfTheBuilderSpec() {
    assertThat(SpecFiles.read(Mains.stdout(MysqlExample::main))).isEqualTo(MysqlExample.spec());
  }
}
