package dev.stskit.gpu.hami;

import dev.stskit.gpu.SchedulingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HAMi's pod annotations for NVIDIA cards (HAMi {@code pkg/util/types.go},
 * {@code pkg/device/nvidia/device.go}). They belong on the pod template
 * ({@code spec.template.metadata.annotations}): HAMi reads the pod, so on the StatefulSet's own
 * metadata they are silently ignored.
 */
public final class HamiAnnotations {
  /** Node-level policy, {@code binpack}/{@code spread}. */
  public static final String NODE_POLICY = "hami.io/node-scheduler-policy";
  /** Card-level policy, {@code binpack}/{@code spread} (HAMi also knows mutex, numa, …). */
  public static final String CARD_POLICY = "hami.io/gpu-scheduler-policy";
  /** Models to use: comma list of case-insensitive substrings of the NVML name ({@code CheckType}). */
  public static final String USE_GPU_TYPE = "nvidia.com/use-gputype";
  /** Models to avoid. */
  public static final String NOUSE_GPU_TYPE = "nvidia.com/nouse-gputype";
  /** Node operating mode: {@code hami-core}, {@code mig}, {@code mps}. */
  public static final String VGPU_MODE = "nvidia.com/vgpu-mode";

  private HamiAnnotations() {}

  static void putPolicies(Map<String, String> out, Optional<SchedulingPolicy> node,
      Optional<SchedulingPolicy> card) {
    node.ifPresent(p -> out.put(NODE_POLICY, p.value()));
    card.ifPresent(p -> out.put(CARD_POLICY, p.value()));
  }

  static Optional<SchedulingPolicy> policy(Map<String, String> annotations, String key) {
    String v = annotations.get(key);
    if ("binpack".equals(v) || "spread".equals(v)) {
      return Optional.of(SchedulingPolicy.fromValue(v));
    }
    return Optional.empty();
  }

  /** The models of a comma list, or empty when any entry is not a clean model name. */
  static Optional<List<String>> models(Map<String, String> annotations, String key) {
    String v = annotations.get(key);
    if (v == null || v.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (String m : v.split(",", -1)) {
      if (m.isEmpty() || !m.strip().equals(m) || out.contains(m)) {
        return Optional.empty();
      }
      out.add(m);
    }
    return Optional.of(out);
  }
}
