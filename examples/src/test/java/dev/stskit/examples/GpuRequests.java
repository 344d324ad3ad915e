package dev.stskit.examples;

import dev.stskit.gpu.AcceleratorVendor;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigStrategy;
import dev.stskit.gpu.SchedulingPolicy;
import dev.stskit.gpu.TaskPriority;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * GPU requests of every mode the form has (core's spec generators make whole cards only): vGPU
 * with every option, MIG mixed and single, HAMi dynamic MIG, whole cards pinned to a product, and
 * an Ascend accelerator.
 */
final class GpuRequests {
  private static final List<String> MODELS = List.of("A100", "H100", "L40S", "A10");

  private GpuRequests() {}

  static Arbitrary<GpuRequest> any() {
    return Arbitraries.oneOf(vgpu(), migMixed(), migSingle(), dynamicMig(), pinnedWholeCard(), ascend());
  }

  static Arbitrary<GpuRequest> vgpu() {
    Arbitrary<List<String>> models = Arbitraries.of(MODELS).list().uniqueElements().ofMaxSize(2);
    return Combinators.combine(
            Arbitraries.integers().between(1, 4),
            Arbitraries.integers().between(0, 100).optional(),
            Arbitraries.oneOf(
                Arbitraries.longs().between(1, 81920).map(m -> "mib:" + m),
                Arbitraries.integers().between(1, 100).map(p -> "pct:" + p),
                Arbitraries.just("none")),
            Arbitraries.of(TaskPriority.class).optional(),
            Arbitraries.of(SchedulingPolicy.class).optional(),
            Arbitraries.of(SchedulingPolicy.class).optional(),
            models, models)
        .as((cards, cores, memory, priority, nodePolicy, cardPolicy, use, avoid) -> {
          GpuRequest.Vgpu.Builder b = GpuRequest.vgpu(cards);
          cores.ifPresent(b::cores);
          if (memory.startsWith("mib:")) {
            b.memory(GpuMemory.mebibytes(Long.parseLong(memory.substring(4))));
          } else if (memory.startsWith("pct:")) {
            b.memoryPercent(Integer.parseInt(memory.substring(4)));
          }
          priority.ifPresent(b::priority);
          nodePolicy.ifPresent(b::nodePolicy);
          cardPolicy.ifPresent(b::cardPolicy);
          use.forEach(b::addModel);
          avoid.stream().filter(m -> !use.contains(m)).forEach(b::addAvoidModel);
          return b.build();
        });
  }

  static Arbitrary<GpuRequest> migMixed() {
    return Combinators.combine(Arbitraries.of("1g.10gb", "2g.20gb", "3g.40gb", "7g.80gb", "1g.5gb+me"),
            Arbitraries.integers().between(1, 7))
        .as((profile, count) -> GpuRequest.mig(profile, count, MigStrategy.MIXED));
  }

  static Arbitrary<GpuRequest> migSingle() {
    // each product with profiles of its own model (the catalog refuses others at build)
    Arbitrary<GpuRequest> onProduct = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("1g.5gb", "2g.10gb", "3g.20gb", "1g.10gb"),
            Arbitraries.integers().between(1, 7)).as((profile, count) -> GpuRequest.migSingle(profile, count, "A100-SXM4-40GB")),
        Combinators.combine(Arbitraries.of("1g.10gb", "2g.20gb", "3g.40gb", "1g.20gb"),
            Arbitraries.integers().between(1, 7)).as((profile, count) -> GpuRequest.migSingle(profile, count, "NVIDIA-A100-SXM4-80GB")));
    Arbitrary<GpuRequest> anyNode = Combinators.combine(Arbitraries.of("1g.5gb", "2g.10gb", "3g.20gb", "1g.10gb"),
            Arbitraries.integers().between(1, 7))
        .as((profile, count) -> GpuRequest.mig(profile, count, MigStrategy.SINGLE));
    return Arbitraries.oneOf(onProduct, anyNode);
  }

  static Arbitrary<GpuRequest> dynamicMig() {
    return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.longs().between(1, 81920))
        .as((count, mib) -> GpuRequest.dynamicMig(count, GpuMemory.mebibytes(mib)));
  }

  static Arbitrary<GpuRequest> pinnedWholeCard() {
    return Combinators.combine(Arbitraries.integers().between(1, 8),
            Arbitraries.of("NVIDIA-A100-SXM4-80GB", "NVIDIA-H100-80GB-HBM3", "Tesla-T4").list()
                .uniqueElements().ofMinSize(1).ofMaxSize(2))
        .as(GpuRequest::wholeCard);
  }

  static Arbitrary<GpuRequest> ascend() {
    return Combinators.combine(Arbitraries.integers().between(1, 2),
            Arbitraries.longs().between(1, 32).map(GpuMemory::gibibytes).optional(),
            Arbitraries.integers().between(1, 20).optional())
        .as((count, memory, cores) -> {
          GpuRequest.Accelerator.Builder b = GpuRequest.accelerator(AcceleratorVendor.ASCEND, count)
              .model("Ascend910B3");
          memory.ifPresent(b::memory);
          cores.ifPresent(b::cores);
          return b.build();
        });
  }
}
