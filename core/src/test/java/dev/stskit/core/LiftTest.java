package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LiftTest {
  @Test
  void liftedPageExampleCompilesBackToTheStrippedObject() {
    StatefulSet page = Fixtures.mysqlPage();
    Lifted lifted = StatefulSetSpec.lift(page);
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(ServerFields.strip(page));
  }

  static java.util.List<String> corpus() {
    return Fixtures.corpus();
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void liftedCorpusStatefulSetCompilesBackToItself(String resource) {
    StatefulSet sts = Fixtures.statefulSet(resource);
    Lifted lifted = StatefulSetSpec.lift(sts);
    assertThat(lifted.spec().compile().statefulSet()).isEqualTo(ServerFields.strip(sts));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void liftedCorpusStatefulSetSurvivesTheSpecFile(String resource) {
    StatefulSet sts = Fixtures.statefulSet(resource);
    StatefulSetSpec spec = StatefulSetSpec.lift(sts).spec();
    String yaml = SpecFiles.writeYaml(spec);
    StatefulSetSpec read = SpecFiles.read(yaml);
    assertThat(read).isEqualTo(spec);
    assertThat(read.compile().statefulSet()).isEqualTo(ServerFields.strip(sts));
    assertThat(SpecFiles.read(SpecFiles.writeJson(spec))).isEqualTo(spec);
  }
}
