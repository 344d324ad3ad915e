package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/**
 * The strict reader reads quantities with resource.ParseQuantity's grammar (shared with core and
 * validation): a malformed one is a problem at its line and column, never a fabric8 Quantity that throws
 * from equals; exa and nano quantities are read.
 */
class QuantityReadingTest {
  private static String sts(String cpu) {
    return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: q}\nspec:\n  selector: {matchLabels: {a: b}}\n"
        + "  template:\n    metadata: {labels: {a: b}}\n    spec:\n      containers:\n        - name: c\n"
        + "          image: nginx\n          resources:\n            requests:\n              cpu: \"" + cpu + "\"\n";
  }

  @Test
  void malformedQuantitiesAreProblemsWithPosition() {
    for (String bad : new String[] {"..", "1.2.3", "1..", ".5.", "1e"}) {
      ReadResult r = ManifestReader.strict().read(sts(bad), "q.yaml");
      assertThat(r.problems()).as(bad).hasSize(1);
      ReadProblem p = r.problems().get(0);
      assertThat(p.path()).isEqualTo("spec.template.spec.containers[0].resources.requests[cpu]");
      assertThat(p.line()).isEqualTo(14);
      assertThat(p.message()).contains(bad);
      StatefulSet read = (StatefulSet) r.objects().get(0);
      assertThat(read).isEqualTo(ManifestReader.strict().read(sts(bad), "q.yaml").objects().get(0));
    }
  }

  @Test
  void exaNanoAndMicroAreQuantities() {
    for (String ok : new String[] {"1E", "9Ei", "100n", "250u", "1e3"}) {
      ReadResult r = ManifestReader.strict().read(sts(ok), "q.yaml");
      assertThat(r.problems()).as(ok).isEmpty();
      StatefulSet read = (StatefulSet) r.objects().get(0);
      assertThat(read).isEqualTo(ManifestReader.strict().read(sts(ok), "q.yaml").objects().get(0));
    }
  }
}
