package dev.stskit.gpu;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The resource names and HAMi settings of one platform install: resource names are
 * configuration, not constants (HAMi reads them from the {@code hami-scheduler-device}
 * ConfigMap, {@code nvidia.resourceCountName} etc.; gpu/docs/facts.md §2).
 *
 * <ul>
 *   <li>{@link #dce()} — DaoCloud DCE 5's {@code nvidia-vgpu} addon, which renames HAMi's vGPU
 *       count to {@code nvidia.com/vgpu} (DaoCloud/dce-charts-repackage
 *       {@code charts/nvidia-vgpu/nvidia-vgpu/values.yaml} {@code resourceName}); whole cards stay
 *       {@code nvidia.com/gpu} from NVIDIA's device plugin. The default of {@link GpuMappers}.
 *   <li>{@link #upstreamHami()} — HAMi's chart defaults ({@code charts/hami/values.yaml}): the
 *       vGPU count is {@code nvidia.com/gpu}, the same name as a whole card.
 *   <li>Your own: {@code GpuProfile.builder().from(GpuProfile.dce()).id("ours")
 *       .vgpuCountResource("example.com/vgpu").build()}.
 * </ul>
 */
@Value.Immutable
public interface GpuProfile {

  /** {@return a short name for messages, e.g. {@code dce}} */
  String id();

  /** {@return the resource name of whole cards (NVIDIA device plugin)} Default {@code nvidia.com/gpu}. */
  @Value.Default
  default String wholeCardResource() {
    return "nvidia.com/gpu";
  }

  /** {@return the resource name of HAMi's vGPU count ({@code nvidia.resourceCountName}): physical cards used} */
  String vgpuCountResource();

  /** {@return the resource name of HAMi's memory per card in MiB} Default {@code nvidia.com/gpumem}. */
  @Value.Default
  default String vgpuMemoryResource() {
    return "nvidia.com/gpumem";
  }

  /** {@return the resource name of HAMi's memory per card as a percentage} Default {@code nvidia.com/gpumem-percentage}. */
  @Value.Default
  default String vgpuMemoryPercentageResource() {
    return "nvidia.com/gpumem-percentage";
  }

  /** {@return the resource name of HAMi's compute per card in percent} Default {@code nvidia.com/gpucores}. */
  @Value.Default
  default String vgpuCoresResource() {
    return "nvidia.com/gpucores";
  }

  /** {@return the resource name of HAMi's task priority} Default {@code nvidia.com/priority}. */
  @Value.Default
  default String vgpuPriorityResource() {
    return "nvidia.com/priority";
  }

  /**
   * The domain of MIG mixed-strategy resources: the name is this + {@code mig-<profile>}. Default
   * {@code nvidia.com/} (NVIDIA/k8s-device-plugin {@code internal/rm/rm.go}).
   *
   * @return the domain, ending in {@code /}
   */
  @Value.Default
  default String migResourcePrefix() {
    return "nvidia.com/";
  }

  /**
   * Whether HAMi's mutating webhook runs (helm {@code admissionWebhook.enabled}, default true). It
   * sets {@code schedulerName: hami-scheduler} on pods asking for HAMi resources; when it is
   * disabled the mappers write {@link #hamiSchedulerName()} themselves.
   *
   * @return whether the webhook runs
   */
  @Value.Default
  default boolean hamiWebhook() {
    return true;
  }

  /** {@return HAMi's scheduler name (helm {@code schedulerName})} Default {@code hami-scheduler}. */
  @Value.Default
  default String hamiSchedulerName() {
    return "hami-scheduler";
  }

  /**
   * Renamed accelerator resources: HAMi's default name (as in {@link AcceleratorVendor}, model
   * substituted, e.g. {@code huawei.com/Ascend910B3}) → this install's name. Default: none.
   *
   * @return default name → installed name; empty when nothing is renamed
   */
  Map<String, String> resourceRenames();

  /**
   * The installed name of a default accelerator resource name.
   *
   * @param defaultName HAMi's default name of a resource
   * @return the name this installation uses; {@code defaultName} when it is not renamed
   */
  default String rename(String defaultName) {
    return resourceRenames().getOrDefault(defaultName, defaultName);
  }

  /** {@return whether a bare vGPU count and a whole card are the same limit under this profile} */
  default boolean vgpuCountIsWholeCard() {
    return vgpuCountResource().equals(wholeCardResource());
  }

  /** Checks that the HAMi names differ from each other and that renames are one-to-one. */
  @Value.Check
  default void check() {
    List<String> hami = List.of(vgpuCountResource(), vgpuMemoryResource(),
        vgpuMemoryPercentageResource(), vgpuCoresResource(), vgpuPriorityResource());
    Set<String> seen = new HashSet<>();
    for (String n : hami) {
      if (n.isBlank()) {
        throw new IllegalStateException("GPU profile '" + id() + "': a resource name is blank");
      }
      if (!seen.add(n)) {
        throw new IllegalStateException("GPU profile '" + id() + "': resource name '" + n + "' is used twice");
      }
    }
    if (new HashSet<>(resourceRenames().values()).size() != resourceRenames().size()) {
      throw new IllegalStateException("GPU profile '" + id() + "': two resources are renamed to the same name");
    }
  }

  /** {@return the DCE 5 profile: vGPU count {@code nvidia.com/vgpu}, the rest HAMi's defaults} */
  static GpuProfile dce() {
    return builder().id("dce").vgpuCountResource("nvidia.com/vgpu").build();
  }

  /** {@return the profile of the upstream HAMi chart's defaults: vGPU count {@code nvidia.com/gpu}} */
  static GpuProfile upstreamHami() {
    return builder().id("hami").vgpuCountResource("nvidia.com/gpu").build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GpuProfile}; {@code id} and {@code vgpuCountResource} are required. */
  final class Builder extends ImmutableGpuProfile.Builder {}
}
