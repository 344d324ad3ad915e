package dev.stskit.gpu;

import java.util.Optional;

/**
 * Maps a {@link GpuRequest} to a {@link GpuPlacement} and back; implementations are immutable and
 * mutate nothing ({@code core} applies the placement).
 */
public interface GpuMapper {
  /** {@return a stable id, e.g. {@code nvidia-device-plugin}, {@code hami-vgpu}} */
  String id();

  /**
   * Whether {@link #map} accepts {@code request}.
   *
   * @param request a request of any kind
   * @return whether this mapper places it
   */
  boolean supports(GpuRequest request);

  /**
   * The placement for a supported request.
   *
   * @param request a request {@link #supports} accepts
   * @return the limits, annotations, node-selector requirements and scheduler it needs
   */
  GpuPlacement map(GpuRequest request);

  /**
   * The request this mapper reads from a container's GPU signals, if any. {@link GpuMappers}
   * keeps a detection only when mapping it back reproduces the entries it accounts for.
   *
   * @param signals a container's limits, its pod's annotations and required node-selector requirements
   * @return the request they express, or empty when this mapper does not recognise them
   */
  default Optional<GpuRequest> detect(GpuSignals signals) {
    return Optional.empty();
  }

  /**
   * Why a request of this mapper's kind is refused, for the error {@link GpuMappers#place} throws.
   *
   * @param request a request this mapper does not support
   * @return why, or empty when this mapper has nothing to say about it
   */
  default Optional<String> unsupportedReason(GpuRequest request) {
    return Optional.empty();
  }
}
