package dev.stskit.testing;

import dev.stskit.core.Manifests;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractObjectAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;
import org.assertj.core.api.ObjectAssert;

/** Assertions on what a spec compiles to: the StatefulSet, its governing Service, its access Services. */
public class ManifestsAssert extends AbstractObjectAssert<ManifestsAssert, Manifests> {
  /**
   * An assertion on {@code actual}; {@link StsAssertions#assertThat(Manifests)} is the usual way in.
   *
   * @param actual the compiled manifests
   */
  public ManifestsAssert(Manifests actual) {
    super(actual, ManifestsAssert.class);
  }

  /**
   * An assertion on the StatefulSet.
   *
   * @return the StatefulSet's assertion
   */
  public StatefulSetAssert statefulSet() {
    isNotNull();
    return new StatefulSetAssert(actual.statefulSet());
  }

  /**
   * An assertion on the governing (headless) Service.
   *
   * @return the Service's assertion
   */
  public ObjectAssert<Service> governingService() {
    isNotNull();
    return Assertions.assertThat(actual.governingService());
  }

  /**
   * An assertion on the access Services, in order.
   *
   * @return the list's assertion
   */
  public ListAssert<Service> accessServices() {
    isNotNull();
    return Assertions.assertThat(actual.accessServices());
  }

  /**
   * Asserts that some container of the StatefulSet asks for exactly this GPU request.
   *
   * @param gpu the expected request
   * @return this assertion
   * @see StatefulSetAssert#hasGpu(GpuRequest)
   */
  public ManifestsAssert hasGpu(GpuRequest gpu) {
    statefulSet().hasGpu(gpu);
    return this;
  }

  /**
   * Asserts that no object (the StatefulSet and its Services) has an error finding under these rule
   * sets; the failure lists every error finding with its object, rule, field path and message.
   *
   * @param ruleSets at least one rule set, e.g. {@code RuleSet.kubernetes(), RuleSet.platform()}
   * @return this assertion
   */
  public ManifestsAssert passes(RuleSet... ruleSets) {
    return passes(Checks.validator(ruleSets));
  }

  /**
   * Asserts that no object has an error finding under {@code validator}.
   *
   * @param validator a configured validator
   * @return this assertion
   */
  public ManifestsAssert passes(Validator validator) {
    isNotNull();
    List<String> errors = Checks.errors(validator, actual.all());
    if (!errors.isEmpty()) {
      failWithMessage("expected the manifests of %s to pass %s but found:%n  %s",
          actual.statefulSet().getMetadata().getName(), validator.ruleSets(),
          String.join(System.lineSeparator() + "  ", errors));
    }
    return this;
  }

  /**
   * Asserts that the apply-ready YAML of every object (Services, then the StatefulSet, as
   * {@code sts-kit render} prints it) is the golden file's content; with
   * {@code -Dgolden.update=true} writes it instead (see {@link GoldenFiles}).
   *
   * @param goldenFile the golden file
   * @return this assertion
   */
  public ManifestsAssert rendersAs(Path goldenFile) {
    isNotNull();
    GoldenFiles.check(YamlRenderer.applyReady().render(actual.all()), goldenFile);
    return this;
  }
}
