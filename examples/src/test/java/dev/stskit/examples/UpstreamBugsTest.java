package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Manifests;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigStrategy;
import dev.stskit.render.ManifestReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Minimal reproductions of bugs found in other modules while writing the examples: disabled while
 * open (run them with {@code -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}),
 * enabled once fixed so they stay fixed.
 *
 * <ul>
 *   <li>core {@code lift}, found by {@link EndToEndProperties} (fixed): GPU requests whose
 *       placement includes required node-affinity requirements (MIG single strategy, whole cards
 *       pinned to a product) came back as plain whole cards.
 *   <li>render {@code ManifestReader.strict()}, found by {@link ImportAndCleanExample} (fixed):
 *       {@code metadata.managedFields[*].fieldsV1} is an opaque JSON object in Kubernetes
 *       ({@code FieldsV1{Raw []byte}}, k8s.io/apimachinery pkg/apis/meta/v1/types.go) that strict
 *       decoding never looks into, but the reader reports each of its keys ({@code f:metadata},
 *       {@code f:spec}, …) as an unknown field, so no {@code kubectl get -o yaml} export reads clean.
 * </ul>
 */
class UpstreamBugsTest {
  private static GpuRequest liftedGpu(GpuRequest gpu) {
    Manifests m = StatefulSetSpec.builder().name("train")
        .addContainer(ContainerSpec.builder().name("main").image("pytorch:2").gpu(gpu).build())
        .build().compile();
    return StatefulSetSpec.lift(m.statefulSet(), m.governingService()).spec().containers().get(0)
        .gpu().orElseThrow();
  }

  /** Was a core bug (lift called detect without node requirements), fixed in core 4db961f. */
  @Test
  void migSingleIsLiftedAsMigSingle() {
    // compiles to limits nvidia.com/gpu: 1 + required node affinity nvidia.com/mig.config In [all-1g.5gb]
    GpuRequest gpu = GpuRequest.mig("1g.5gb", 1, MigStrategy.SINGLE);
    assertThat(liftedGpu(gpu)).isEqualTo(gpu);
  }

  /** Was a core bug, fixed with the one above. */
  @Test
  void pinnedWholeCardIsLiftedWithItsProduct() {
    // compiles to limits nvidia.com/gpu: 1 + required node affinity nvidia.com/gpu.product In [...]
    GpuRequest gpu = GpuRequest.wholeCard(1, List.of("NVIDIA-A100-SXM4-80GB"));
    assertThat(liftedGpu(gpu)).isEqualTo(gpu);
  }

  /** Was a render bug: the reader now treats FieldsV1 as opaque (TypeInfo.opaque). */
  @Test
  void managedFieldsReadCleanStrictly() {
    String yaml = """
        apiVersion: v1
        kind: Service
        metadata:
          name: x
          managedFields:
          - apiVersion: v1
            fieldsType: FieldsV1
            fieldsV1:
              f:spec:
                f:type: {}
            manager: kubectl
            operation: Update
        """;
    assertThat(ManifestReader.strict().read(yaml, "x.yaml").problems()).isEmpty();
  }

}
