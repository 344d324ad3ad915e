package dev.stskit.gpu;

import java.util.Locale;

/**
 * How the NVIDIA device plugin (GPU Operator {@code mig.strategy}) exposes MIG devices
 * (NVIDIA/k8s-device-plugin README {@code MIG_STRATEGY}, {@code internal/rm/rm.go}).
 */
public enum MigStrategy {
  /**
   * Every MIG device is {@code nvidia.com/gpu}; the pod picks the profile through a node label
   * ({@code nvidia.com/gpu.product = <product>-MIG-<profile>} set by GFD, or
   * {@code nvidia.com/mig.config = all-<profile>}).
   */
  SINGLE,
  /** Each profile is its own resource, {@code nvidia.com/mig-<profile>} with '+' written '.'. */
  MIXED;

  /** {@return {@code single} or {@code mixed}} */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
