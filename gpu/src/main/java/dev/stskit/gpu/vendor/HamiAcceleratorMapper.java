package dev.stskit.gpu.vendor;

import dev.stskit.gpu.AcceleratorVendor;
import dev.stskit.gpu.GpuMapper;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.GpuSignals;
import dev.stskit.gpu.internal.Limits;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Other vendors' accelerators as HAMi serves them ({@link AcceleratorVendor} has the names and
 * units): count, memory converted to the vendor's unit, cores, all bare integers in
 * {@code resources.limits}. For Ascend with cores it also writes the pod-template annotation
 * {@code huawei.com/vnpu-mode: hami-core}, which selects HAMi's soft slicing where {@code -core}
 * applies (HAMi {@code pkg/device/ascend/device.go} {@code VNPUModeAnnotation}; without it HAMi
 * v2.9 refuses core requests and later versions infer the mode). HAMi's vendor UUID/type
 * annotations are not modelled: detection leaves them to the caller verbatim.
 */
public final class HamiAcceleratorMapper implements GpuMapper {
  /** This mapper's id. */
  public static final String ID = "hami-accelerators";

  private final GpuProfile profile;
  private final Map<String, String> defaultNames;

  /**
   * A mapper applying {@code profile}'s {@link GpuProfile#resourceRenames()}.
   *
   * @param profile the resource names the cluster uses
   */
  public HamiAcceleratorMapper(GpuProfile profile) {
    this.profile = profile;
    Map<String, String> reverse = new HashMap<>();
    profile.resourceRenames().forEach((from, to) -> reverse.put(to, from));
    this.defaultNames = Map.copyOf(reverse);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean supports(GpuRequest request) {
    return request instanceof GpuRequest.Accelerator;
  }

  @Override
  public GpuPlacement map(GpuRequest request) {
    GpuRequest.Accelerator a = (GpuRequest.Accelerator) request;
    AcceleratorVendor v = a.vendor();
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put(name(a, v.countResourceTemplate()), Limits.integer(a.count()));
    a.memory().ifPresent(m -> limits.put(name(a, v.memoryResourceTemplate().orElseThrow()),
        Limits.integer(m.inUnitsOf(v.memoryUnitMiB()))));
    Map<String, String> annotations = new LinkedHashMap<>();
    if (a.cores().isPresent()) {
      limits.put(name(a, v.coreResourceTemplate().orElseThrow()), Limits.integer(a.cores().getAsInt()));
      if (v == AcceleratorVendor.ASCEND) {
        annotations.put(AcceleratorVendor.ASCEND_VNPU_MODE, "hami-core");
      }
    }
    return new GpuPlacement(limits, annotations, List.of(), Optional.empty());
  }

  private String name(GpuRequest.Accelerator a, String template) {
    return profile.rename(a.resolve(template));
  }

  @Override
  public Optional<GpuRequest> detect(GpuSignals s) {
    Map<String, Quantity> limits = new LinkedHashMap<>();
    s.limits().forEach((k, q) -> limits.put(defaultNames.getOrDefault(k, k), q));
    for (AcceleratorVendor v : AcceleratorVendor.values()) {
      for (String key : new TreeSet<>(limits.keySet())) {
        Optional<String> keyModel = countKeyModel(v, key);
        if (keyModel.isEmpty()) {
          continue;
        }
        Optional<String> model = keyModel.filter(m -> !m.isEmpty());
        OptionalLong n = Limits.plainInteger(limits, key, 1, Integer.MAX_VALUE);
        if (n.isEmpty()) {
          continue;
        }
        GpuRequest.Accelerator.Builder b = GpuRequest.accelerator(v, (int) n.getAsLong());
        model.ifPresent(b::model);
        GpuRequest.Accelerator bare;
        try {
          bare = b.build();
        } catch (IllegalArgumentException e) {
          continue;
        }
        String m = model.orElse("");
        v.memoryResourceTemplate().ifPresent(t -> Limits.plainInteger(limits, t.replace("{model}", m), 1, Integer.MAX_VALUE)
            .ifPresent(units -> b.memory(GpuMemory.mebibytes(units * v.memoryUnitMiB()))));
        v.coreResourceTemplate().ifPresent(t -> Limits.plainInteger(limits, t.replace("{model}", m), 1, Integer.MAX_VALUE)
            .ifPresent(c -> b.cores((int) c)));
        try {
          return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
          return Optional.of(bare);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The model a count key names: empty when the key is not this vendor's count key, {@code ""}
   * for a vendor without models, else the model.
   */
  private static Optional<String> countKeyModel(AcceleratorVendor v, String key) {
    String t = v.countResourceTemplate();
    if (!v.perModel()) {
      return t.equals(key) ? Optional.of("") : Optional.empty();
    }
    int at = t.indexOf("{model}");
    String prefix = t.substring(0, at);
    String suffix = t.substring(at + "{model}".length());
    if (!key.startsWith(prefix) || !key.endsWith(suffix) || key.length() <= prefix.length() + suffix.length()) {
      return Optional.empty();
    }
    String model = key.substring(prefix.length(), key.length() - suffix.length());
    if (matches(v.memoryResourceTemplate(), key) || matches(v.coreResourceTemplate(), key)) {
      return Optional.empty();
    }
    return Optional.of(model);
  }

  private static boolean matches(Optional<String> template, String key) {
    if (template.isEmpty()) {
      return false;
    }
    String t = template.get();
    int at = t.indexOf("{model}");
    String prefix = t.substring(0, at);
    String suffix = t.substring(at + "{model}".length());
    return key.startsWith(prefix) && key.endsWith(suffix) && key.length() > prefix.length() + suffix.length();
  }
}
