package dev.stskit.testing;

import dev.stskit.core.Manifests;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.assertj.core.api.Assertions;

/**
 * AssertJ's {@link Assertions} plus assertions on what sts-kit makes. One static import gives both:
 *
 * <pre>
 * import static dev.stskit.testing.StsAssertions.assertThat;
 *
 * assertThat(spec.compile())
 *     .hasGpu(GpuRequest.vgpu(1).cores(30).build())
 *     .passes(RuleSet.kubernetes(), RuleSet.platform())
 *     .rendersAs(Path.of("src/test/resources/golden/llm.yaml"));
 * assertThat(spec.compile()).statefulSet().hasReplicas(2).container("server").isNotNull();
 * </pre>
 */
public class StsAssertions extends Assertions {
  /** For subclasses that add their own entry points, as with AssertJ's {@code Assertions}. */
  protected StsAssertions() {}

  /**
   * Assertions on compiled manifests.
   *
   * @param actual what {@code StatefulSetSpec.compile()} returned
   * @return the assertion
   */
  public static ManifestsAssert assertThat(Manifests actual) {
    return new ManifestsAssert(actual);
  }

  /**
   * Assertions on a StatefulSet.
   *
   * @param actual the StatefulSet
   * @return the assertion
   */
  public static StatefulSetAssert assertThat(StatefulSet actual) {
    return new StatefulSetAssert(actual);
  }
}
