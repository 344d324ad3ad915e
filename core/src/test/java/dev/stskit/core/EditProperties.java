package dev.stskit.core;

import dev.stskit.fixtures.Fixtures;
import dev.stskit.testing.spec.SpecDomain;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * For every modelled field F and every lifted spec (of generated specs with extras, and of the
 * corpus), changing F on the lifted spec changes the compiled object at F's path, and only there.
 */
@Domain(SpecDomain.class)
@Domain(DomainContext.Global.class)
class EditProperties {
  @Property
  void changingAModelledFieldOfALiftedGeneratedSpecChangesOnlyItsPath(
      @ForAll StatefulSetSpec spec, @ForAll("edits") ModelledFieldEdits.Edit edit) {
    Manifests m = spec.compile();
    List<Service> services = new ArrayList<>();
    services.add(m.governingService());
    services.addAll(m.accessServices());
    StatefulSetSpec lifted = StatefulSetSpec.lift(m.statefulSet(), services.toArray(Service[]::new)).spec();
    check(lifted, edit);
  }

  @Property
  void changingAModelledFieldOfALiftedCorpusFileChangesOnlyItsPath(
      @ForAll("corpus") String resource, @ForAll("edits") ModelledFieldEdits.Edit edit) {
    check(StatefulSetSpec.lift(Fixtures.statefulSet(resource)).spec(), edit);
  }

  private static void check(StatefulSetSpec lifted, ModelledFieldEdits.Edit edit) {
    StatefulSet before = lifted.compile().statefulSet();
    StatefulSet after = edit.apply().apply(lifted).compile().statefulSet();
    List<String> changed = ModelledFieldEdits.differences(before, after);
    assertThat(changed).as("%s changes the output", edit).isNotEmpty();
    assertThat(changed).as("%s changes only %s", edit, edit.paths())
        .allMatch(p -> ModelledFieldEdits.under(p, edit.paths()));
  }

  @Provide
  Arbitrary<ModelledFieldEdits.Edit> edits() {
    return Arbitraries.of(ModelledFieldEdits.all());
  }

  @Provide
  Arbitrary<String> corpus() {
    return Arbitraries.of(Fixtures.corpus());
  }
}
