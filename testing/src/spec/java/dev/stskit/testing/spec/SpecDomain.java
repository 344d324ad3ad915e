package dev.stskit.testing.spec;

import dev.stskit.core.ContainerSpec;
import dev.stskit.core.StatefulSetSpec;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.DomainContextBase;

/**
 * A jqwik domain for {@code @Domain(SpecDomain.class)}: {@code @ForAll StatefulSetSpec} and
 * {@code @ForAll ContainerSpec} draw from {@link SpecArbitraries}.
 */
public class SpecDomain extends DomainContextBase {
  /** Creates the domain (jqwik does, for {@code @Domain}). */
  public SpecDomain() {}

  @Provide
  Arbitrary<StatefulSetSpec> specs() {
    return SpecArbitraries.specs();
  }

  @Provide
  Arbitrary<ContainerSpec> containers() {
    return SpecArbitraries.containers();
  }
}
