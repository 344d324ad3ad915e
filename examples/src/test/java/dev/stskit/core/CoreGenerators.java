package dev.stskit.core;

import net.jqwik.api.Arbitrary;

/**
 * Core's spec generators ({@code StsDomain}, package-private in core's test-jar) opened to the
 * examples' end-to-end properties, so both modules generate the same specs.
 */
public final class CoreGenerators {
  private static final StsDomain DOMAIN = new StsDomain();

  private CoreGenerators() {}

  /** Every kind of spec core's own properties generate: containers, volumes, services, GPUs, extras. */
  public static Arbitrary<StatefulSetSpec> specs() {
    return DOMAIN.specs();
  }
}
