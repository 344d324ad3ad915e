package dev.stskit.testing.gpu;

import dev.stskit.gpu.GpuRequest;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/** A jqwik domain for {@code @Domain(GpuDomain.class)}: {@code @ForAll GpuRequest} draws from {@link GpuArbitraries#requests()}. */
public class GpuDomain extends DomainContextBase {
  /** Creates the domain (jqwik does, for {@code @Domain}). */
  public GpuDomain() {}

  @Provide
  Arbitrary<GpuRequest> requests() {
    return GpuArbitraries.requests();
  }
}
