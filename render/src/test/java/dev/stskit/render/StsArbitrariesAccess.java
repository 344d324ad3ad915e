package dev.stskit.render;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import net.jqwik.api.Arbitrary;

/** Lets tests in the internal package use {@link StsArbitraries}. */
public final class StsArbitrariesAccess {
  private StsArbitrariesAccess() {}

  public static Arbitrary<StatefulSet> statefulSets() {
    return StsArbitraries.statefulSets();
  }
}
