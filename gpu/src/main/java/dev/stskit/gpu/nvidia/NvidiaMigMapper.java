package dev.stskit.gpu.nvidia;

import dev.stskit.gpu.GpuMapper;
import dev.stskit.gpu.GpuPlacement;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.GpuSignals;
import dev.stskit.gpu.MigStrategy;
import dev.stskit.gpu.internal.Limits;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MIG through NVIDIA's device plugin (GPU Operator):
 *
 * <ul>
 *   <li>mixed: {@code limits[nvidia.com/mig-<profile>] = count}, '+' written '.'
 *       ({@code 1g.10gb+me} → {@code nvidia.com/mig-1g.10gb.me}; NVIDIA/k8s-device-plugin
 *       {@code internal/rm/rm.go}; HAMi {@code examples/nvidia/mig_example.yaml});
 *   <li>single: {@code limits[nvidia.com/gpu] = count} plus a required node-affinity requirement
 *       choosing the profile: {@code nvidia.com/gpu.product In [<product>-MIG-<profile>]} (GPU
 *       Feature Discovery's single-strategy label) when the request names a product, else
 *       {@code nvidia.com/mig.config In [all-<profile>]} (MIG Manager's desired layout; it states
 *       intent, {@code nvidia.com/mig.config.state=success} confirms it).
 * </ul>
 */
public final class NvidiaMigMapper implements GpuMapper {
  /** This mapper's id. */
  public static final String ID = "nvidia-mig";
  /** GFD's product label. */
  public static final String PRODUCT_LABEL = "nvidia.com/gpu.product";
  /** MIG Manager's layout label. */
  public static final String MIG_CONFIG_LABEL = "nvidia.com/mig.config";

  private static final Pattern MIXED_SUFFIX =
      Pattern.compile("mig-([1-9][0-9]?g\\.[1-9][0-9]{0,3}gb)(?:\\.([a-z]+(?:\\.[a-z]+)*)|(-[a-z]+(?:\\.[a-z]+)*))?");

  private final GpuProfile profile;

  /**
   * A mapper using {@code profile}'s names.
   *
   * @param profile the resource names the cluster uses
   */
  public NvidiaMigMapper(GpuProfile profile) {
    this.profile = profile;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean supports(GpuRequest request) {
    return request instanceof GpuRequest.Mig;
  }

  @Override
  public GpuPlacement map(GpuRequest request) {
    GpuRequest.Mig m = (GpuRequest.Mig) request;
    if (m.strategy() == MigStrategy.MIXED) {
      return new GpuPlacement(
          Map.of(profile.migResourcePrefix() + m.mixedResourceSuffix(), Limits.integer(m.count())),
          Map.of(), List.of(), Optional.empty());
    }
    return new GpuPlacement(Map.of(profile.wholeCardResource(), Limits.integer(m.count())),
        Map.of(), List.of(singleRequirement(m)), Optional.empty());
  }

  private static NodeSelectorRequirement singleRequirement(GpuRequest.Mig m) {
    if (m.product().isPresent()) {
      return new NodeSelectorRequirementBuilder().withKey(PRODUCT_LABEL).withOperator("In")
          .withValues(m.product().get() + "-MIG-" + m.profile()).build();
    }
    return new NodeSelectorRequirementBuilder().withKey(MIG_CONFIG_LABEL).withOperator("In")
        .withValues("all-" + m.profile()).build();
  }

  @Override
  public Optional<GpuRequest> detect(GpuSignals signals) {
    String prefix = profile.migResourcePrefix() + "mig-";
    for (String key : new TreeSet<>(signals.limits().keySet())) {
      if (!key.startsWith(prefix)) {
        continue;
      }
      Matcher mm = MIXED_SUFFIX.matcher(key.substring(profile.migResourcePrefix().length()));
      OptionalLong n = Limits.plainInteger(signals.limits(), key, 1, Integer.MAX_VALUE);
      if (mm.matches() && n.isPresent()) {
        String name = mm.group(1)
            + (mm.group(2) != null ? "+" + mm.group(2) : "")
            + (mm.group(3) != null ? mm.group(3) : "");
        return Optional.of(GpuRequest.mig(name, (int) n.getAsLong(), MigStrategy.MIXED));
      }
    }
    OptionalLong n = Limits.plainInteger(signals.limits(), profile.wholeCardResource(), 1, Integer.MAX_VALUE);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    for (NodeSelectorRequirement r : signals.requiredNodeSelectorRequirements()) {
      if (!"In".equals(r.getOperator()) || r.getValues() == null || r.getValues().size() != 1) {
        continue;
      }
      String v = r.getValues().get(0);
      if (PRODUCT_LABEL.equals(r.getKey())) {
        int at = v.lastIndexOf("-MIG-");
        if (at > 0) {
          String p = v.substring(at + 5);
          if (GpuRequest.Mig.PROFILE.matcher(p).matches()) {
            return Optional.of(GpuRequest.migSingle(p, (int) n.getAsLong(), v.substring(0, at)));
          }
        }
      } else if (MIG_CONFIG_LABEL.equals(r.getKey()) && v.startsWith("all-")) {
        String p = v.substring(4);
        if (GpuRequest.Mig.PROFILE.matcher(p).matches()) {
          return Optional.of(GpuRequest.mig(p, (int) n.getAsLong(), MigStrategy.SINGLE));
        }
      }
    }
    return Optional.empty();
  }
}
