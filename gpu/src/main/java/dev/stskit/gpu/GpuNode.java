package dev.stskit.gpu;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One GPU node of a {@link GpuInventory}. All cards of a node are one model (GPU Feature
 * Discovery labels assume so too).
 *
 * @param name the node name
 * @param labels the node's labels, for node selectors
 * @param model the card model as GFD's {@code nvidia.com/gpu.product} shows it, e.g.
 *     {@code NVIDIA-A100-SXM4-80GB}
 * @param cards physical cards on the node
 * @param memoryPerCard memory of one card
 * @param mode how the cards are offered
 * @param splitCount vGPU mode: most tasks per card (HAMi {@code deviceSplitCount}, default 10)
 * @param migLayout MIG single/mixed: instances of each profile on every card
 */
public record GpuNode(
    String name,
    Map<String, String> labels,
    String model,
    int cards,
    GpuMemory memoryPerCard,
    GpuNodeMode mode,
    int splitCount,
    Map<String, Integer> migLayout) {

  /** HAMi's default {@code deviceSplitCount}. */
  public static final int DEFAULT_SPLIT_COUNT = 10;

  /**
   * Checks the node; MIG layouts against the {@link MigCatalog}.
   *
   * @param name the node name
   * @param labels the node's labels, for node selectors
   * @param model the card model as GFD's {@code nvidia.com/gpu.product} shows it, e.g. {@code
   *     NVIDIA-A100-SXM4-80GB}
   * @param cards physical cards on the node
   * @param memoryPerCard memory of one card
   * @param mode how the cards are offered
   * @param splitCount vGPU mode: most tasks per card (HAMi {@code deviceSplitCount}, default 10)
   * @param migLayout MIG single/mixed: instances of each profile on every card
   */
  public GpuNode {
    String at = "node '" + name + "': ";
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name: required");
    }
    if (model == null || model.isBlank()) {
      throw new IllegalArgumentException(at + "model: required");
    }
    if (cards < 1) {
      throw new IllegalArgumentException(at + "cards: must be at least 1, got " + cards);
    }
    if (memoryPerCard == null) {
      throw new IllegalArgumentException(at + "memoryPerCard: required");
    }
    if (mode == null) {
      throw new IllegalArgumentException(at + "mode: required");
    }
    if (splitCount < 1) {
      throw new IllegalArgumentException(at + "splitCount: must be at least 1, got " + splitCount);
    }
    if (labels == null || migLayout == null) {
      throw new IllegalArgumentException(at + (labels == null ? "labels" : "migLayout")
          + ": must not be null (use an empty map)");
    }
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    migLayout = Collections.unmodifiableMap(new LinkedHashMap<>(migLayout));
    boolean layoutMode = mode == GpuNodeMode.MIG_SINGLE || mode == GpuNodeMode.MIG_MIXED;
    if (!layoutMode && !migLayout.isEmpty()) {
      throw new IllegalArgumentException(at + "migLayout: only mig-single and mig-mixed nodes have one");
    }
    if (layoutMode) {
      checkLayout(at, model, mode, migLayout);
    }
    if (mode == GpuNodeMode.MIG_DYNAMIC) {
      MigCatalog.standard().model(model);
    }
  }

  private static void checkLayout(String at, String model, GpuNodeMode mode, Map<String, Integer> layout) {
    if (layout.isEmpty()) {
      throw new IllegalArgumentException(at + "migLayout: required for " + mode.value());
    }
    if (mode == GpuNodeMode.MIG_SINGLE && layout.size() != 1) {
      throw new IllegalArgumentException(at + "migLayout: the single strategy has exactly one profile, got " + layout.keySet());
    }
    MigModel m;
    try {
      m = MigCatalog.standard().model(model);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + "model: " + e.getMessage(), e);
    }
    int slices = 0;
    int instances = 0;
    for (Map.Entry<String, Integer> e : layout.entrySet()) {
      MigProfile p;
      try {
        p = m.profile(e.getKey());
      } catch (UnknownMigProfileException x) {
        throw new IllegalArgumentException(at + "migLayout." + e.getKey() + ": " + x.getMessage(), x);
      }
      int n = e.getValue();
      if (n < 1 || n > p.maxInstances()) {
        throw new IllegalArgumentException(at + "migLayout." + e.getKey() + ": " + m.name() + " holds 1.."
            + p.maxInstances() + " instances of " + p.name() + ", got " + n);
      }
      slices += n * p.computeSlices();
      instances += n;
    }
    if (slices > m.totalComputeSlices() || instances > m.maxInstancesPerGpu()) {
      throw new IllegalArgumentException(at + "migLayout: " + layout + " needs " + slices + " compute slices and "
          + instances + " instances; " + m.name() + " has " + m.totalComputeSlices() + " and at most "
          + m.maxInstancesPerGpu());
    }
  }
}
