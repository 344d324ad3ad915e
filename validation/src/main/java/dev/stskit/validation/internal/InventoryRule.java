package dev.stskit.validation.internal;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.validation.Rule;

/** A rule that judges against a cluster GPU inventory; the {@code gpu} rule set builds it with the caller's. */
public interface InventoryRule {
  /** The same rule, judging against {@code inventory}. */
  Rule withInventory(GpuInventory inventory);
}
