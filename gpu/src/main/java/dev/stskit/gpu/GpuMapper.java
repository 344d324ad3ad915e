package dev.stskit.gpu;

/** Maps a {@link GpuRequest} to a {@link GpuPlacement}; implementations mutate nothing. */
public interface GpuMapper {
  /** Stable id, e.g. {@code nvidia-device-plugin}, {@code hami}. */
  String id();

  boolean supports(GpuRequest request);

  GpuPlacement map(GpuRequest request);
}
