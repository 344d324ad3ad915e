package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.gpu.internal.Limits;
import dev.stskit.testing.gpu.GpuDomain;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;

/**
 * Detection on arbitrary and mutated containers keeps the contract {@code core}'s lift relies
 * on: whatever it claims, placing the detected request writes back exactly those entries.
 */
@Domain(GpuDomain.class)
@Domain(DomainContext.Global.class)
class GpuDetectionProperties {
  private static final List<GpuMappers> MAPPERS = List.of(GpuMappers.of(GpuProfile.dce()),
      GpuMappers.of(GpuProfile.upstreamHami()));
  private static final List<String> KEYS = List.of("nvidia.com/gpu", "nvidia.com/vgpu", "nvidia.com/gpumem",
      "nvidia.com/gpumem-percentage", "nvidia.com/gpucores", "nvidia.com/priority", "nvidia.com/mig-1g.10gb",
      "nvidia.com/mig-1g.5gb.me", "nvidia.com/mig-bogus", "huawei.com/Ascend910B3", "huawei.com/Ascend910B3-memory",
      "huawei.com/Ascend910B3-core", "mthreads.com/vgpu", "mthreads.com/sgpu-memory", "cpu", "memory");
  private static final List<String> VALUES = List.of("0", "1", "2", "7", "30", "100", "101", "3000", "3000M",
      "1.5", "500m", "1Gi", "01", "2147483648");
  private static final List<String> ANNOTATIONS = List.of("hami.io/node-scheduler-policy",
      "hami.io/gpu-scheduler-policy", "nvidia.com/use-gputype", "nvidia.com/nouse-gputype", "nvidia.com/vgpu-mode",
      "huawei.com/vnpu-mode", "team");
  private static final List<String> ANNOTATION_VALUES = List.of("binpack", "spread", "binpack,numa", "A100",
      "A100,V100", "A100, V100", "mig", "hami-core", "");

  @Provide
  Arbitrary<Map<String, Quantity>> limits() {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.of(VALUES).map(Quantity::new)).ofMaxSize(6);
  }

  @Provide
  Arbitrary<Map<String, String>> annotations() {
    return Arbitraries.maps(Arbitraries.of(ANNOTATIONS), Arbitraries.of(ANNOTATION_VALUES)).ofMaxSize(4);
  }

  @Property
  void whateverIsClaimedIsWrittenBackExactly(@ForAll("limits") Map<String, Quantity> limits,
      @ForAll("annotations") Map<String, String> annotations) {
    for (GpuMappers m : MAPPERS) {
      assertReproduces(m, limits, annotations);
    }
  }

  @Property
  void mutatingAPlacedRequestNeverBreaksTheContract(@ForAll GpuRequest r,
      @ForAll("limits") Map<String, Quantity> extraLimits, @ForAll("annotations") Map<String, String> extraAnnotations) {
    for (GpuMappers m : MAPPERS) {
      if (m.mappers().stream().noneMatch(x -> x.supports(r))) {
        continue;
      }
      GpuPlacement p = m.place(r);
      Map<String, Quantity> limits = new LinkedHashMap<>(p.limits());
      limits.putAll(extraLimits);
      Map<String, String> annotations = new LinkedHashMap<>(p.podAnnotations());
      annotations.putAll(extraAnnotations);
      assertReproduces(m, limits, annotations);
    }
  }

  private static void assertReproduces(GpuMappers m, Map<String, Quantity> limits, Map<String, String> annotations) {
    Optional<GpuMappers.Detected> d = m.detect(limits, annotations);
    if (d.isEmpty()) {
      return;
    }
    GpuPlacement again = m.place(d.get().request());
    assertThat(again.limits().keySet()).isEqualTo(d.get().limitKeys());
    assertThat(again.podAnnotations().keySet()).isEqualTo(d.get().podAnnotationKeys());
    again.limits().forEach((k, v) ->
        assertThat(Limits.plainInteger(limits.get(k))).as(k).isEqualTo(Limits.plainInteger(v)));
    again.podAnnotations().forEach((k, v) -> assertThat(annotations.get(k)).as(k).isEqualTo(v));
  }
}
