package dev.stskit.gpu.nvidia;

import dev.stskit.gpu.GpuMapper;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.GpuSignals;
import dev.stskit.gpu.internal.Limits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whole cards through NVIDIA's device plugin: {@code limits[nvidia.com/gpu] = count} (Kubernetes
 * "Schedule GPUs"; DCE-docs {@code nvidia/full_gpu_userguide.md}). Requests may be omitted; if
 * {@code core} writes them they must equal the limits (extended resources are not overcommitted).
 *
 * <p>Under {@link GpuProfile#upstreamHami()} the same limit is HAMi's count; HAMi then treats it as
 * exclusive cards (memory 100 %, the webhook adds {@code gpucores: 100};
 * {@code examples/nvidia/use_as_normal.yaml}).
 */
public final class NvidiaDevicePluginMapper implements GpuMapper {
  /** This mapper's id. */
  public static final String ID = "nvidia-device-plugin";

  private final GpuProfile profile;

  /** A mapper writing {@link GpuProfile#wholeCardResource()}. */
  public NvidiaDevicePluginMapper(GpuProfile profile) {
    this.profile = profile;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean supports(GpuRequest request) {
    return request instanceof GpuRequest.WholeCard;
  }

  @Override
  public GpuPlacement map(GpuRequest request) {
    GpuRequest.WholeCard w = (GpuRequest.WholeCard) request;
    return new GpuPlacement(Map.of(profile.wholeCardResource(), Limits.integer(w.count())),
        Map.of(), List.of(), Optional.empty());
  }

  @Override
  public Optional<GpuRequest> detect(GpuSignals signals) {
    OptionalLong n = Limits.plainInteger(signals.limits(), profile.wholeCardResource(), 1, Integer.MAX_VALUE);
    return n.isPresent() ? Optional.of(GpuRequest.wholeCard((int) n.getAsLong())) : Optional.empty();
  }
}
