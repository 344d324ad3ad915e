package dev.stskit.gpu;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Other vendors' accelerators as HAMi serves them, with HAMi's default resource names
 * (Project-HAMi/HAMi @4707fb02 {@code charts/hami/values.yaml},
 * {@code charts/hami/templates/scheduler/device-configmap.yaml} and {@code pkg/device/<vendor>/};
 * summarised in accelerator-resources.json). A name containing {@code {model}} is per card model
 * (Ascend, Iluvatar): the request then names the model. Installs that renamed resources supply the
 * new names through {@link GpuProfile#resourceRenames()}.
 *
 * <p>Memory is a {@link GpuMemory} converted to the vendor's unit ({@link #memoryUnitMiB()}); a
 * request that is not a whole number of units is refused rather than rounded. Cores are in the
 * vendor's core unit ({@link #coreUnit()}).
 */
public enum AcceleratorVendor {
  /**
   * Huawei Ascend NPUs: {@code huawei.com/<model>}, {@code -memory} (MiB; HAMi rounds it up to the
   * smallest fitting vNPU template), {@code -core} (%, soft slicing only).
   */
  ASCEND("ascend", "huawei.com/{model}", "huawei.com/{model}-memory", "huawei.com/{model}-core",
      1, "% of AI cores", 100, List.of(), "Ascend"),
  /**
   * Cambricon MLUs: {@code cambricon.com/vmlu}; memory in 256 MiB units as HAMi's code reads it
   * ({@code pkg/device/cambricon/device.go} MemoryFactor 256; HAMi's site says 1 % per unit,
   * DCE's vendor plugin MB: gpu/docs/facts.md §7).
   */
  CAMBRICON("cambricon", "cambricon.com/vmlu", "cambricon.com/mlu.smlu.vmemory",
      "cambricon.com/mlu.smlu.vcore", 256, "% of cores", 100, List.of(), null),
  /** Hygon DCUs: {@code hygon.com/dcunum}, {@code dcumem} (MiB), {@code dcucores} (%). */
  HYGON("hygon", "hygon.com/dcunum", "hygon.com/dcumem", "hygon.com/dcucores",
      1, "% of cores", 100, List.of(), null),
  /** Iluvatar GPUs: {@code iluvatar.ai/<model>-vgpu}, {@code .vMem} (256 MiB units), {@code .vCore} (%). */
  ILUVATAR("iluvatar", "iluvatar.ai/{model}-vgpu", "iluvatar.ai/{model}.vMem",
      "iluvatar.ai/{model}.vCore", 256, "% of cores", 100, List.of(), ""),
  /** MetaX whole GPUs (topology-aware): {@code metax-tech.com/gpu}. */
  METAX("metax", "metax-tech.com/gpu", null, null, 1, null, 0, List.of(), null),
  /** MetaX shared GPUs: {@code metax-tech.com/sgpu}, {@code vmemory} (GiB), {@code vcore} (%). */
  METAX_SGPU("metax-sgpu", "metax-tech.com/sgpu", "metax-tech.com/vmemory", "metax-tech.com/vcore",
      1024, "% of cores", 100, List.of(), null),
  /** Enflame whole GCUs: {@code enflame.com/gcu}. */
  ENFLAME("enflame", "enflame.com/gcu", null, null, 1, null, 0, List.of(), null),
  /** Enflame DRS slices: {@code enflame.com/drs-gcu}, {@code gcu-memory} (MiB), {@code gcu-core} (%). */
  ENFLAME_DRS("enflame-drs", "enflame.com/drs-gcu", "enflame.com/gcu-memory", "enflame.com/gcu-core",
      1, "% of cores", 100, List.of(), null),
  /** Kunlunxin whole XPUs: {@code kunlunxin.com/xpu}. */
  KUNLUNXIN("kunlunxin", "kunlunxin.com/xpu", null, null, 1, null, 0, List.of(), null),
  /** Kunlunxin vXPUs: {@code kunlunxin.com/vxpu}, {@code vxpu-memory} (MiB, HAMi aligns it up). */
  KUNLUNXIN_VXPU("kunlunxin-vxpu", "kunlunxin.com/vxpu", "kunlunxin.com/vxpu-memory", null,
      1, null, 0, List.of(), null),
  /**
   * Moore Threads GPUs: {@code mthreads.com/vgpu}, {@code sgpu-memory} in 512 MiB units limited to
   * 2, 4, 8, 16, 32, 64 or 96 units, {@code sgpu-core} in sixteenths of a GPU (HAMi
   * {@code pkg/device/mthreads/device.go}: legalMemoryslices, MemoryFactor 512, 16 cores).
   * Later HAMi builds derive the list from a configurable memory per card (S5000: 160 units);
   * this SDK keeps HAMi 2.10's fixed list.
   */
  MTHREADS("mthreads", "mthreads.com/vgpu", "mthreads.com/sgpu-memory", "mthreads.com/sgpu-core",
      512, "sixteenths of a GPU", 16, List.of(2L, 4L, 8L, 16L, 32L, 64L, 96L), null);

  /** HAMi's annotation that selects Ascend soft slicing, needed with {@code -core} limits. */
  public static final String ASCEND_VNPU_MODE = "huawei.com/vnpu-mode";

  private final String id;
  private final String countResource;
  private final String memoryResource;
  private final String coreResource;
  private final long memoryUnitMiB;
  private final String coreUnit;
  private final int maxCores;
  private final List<Long> legalMemoryUnits;
  private final String modelPrefix;

  AcceleratorVendor(String id, String countResource, String memoryResource, String coreResource,
      long memoryUnitMiB, String coreUnit, int maxCores, List<Long> legalMemoryUnits,
      String modelPrefix) {
    this.id = id;
    this.countResource = countResource;
    this.memoryResource = memoryResource;
    this.coreResource = coreResource;
    this.memoryUnitMiB = memoryUnitMiB;
    this.coreUnit = coreUnit;
    this.maxCores = maxCores;
    this.legalMemoryUnits = legalMemoryUnits;
    this.modelPrefix = modelPrefix;
  }

  /** {@return the spec-file id, e.g. {@code ascend}, {@code metax-sgpu}} */
  public String id() {
    return id;
  }

  /** {@return whether the resource names carry the card model ({@code {model}} in the names)} */
  public boolean perModel() {
    return countResource.contains("{model}");
  }

  /** {@return the prefix a model must start with for this vendor ({@code Ascend}), or empty} */
  public Optional<String> modelPrefix() {
    return Optional.ofNullable(modelPrefix).filter(p -> !p.isEmpty());
  }

  /** {@return HAMi's default count resource name, possibly with {@code {model}}} */
  public String countResourceTemplate() {
    return countResource;
  }

  /** {@return HAMi's default memory resource name, if the vendor has one} */
  public Optional<String> memoryResourceTemplate() {
    return Optional.ofNullable(memoryResource);
  }

  /** {@return HAMi's default core resource name, if the vendor has one} */
  public Optional<String> coreResourceTemplate() {
    return Optional.ofNullable(coreResource);
  }

  /** {@return MiB per unit of the memory resource (1, 256, 512 or 1024)} */
  public long memoryUnitMiB() {
    return memoryUnitMiB;
  }

  /** {@return what one unit of the core resource means, if the vendor has one} */
  public Optional<String> coreUnit() {
    return Optional.ofNullable(coreUnit);
  }

  /** {@return the largest core value, if the vendor has cores} */
  public OptionalInt maxCores() {
    return coreResource == null ? OptionalInt.empty() : OptionalInt.of(maxCores);
  }

  /** {@return the only memory values (in units) the vendor accepts; empty when any positive value is fine} */
  public List<Long> legalMemoryUnits() {
    return legalMemoryUnits;
  }

  /**
   * The vendor for a spec-file id.
   *
   * @param id the vendor's spec-file id, e.g. {@code ascend}
   * @return the vendor
   * @throws IllegalArgumentException listing the known ids
   */
  public static AcceleratorVendor fromId(String id) {
    for (AcceleratorVendor v : values()) {
      if (v.id.equals(id)) {
        return v;
      }
    }
    StringBuilder ids = new StringBuilder();
    for (AcceleratorVendor v : values()) {
      ids.append(ids.length() == 0 ? "" : ", ").append(v.id);
    }
    throw new IllegalArgumentException("unknown accelerator vendor '" + id + "'; known: " + ids);
  }
}
