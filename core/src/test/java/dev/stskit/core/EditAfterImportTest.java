package dev.stskit.core;

import dev.stskit.fixtures.Fixtures;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edit-after-import scenario: lift a real StatefulSet, write the spec file, edit one modelled
 * field, read it back and compile. The edit must show in the output at the field's path (and only
 * there) for every corpus file: extras written by lift never shadow a modelled field.
 */
class EditAfterImportTest {
  static List<ModelledFieldEdits.Edit> edits() {
    return ModelledFieldEdits.all();
  }

  /** Each corpus file imported once: the spec read back from the written spec file. */
  private static final java.util.Map<String, StatefulSetSpec> IMPORTED = new java.util.concurrent.ConcurrentHashMap<>();

  private static StatefulSetSpec imported(String resource) {
    return IMPORTED.computeIfAbsent(resource, r -> {
      StatefulSet input = Fixtures.statefulSet(r);
      StatefulSetSpec read = SpecFiles.read(SpecFiles.writeYaml(StatefulSetSpec.lift(input).spec()));
      assertThat(read.compile().statefulSet()).as(r).isEqualTo(ServerFields.strip(input));
      return read;
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("edits")
  void editingAModelledFieldOfAnImportedSpecChangesTheRenderedObjectThere(ModelledFieldEdits.Edit edit) {
    for (String resource : Fixtures.corpus()) {
      StatefulSetSpec read = imported(resource);
      StatefulSet before = read.compile().statefulSet();

      StatefulSetSpec edited = SpecFiles.read(SpecFiles.writeYaml(edit.apply().apply(read)));
      StatefulSet after = edited.compile().statefulSet();
      List<String> changed = ModelledFieldEdits.differences(before, after);
      assertThat(changed).as("%s: %s changes the output", resource, edit).isNotEmpty();
      assertThat(changed).as("%s: %s changes only %s", resource, edit, edit.paths())
          .allMatch(p -> ModelledFieldEdits.under(p, edit.paths()));
    }
  }
}
