package dev.stskit.gpu;

import java.util.Locale;

/** How a node's GPUs are offered (DCE switches this per node: "GPU 模式切换"). */
public enum GpuNodeMode {
  /** Whole cards through NVIDIA's device plugin. */
  WHOLE,
  /** HAMi vGPU slices (hami-core). */
  VGPU,
  /** MIG under the GPU Operator's single strategy: one profile on every card. */
  MIG_SINGLE,
  /** MIG under the mixed strategy: a layout of profiles per card. */
  MIG_MIXED,
  /** HAMi dynamic MIG: HAMi cuts profiles on demand. */
  MIG_DYNAMIC;

  /** {@return the inventory-file form: {@code whole}, {@code vgpu}, {@code mig-single}, …} */
  public String value() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The mode for its inventory-file form.
   *
   * @param value the inventory-file form, e.g. {@code vgpu}
   * @return the mode
   */
  public static GpuNodeMode fromValue(String value) {
    for (GpuNodeMode m : values()) {
      if (m.value().equals(value)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown GPU node mode '" + value
        + "'; expected whole, vgpu, mig-single, mig-mixed or mig-dynamic");
  }
}
