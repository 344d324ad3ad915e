package dev.stskit.gpu.nvidia;

import dev.stskit.gpu.GpuMapper;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.GpuSignals;
import dev.stskit.gpu.internal.Limits;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whole cards through NVIDIA's device plugin: {@code limits[nvidia.com/gpu] = count} (Kubernetes
 * "Schedule GPUs"; DCE-docs {@code nvidia/full_gpu_userguide.md}); pinned models become a required
 * node-affinity requirement {@code nvidia.com/gpu.product In [...]} (GPU Feature Discovery label). Requests may be omitted; if
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

  /**
   * A mapper writing {@link GpuProfile#wholeCardResource()}.
   *
   * @param profile the resource names the cluster uses
   */
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
    List<NodeSelectorRequirement> pin = w.products().isEmpty() ? List.of()
        : List.of(new NodeSelectorRequirementBuilder().withKey(NvidiaMigMapper.PRODUCT_LABEL)
            .withOperator("In").withValues(w.products()).build());
    return new GpuPlacement(Map.of(profile.wholeCardResource(), Limits.integer(w.count())),
        Map.of(), pin, Optional.empty());
  }

  @Override
  public Optional<GpuRequest> detect(GpuSignals signals) {
    OptionalLong n = Limits.plainInteger(signals.limits(), profile.wholeCardResource(), 1, Integer.MAX_VALUE);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    for (NodeSelectorRequirement r : signals.requiredNodeSelectorRequirements()) {
      if (NvidiaMigMapper.PRODUCT_LABEL.equals(r.getKey()) && "In".equals(r.getOperator())
          && r.getValues() != null && !r.getValues().isEmpty()
          && r.getValues().stream().noneMatch(v -> v.contains("-MIG-"))) {
        try {
          return Optional.of(GpuRequest.wholeCard((int) n.getAsLong(), r.getValues()));
        } catch (IllegalArgumentException e) {
          break;
        }
      }
    }
    return Optional.of(GpuRequest.wholeCard((int) n.getAsLong()));
  }
}
