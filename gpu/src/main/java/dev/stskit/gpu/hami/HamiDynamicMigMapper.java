package dev.stskit.gpu.hami;

import dev.stskit.gpu.GpuMapper;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.GpuSignals;
import dev.stskit.gpu.SchedulingPolicy;
import dev.stskit.gpu.internal.Limits;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * HAMi dynamic MIG (HAMi-site {@code userguide/nvidia-device/dynamic-mig-support.md}; HAMi
 * {@code examples/nvidia/dynamic_mig_example.yaml}): limits {@link GpuProfile#vgpuCountResource()}
 * = count and {@code nvidia.com/gpumem} = MiB per instance, and pod-template annotation
 * {@code nvidia.com/vgpu-mode: mig}, without which the pod may land on a hami-core node instead
 * ({@code pkg/device/nvidia/device.go checkType}). HAMi 2.10 picks, per instance, the allowed
 * profile with the smallest memory ≥ the request ({@code selectMigCandidate}) and records it in
 * {@code hami.io/vgpu-mig-allocations}. The scheduler name follows {@link HamiVgpuMapper}.
 */
public final class HamiDynamicMigMapper implements GpuMapper {
  /** This mapper's id. */
  public static final String ID = "hami-dynamic-mig";

  private final GpuProfile profile;

  /**
   * A mapper using {@code profile}'s names.
   *
   * @param profile the resource names the cluster uses
   */
  public HamiDynamicMigMapper(GpuProfile profile) {
    this.profile = profile;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean supports(GpuRequest request) {
    return request instanceof GpuRequest.DynamicMig;
  }

  @Override
  public GpuPlacement map(GpuRequest request) {
    GpuRequest.DynamicMig d = (GpuRequest.DynamicMig) request;
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put(profile.vgpuCountResource(), Limits.integer(d.count()));
    limits.put(profile.vgpuMemoryResource(), Limits.integer(d.memory().mebibytes()));
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(HamiAnnotations.VGPU_MODE, "mig");
    HamiAnnotations.putPolicies(annotations, d.nodePolicy(), d.cardPolicy());
    return new GpuPlacement(limits, annotations, List.of(),
        profile.hamiWebhook() ? Optional.empty() : Optional.of(profile.hamiSchedulerName()));
  }

  @Override
  public Optional<GpuRequest> detect(GpuSignals s) {
    if (!"mig".equals(s.podAnnotations().get(HamiAnnotations.VGPU_MODE))) {
      return Optional.empty();
    }
    OptionalLong n = Limits.plainInteger(s.limits(), profile.vgpuCountResource(), 1, Integer.MAX_VALUE);
    OptionalLong m = Limits.plainInteger(s.limits(), profile.vgpuMemoryResource(), 1, Integer.MAX_VALUE);
    if (n.isEmpty() || m.isEmpty()) {
      return Optional.empty();
    }
    GpuRequest.DynamicMig d = GpuRequest.dynamicMig((int) n.getAsLong(), GpuMemory.mebibytes(m.getAsLong()));
    Optional<SchedulingPolicy> card = HamiAnnotations.policy(s.podAnnotations(), HamiAnnotations.CARD_POLICY);
    Optional<SchedulingPolicy> node = HamiAnnotations.policy(s.podAnnotations(), HamiAnnotations.NODE_POLICY);
    return Optional.of(new GpuRequest.DynamicMig(d.count(), d.memory(), card, node));
  }
}
