package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.gpu.internal.Limits;
import dev.stskit.testing.gpu.GpuDomain;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/** Properties of mapping and detection, for every generated request under both built-in profiles. */
@Domain(GpuDomain.class)
@Domain(DomainContext.Global.class)
class GpuMappingProperties {
  private static final GpuMappers DCE = GpuMappers.of(GpuProfile.dce());
  private static final GpuMappers HAMI = GpuMappers.of(GpuProfile.upstreamHami());

  /** The pod-template annotations a placement may carry (HAMi pkg/util/types.go, device.go, ascend). */
  private static final Set<String> POD_ANNOTATIONS = Set.of("hami.io/node-scheduler-policy",
      "hami.io/gpu-scheduler-policy", "nvidia.com/use-gputype", "nvidia.com/nouse-gputype",
      "nvidia.com/vgpu-mode", "huawei.com/vnpu-mode");

  private static boolean supported(GpuMappers m, GpuRequest r) {
    return m.mappers().stream().anyMatch(x -> x.supports(r));
  }

  @Property
  void everyLimitIsABareInteger(@ForAll GpuRequest r) {
    for (GpuMappers m : new GpuMappers[] {DCE, HAMI}) {
      if (!supported(m, r)) {
        continue;
      }
      for (Map.Entry<String, Quantity> e : m.place(r).limits().entrySet()) {
        assertThat(e.getValue().getFormat()).as(e.getKey()).isEmpty();
        assertThat(Limits.plainInteger(e.getValue())).as(e.getKey()).isPresent();
      }
    }
  }

  @Property
  void annotationsAreOnlyPodTemplateAnnotationsAndNeverLimits(@ForAll GpuRequest r) {
    for (GpuMappers m : new GpuMappers[] {DCE, HAMI}) {
      if (!supported(m, r)) {
        continue;
      }
      GpuPlacement p = m.place(r);
      assertThat(POD_ANNOTATIONS).containsAll(p.podAnnotations().keySet());
      assertThat(p.limits().keySet()).doesNotContainAnyElementsOf(POD_ANNOTATIONS);
      assertThat(p.schedulerName()).isEmpty();
    }
  }

  @Property
  void detectReturnsTheRequestUnderDce(@ForAll GpuRequest r) {
    Statistics.label("mode").collect(r.getClass().getSimpleName());
    assertRoundTrip(DCE, r);
  }

  @Property
  void detectReturnsTheRequestUnderUpstreamHami(@ForAll GpuRequest r) {
    if (r instanceof GpuRequest.Vgpu v && v.cardsOnly()) {
      // the one request upstream names cannot tell from whole cards: refused, with the reason
      assertThatThrownBy(() -> HAMI.place(r)).isInstanceOf(NoGpuMapperException.class)
          .hasMessageContaining("hami-vgpu").hasMessageContaining("wholeCard");
      return;
    }
    assertRoundTrip(HAMI, r);
  }

  private static void assertRoundTrip(GpuMappers m, GpuRequest r) {
    GpuPlacement p = m.place(r);
    GpuMappers.Detected d = m.detect(p.limits(), p.podAnnotations(), p.requiredNodeSelectorRequirements())
        .orElseThrow();
    assertThat(d.request()).isEqualTo(r);
    assertThat(d.limitKeys()).isEqualTo(p.limits().keySet());
    assertThat(d.podAnnotationKeys()).isEqualTo(p.podAnnotations().keySet());
    assertThat(d.nodeSelectorRequirements()).isEqualTo(p.requiredNodeSelectorRequirements());
  }

  @Property
  void placingIsDeterministic(@ForAll GpuRequest r) {
    if (supported(DCE, r)) {
      assertThat(DCE.place(r)).isEqualTo(DCE.place(r));
      assertThat(DCE.place(r).limits().keySet()).containsExactlyElementsOf(DCE.place(r).limits().keySet());
    }
  }
}
