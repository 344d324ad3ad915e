package dev.stskit.gpu;

import java.util.OptionalInt;

/**
 * One MIG GPU-instance profile of one GPU model, from the packaged catalog (NVIDIA's "Supported MIG
 * Profiles" tables, NVIDIA/mig-parted, HAMi; sources per model in mig-profiles.json).
 *
 * @param name the profile, e.g. {@code 1g.10gb}, {@code 1g.5gb+me}
 * @param memoryGB the nominal GB in the name
 * @param maxInstances the most instances of this one profile on one GPU
 * @param computeSlices the SM slices ({@code Ng})
 * @param mixedStrategyResource the resource under {@code mig.strategy=mixed}, e.g.
 *     {@code nvidia.com/mig-1g.10gb}
 * @param hamiMemoryMiB the MiB HAMi v2.9.0 used for dynamic-MIG fitting, where known
 */
public record MigProfile(
    String name,
    int memoryGB,
    int maxInstances,
    int computeSlices,
    String mixedStrategyResource,
    OptionalInt hamiMemoryMiB) {

  /**
   * The memory an instance offers for fitting: HAMi's MiB figure where known, else the nominal
   * GB × 1024 (NVML reports slightly different values per model).
   *
   * @return the memory used to decide whether a request fits
   */
  public GpuMemory memory() {
    return hamiMemoryMiB.isPresent()
        ? GpuMemory.mebibytes(hamiMemoryMiB.getAsInt())
        : GpuMemory.gibibytes(memoryGB);
  }
}
