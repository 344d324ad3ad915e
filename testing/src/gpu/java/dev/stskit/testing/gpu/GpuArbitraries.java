package dev.stskit.testing.gpu;

import dev.stskit.gpu.AcceleratorVendor;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigCatalog;
import dev.stskit.gpu.MigModel;
import dev.stskit.gpu.MigStrategy;
import dev.stskit.gpu.SchedulingPolicy;
import dev.stskit.gpu.TaskPriority;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries of every kind of {@link GpuRequest}: whole cards, HAMi vGPU, MIG (mixed and
 * single), HAMi dynamic MIG and other vendors' accelerators, within the limits each mode accepts.
 * For property tests of code that chooses GPU requests, e.g. a platform's quota or placement logic.
 *
 * <pre>
 * &#64;Property
 * void quotaNeverExceeded(&#64;ForAll("gpus") GpuRequest gpu) { ... }
 *
 * &#64;Provide
 * Arbitrary&lt;GpuRequest&gt; gpus() {
 *   return GpuArbitraries.requests();
 * }
 * </pre>
 *
 * <p>Or put {@code @Domain(GpuDomain.class)} on the test class and take {@code @ForAll GpuRequest}.
 */
public final class GpuArbitraries {
  private GpuArbitraries() {}

  /**
   * Any GPU request.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> requests() {
    return Arbitraries.oneOf(whole(), vgpu(), mig(), dynamicMig(), accelerator());
  }

  /**
   * Whole cards, one to sixteen, sometimes pinned to products.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> whole() {
    return Combinators.combine(Arbitraries.integers().between(1, 16),
            Arbitraries.subsetOf("NVIDIA-A100-SXM4-80GB", "Tesla-T4", "NVIDIA-H100-80GB-HBM3").injectNull(0.6))
        .as((n, products) -> (GpuRequest) GpuRequest.wholeCard(n,
            products == null ? List.of() : products.stream().sorted().toList()));
  }

  /**
   * HAMi vGPU requests: cards, cores, memory (MiB or percent), priority, policies, models.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> vgpu() {
    return Builders.withBuilder(() -> GpuRequest.vgpu(1))
        .use(Arbitraries.integers().between(1, 8)).in((b, n) -> b.cards(n))
        .use(Arbitraries.integers().between(0, 100)).withProbability(0.6).in((b, c) -> b.cores(c))
        .use(Arbitraries.longs().between(1, 98304)).withProbability(0.4).in((b, mib) -> b.memoryMiB(mib))
        .use(Arbitraries.of(TaskPriority.class)).withProbability(0.3).in((b, p) -> b.priority(p))
        .use(Arbitraries.of(SchedulingPolicy.class)).withProbability(0.3).in((b, p) -> b.nodePolicy(p))
        .use(Arbitraries.of(SchedulingPolicy.class)).withProbability(0.3).in((b, p) -> b.cardPolicy(p))
        .use(Arbitraries.subsetOf("A100", "V100", "H100", "T4")).withProbability(0.3)
        .in((b, s) -> b.addModel(s.stream().sorted().toArray(String[]::new)))
        .use(Arbitraries.subsetOf("A10", "L4", "A800")).withProbability(0.2)
        .in((b, s) -> b.addAvoidModel(s.stream().sorted().toArray(String[]::new)))
        .build(GpuRequest.Vgpu.Builder::build)
        .flatMap(v -> v.memory().isPresent()
            ? Arbitraries.just(v)
            : Arbitraries.integers().between(1, 100).injectNull(0.5)
                .map(p -> p == null ? v : v.toBuilder().memoryPercent(p).build()))
        .map(v -> (GpuRequest) v);
  }

  /**
   * Every MIG profile name of the standard catalog, once each.
   *
   * @return profile names such as {@code 1g.10gb}
   */
  public static List<String> catalogProfiles() {
    List<String> out = new ArrayList<>();
    for (MigModel m : MigCatalog.standard().models()) {
      for (String p : m.profileNames()) {
        if (!out.contains(p)) {
          out.add(p);
        }
      }
    }
    return out;
  }

  /**
   * MIG requests, mixed and single strategy, with the catalog's profiles.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> mig() {
    Arbitrary<String> profiles = Arbitraries.of(catalogProfiles());
    Arbitrary<Integer> counts = Arbitraries.integers().between(1, 7);
    Arbitrary<GpuRequest> mixed = Combinators.combine(profiles, counts).as(GpuRequest::mig);
    Arbitrary<GpuRequest> single = Combinators.combine(profiles.filter(p -> !p.contains("+")), counts)
        .as((p, n) -> (GpuRequest) new GpuRequest.Mig(p, n, MigStrategy.SINGLE, Optional.empty()));
    // a product pins a model, whose own profiles are the only ones it can be cut into
    Arbitrary<GpuRequest> singleOnProduct = Arbitraries.of("A100-SXM4-40GB", "H100-SXM5-80GB", "NVIDIA-H20")
        .flatMap(product -> Combinators.combine(
                Arbitraries.of(MigCatalog.standard().model(product).profileNames()).filter(p -> !p.contains("+")),
                counts)
            .as((p, n) -> new GpuRequest.Mig(p, n, MigStrategy.SINGLE, Optional.of(product))));
    return Arbitraries.oneOf(mixed, single, singleOnProduct);
  }

  /**
   * HAMi dynamic MIG requests.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> dynamicMig() {
    return Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.longs().between(1, 81920),
            Arbitraries.of(SchedulingPolicy.class).optional(), Arbitraries.of(SchedulingPolicy.class).optional())
        .as((n, mib, card, node) -> new GpuRequest.DynamicMig(n, GpuMemory.mebibytes(mib), card, node));
  }

  /**
   * Other vendors' accelerators with their models, memory and cores.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> accelerator() {
    return Arbitraries.of(AcceleratorVendor.class).flatMap(v -> {
      Arbitrary<Optional<String>> model = switch (v) {
        case ASCEND -> Arbitraries.of("Ascend910B3", "Ascend910B4-1", "Ascend310P", "Ascend910C").map(Optional::of);
        case ILUVATAR -> Arbitraries.of("BI-V150", "MR-V100", "MR-V50").map(Optional::of);
        default -> Arbitraries.just(Optional.empty());
      };
      Arbitrary<Optional<GpuMemory>> memory = v.memoryResourceTemplate().isEmpty()
          ? Arbitraries.just(Optional.empty())
          : (v.legalMemoryUnits().isEmpty()
                  ? Arbitraries.longs().between(1, 200)
                  : Arbitraries.of(v.legalMemoryUnits()))
              .map(u -> GpuMemory.mebibytes(u * v.memoryUnitMiB())).optional();
      Arbitrary<Optional<Integer>> cores = v.maxCores().isEmpty()
          ? Arbitraries.just(Optional.empty())
          : Arbitraries.integers().between(1, v.maxCores().getAsInt()).optional();
      return Combinators.combine(model, Arbitraries.integers().between(1, 8), memory, cores)
          .as((m, n, mem, c) -> (GpuRequest) new GpuRequest.Accelerator(v, m, n, mem,
              c.map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty())));
    });
  }
}
