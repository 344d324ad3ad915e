package dev.stskit.gpu;

/**
 * What one container asks of GPUs, in the form's terms: a closed set of modes.
 *
 * <p>Seed version: whole card only. The GPU issue adds vGPU (HAMi), MIG and other vendors'
 * accelerators as further permitted subtypes.
 */
public sealed interface GpuRequest permits GpuRequest.WholeCard {

  /**
   * Whole physical cards (the form's 整卡 mode).
   *
   * <p>Under the hood: {@code resources.limits["nvidia.com/gpu"] = count} with the default profile.
   *
   * @param count physical cards, at least 1
   */
  static WholeCard wholeCard(int count) {
    return new WholeCard(count);
  }

  /** Whole cards: {@code count} ≥ 1. */
  record WholeCard(int count) implements GpuRequest {
    public WholeCard {
      if (count < 1) {
        throw new IllegalArgumentException("whole-card GPU count must be at least 1, got " + count);
      }
    }
  }
}
