package dev.stskit.gpu;

import java.util.Optional;

/**
 * Maps a {@link GpuRequest} to a {@link GpuPlacement} and back; implementations are immutable and
 * mutate nothing ({@code core} applies the placement).
 */
public interface GpuMapper {
  /** Stable id, e.g. {@code nvidia-device-plugin}, {@code hami-vgpu}. */
  String id();

  /** Whether {@link #map} accepts {@code request}. */
  boolean supports(GpuRequest request);

  /** The placement for a supported request. */
  GpuPlacement map(GpuRequest request);

  /**
   * The request this mapper reads from a container's GPU signals, if any. {@link GpuMappers}
   * keeps a detection only when mapping it back reproduces the entries it accounts for.
   */
  default Optional<GpuRequest> detect(GpuSignals signals) {
    return Optional.empty();
  }

  /** Why a request of this mapper's kind is refused, for the error {@link GpuMappers#place} throws. */
  default Optional<String> unsupportedReason(GpuRequest request) {
    return Optional.empty();
  }
}
