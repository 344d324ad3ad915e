package dev.stskit.gpu.hami;

import dev.stskit.gpu.GpuMapper;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.GpuSignals;
import dev.stskit.gpu.TaskPriority;
import dev.stskit.gpu.internal.Limits;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * HAMi vGPU on NVIDIA cards. Writes, in this order, into the container's
 * {@code resources.limits} (all bare integers):
 *
 * <ul>
 *   <li>{@link GpuProfile#vgpuCountResource()} = cards;
 *   <li>{@code nvidia.com/gpumem} = memory in MiB, or {@code nvidia.com/gpumem-percentage};
 *   <li>{@code nvidia.com/gpucores} = cores, when given;
 *   <li>{@code nvidia.com/priority} = 0 (high) or 1 (normal), when given;
 * </ul>
 *
 * and into the pod template's annotations {@code hami.io/node-scheduler-policy},
 * {@code hami.io/gpu-scheduler-policy}, {@code nvidia.com/use-gputype},
 * {@code nvidia.com/nouse-gputype} (HAMi {@code examples/nvidia/*.yaml}; gpu/docs/facts.md §§1–2).
 *
 * <p>What HAMi's webhook adds on pod CREATE ({@code pkg/scheduler/webhook.go},
 * {@code pkg/device/nvidia/device.go MutateAdmission}), left to it and not written here. The
 * webhook mutates each Pod, not the StatefulSet's template, so compiled and lifted templates never
 * carry these additions:
 *
 * <ul>
 *   <li>the count ({@code defaultGPUNum}, 1) when only memory/cores are given
 *       ({@code mutateContainerResource}) — never needed, the count is always written;
 *   <li>{@code gpucores: 100} when the count is present, cores are absent and memory is
 *       exclusive: {@code gpumem-percentage} 100, or neither memory key
 *       ({@code defaultExclusiveCoreIfNeeded}); the card is then used exclusively
 *       ({@link GpuRequest.Vgpu#effectiveCores()});
 *   <li>env {@code CUDA_TASK_PRIORITY} from {@code nvidia.com/priority};
 *   <li>{@code schedulerName: hami-scheduler}. Only when the webhook is disabled
 *       ({@link GpuProfile#hamiWebhook()} false) does this mapper set the scheduler name; the
 *       other additions then do not happen either.
 * </ul>
 *
 * <p>Under a profile whose vGPU count is the whole-card resource ({@link
 * GpuProfile#upstreamHami()}) a vGPU request with nothing but cards is the pod spec of a
 * whole-card request; this mapper refuses it so that each pod spec has one reading.
 */
public final class HamiVgpuMapper implements GpuMapper {
  /** This mapper's id. */
  public static final String ID = "hami-vgpu";

  private final GpuProfile profile;

  /**
   * A mapper using {@code profile}'s names and webhook setting.
   *
   * @param profile the resource names the cluster uses
   */
  public HamiVgpuMapper(GpuProfile profile) {
    this.profile = profile;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean supports(GpuRequest request) {
    return request instanceof GpuRequest.Vgpu v && !(profile.vgpuCountIsWholeCard() && v.cardsOnly());
  }

  @Override
  public Optional<String> unsupportedReason(GpuRequest request) {
    if (request instanceof GpuRequest.Vgpu v && v.cardsOnly() && profile.vgpuCountIsWholeCard()) {
      return Optional.of("a vGPU request with only cards is the whole-card pod spec when the vGPU count is "
          + profile.vgpuCountResource() + " (HAMi then gives exclusive cards,"
          + " examples/nvidia/use_as_normal.yaml); use GpuRequest.wholeCard(" + v.cards()
          + ") or set cores or memory");
    }
    return Optional.empty();
  }

  @Override
  public GpuPlacement map(GpuRequest request) {
    GpuRequest.Vgpu v = (GpuRequest.Vgpu) request;
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put(profile.vgpuCountResource(), Limits.integer(v.cards()));
    v.memory().ifPresent(m -> limits.put(profile.vgpuMemoryResource(), Limits.integer(m.mebibytes())));
    v.memoryPercent().ifPresent(p -> limits.put(profile.vgpuMemoryPercentageResource(), Limits.integer(p)));
    v.cores().ifPresent(c -> limits.put(profile.vgpuCoresResource(), Limits.integer(c)));
    v.priority().ifPresent(p -> limits.put(profile.vgpuPriorityResource(), Limits.integer(p.limitValue())));
    Map<String, String> annotations = new LinkedHashMap<>();
    HamiAnnotations.putPolicies(annotations, v.nodePolicy(), v.cardPolicy());
    if (!v.models().isEmpty()) {
      annotations.put(HamiAnnotations.USE_GPU_TYPE, String.join(",", v.models()));
    }
    if (!v.avoidModels().isEmpty()) {
      annotations.put(HamiAnnotations.NOUSE_GPU_TYPE, String.join(",", v.avoidModels()));
    }
    return new GpuPlacement(limits, annotations, List.of(),
        profile.hamiWebhook() ? Optional.empty() : Optional.of(profile.hamiSchedulerName()));
  }

  @Override
  public Optional<GpuRequest> detect(GpuSignals s) {
    Map<String, Quantity> limits = s.limits();
    OptionalLong cards = Limits.plainInteger(limits, profile.vgpuCountResource(), 1, Integer.MAX_VALUE);
    if (cards.isEmpty() || "mig".equals(s.podAnnotations().get(HamiAnnotations.VGPU_MODE))) {
      return Optional.empty();
    }
    GpuRequest.Vgpu.Builder b = GpuRequest.vgpu((int) cards.getAsLong());
    OptionalLong mem = Limits.plainInteger(limits, profile.vgpuMemoryResource(), 1, Integer.MAX_VALUE);
    if (mem.isPresent()) {
      b.memory(GpuMemory.mebibytes(mem.getAsLong()));
    } else if (!limits.containsKey(profile.vgpuMemoryResource())) {
      Limits.plainInteger(limits, profile.vgpuMemoryPercentageResource(), 1, 100)
          .ifPresent(p -> b.memoryPercent((int) p));
    }
    Limits.plainInteger(limits, profile.vgpuCoresResource(), 0, 100).ifPresent(c -> b.cores((int) c));
    Limits.plainInteger(limits, profile.vgpuPriorityResource(), 0, 1)
        .ifPresent(p -> b.priority(TaskPriority.fromLimitValue(p)));
    Map<String, String> a = s.podAnnotations();
    HamiAnnotations.policy(a, HamiAnnotations.NODE_POLICY).ifPresent(b::nodePolicy);
    HamiAnnotations.policy(a, HamiAnnotations.CARD_POLICY).ifPresent(b::cardPolicy);
    Optional<List<String>> use = HamiAnnotations.models(a, HamiAnnotations.USE_GPU_TYPE);
    Optional<List<String>> avoid = HamiAnnotations.models(a, HamiAnnotations.NOUSE_GPU_TYPE);
    boolean clash = use.isPresent() && avoid.isPresent()
        && use.get().stream().anyMatch(avoid.get()::contains);
    if (!clash) {
      use.ifPresent(l -> b.addModel(l.toArray(String[]::new)));
      avoid.ifPresent(l -> b.addAvoidModel(l.toArray(String[]::new)));
    }
    GpuRequest.Vgpu v = b.build();
    return supports(v) ? Optional.of(v) : Optional.empty();
  }
}
