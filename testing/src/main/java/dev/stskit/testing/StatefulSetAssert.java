package dev.stskit.testing;

import dev.stskit.gpu.GpuRequest;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ObjectAssert;

/** Assertions on a fabric8 {@link StatefulSet}, compiled by sts-kit or read from a file. */
public class StatefulSetAssert extends AbstractObjectAssert<StatefulSetAssert, StatefulSet> {
  /**
   * An assertion on {@code actual}; {@link StsAssertions#assertThat(StatefulSet)} is the usual way in.
   *
   * @param actual the StatefulSet
   */
  public StatefulSetAssert(StatefulSet actual) {
    super(actual, StatefulSetAssert.class);
  }

  /**
   * Asserts {@code metadata.name}.
   *
   * @param name the expected name
   * @return this assertion
   */
  public StatefulSetAssert hasName(String name) {
    isNotNull();
    String got = actual.getMetadata() == null ? null : actual.getMetadata().getName();
    if (!Objects.equals(got, name)) {
      failWithMessage("expected StatefulSet named <%s> but was <%s>", name, got);
    }
    return this;
  }

  /**
   * Asserts {@code spec.replicas}.
   *
   * @param replicas the expected count
   * @return this assertion
   */
  public StatefulSetAssert hasReplicas(int replicas) {
    isNotNull();
    Integer got = actual.getSpec() == null ? null : actual.getSpec().getReplicas();
    if (!Objects.equals(got, replicas)) {
      failWithMessage("expected StatefulSet %s to have <%s> replicas but had <%s>", name(), replicas, got);
    }
    return this;
  }

  /**
   * An assertion on the container named {@code name} of the pod template.
   *
   * @param name the container's name
   * @return an assertion on the fabric8 container
   */
  public ObjectAssert<Container> container(String name) {
    isNotNull();
    List<Container> containers = actual.getSpec().getTemplate().getSpec().getContainers();
    return Assertions.assertThat(containers.stream().filter(c -> name.equals(c.getName())).findFirst()
        .orElseThrow(() -> new AssertionError("StatefulSet " + name() + " has no container " + name + "; it has "
            + containers.stream().map(Container::getName).toList())));
  }

  /**
   * Asserts that some container (or init container) asks for exactly this GPU request, read back
   * from its resources and annotations the way sts-kit lifts a StatefulSet.
   *
   * @param gpu the expected request
   * @return this assertion
   */
  public StatefulSetAssert hasGpu(GpuRequest gpu) {
    isNotNull();
    Map<String, GpuRequest> gpus = Checks.gpus(actual);
    if (!gpus.containsValue(gpu)) {
      failWithMessage("expected StatefulSet %s to request GPU%n  <%s>%nbut its containers request%n  <%s>",
          name(), gpu, gpus.isEmpty() ? "no GPU" : gpus);
    }
    return this;
  }

  /**
   * Asserts that container {@code container} asks for exactly this GPU request.
   *
   * @param container the container's name
   * @param gpu the expected request
   * @return this assertion
   */
  public StatefulSetAssert hasGpu(String container, GpuRequest gpu) {
    isNotNull();
    Map<String, GpuRequest> gpus = Checks.gpus(actual);
    if (!Objects.equals(gpus.get(container), gpu)) {
      failWithMessage("expected container %s of StatefulSet %s to request GPU%n  <%s>%nbut the containers request%n  <%s>",
          container, name(), gpu, gpus.isEmpty() ? "no GPU" : gpus);
    }
    return this;
  }

  /**
   * Asserts that the StatefulSet has no error finding under these rule sets; the failure lists every
   * error finding with its rule, field path and message.
   *
   * @param ruleSets at least one rule set, e.g. {@code RuleSet.kubernetes(), RuleSet.platform()}
   * @return this assertion
   */
  public StatefulSetAssert passes(RuleSet... ruleSets) {
    return passes(Checks.validator(ruleSets));
  }

  /**
   * Asserts that the StatefulSet has no error finding under {@code validator}.
   *
   * @param validator a configured validator
   * @return this assertion
   */
  public StatefulSetAssert passes(Validator validator) {
    isNotNull();
    List<String> errors = Checks.errors(validator, List.of(actual));
    if (!errors.isEmpty()) {
      failWithMessage("expected StatefulSet %s to pass %s but found:%n  %s", name(), validator.ruleSets(),
          String.join(System.lineSeparator() + "  ", errors));
    }
    return this;
  }

  /**
   * Asserts that the apply-ready YAML of the StatefulSet is the golden file's content; with
   * {@code -Dgolden.update=true} writes it instead (see {@link GoldenFiles}).
   *
   * @param goldenFile the golden file
   * @return this assertion
   */
  public StatefulSetAssert rendersAs(Path goldenFile) {
    isNotNull();
    GoldenFiles.check(YamlRenderer.applyReady().render(actual), goldenFile);
    return this;
  }

  private String name() {
    return actual.getMetadata() == null ? "(unnamed)" : actual.getMetadata().getName();
  }
}
