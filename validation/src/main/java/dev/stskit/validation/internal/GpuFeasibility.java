package dev.stskit.validation.internal;

import dev.stskit.gpu.Feasibility;
import dev.stskit.gpu.GpuInventory;
import dev.stskit.gpu.GpuMappers;
import dev.stskit.gpu.GpuProfile;
import dev.stskit.gpu.Packing;
import dev.stskit.validation.FieldPath;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks each GPU container of a StatefulSet against a {@link GpuInventory}: the request is read back
 * with {@code GpuMappers.detect} (DCE names, or upstream HAMi names when the container uses
 * {@code nvidia.com/gpumem}/{@code gpucores} without {@code nvidia.com/vgpu}), then
 * {@code GpuInventory.check} answers for {@code spec.replicas} replicas (default 1), spread one per node
 * when a required pod anti-affinity term uses {@code kubernetes.io/hostname}, else bin-packed, on the
 * nodes matching the pod's {@code nodeSelector}. Containers whose limits are no request the GPU model
 * reads, and requests the inventory cannot judge (other vendors), are skipped. Init containers are not
 * checked.
 */
public final class GpuFeasibility {
  private GpuFeasibility() {}

  /** One container's verdict: where its GPU limit is, and the inventory's answer. */
  public record Result(FieldPath limitPath, Feasibility feasibility) {}

  /** The verdicts, in container order. */
  public static List<Result> check(StatefulSet sts, GpuInventory inventory) {
    List<Result> out = new ArrayList<>();
    PodSpec pod = Pods.podSpec(sts);
    Map<String, String> annotations = Pods.templateMeta(sts).getAnnotations() == null ? Map.of()
        : Pods.templateMeta(sts).getAnnotations();
    Map<String, String> nodeSelector = pod.getNodeSelector() == null ? Map.of() : pod.getNodeSelector();
    int replicas = Pods.spec(sts).getReplicas() == null ? 1 : Math.max(0, Pods.spec(sts).getReplicas());
    Packing packing = spreadsOverHosts(pod) ? Packing.SPREAD : Packing.BINPACK;
    List<Container> containers = Defaults.list(pod.getContainers());
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      if (c == null || c.getResources() == null || c.getResources().getLimits() == null) {
        continue;
      }
      Map<String, Quantity> limits = c.getResources().getLimits();
      GpuProfile profile = profileFor(limits);
      Optional<GpuMappers.Detected> d;
      try {
        d = GpuMappers.of(profile).detect(limits, annotations, GpuPods.requiredRequirements(sts));
      } catch (IllegalArgumentException e) {
        d = Optional.empty();
      }
      if (d.isEmpty() || d.get().limitKeys().isEmpty()) {
        continue;
      }
      Feasibility f = inventory.check(d.get().request(), replicas, packing, profile, nodeSelector);
      if (f.checked()) {
        FieldPath p = Pods.POD_SPEC.child("containers").index(i).child("resources", "limits")
            .key(d.get().limitKeys().iterator().next());
        out.add(new Result(p, f));
      }
    }
    return out;
  }

  private static GpuProfile profileFor(Map<String, Quantity> limits) {
    GpuProfile dce = GpuProfile.dce();
    if (limits.containsKey(dce.vgpuCountResource())) {
      return dce;
    }
    boolean hamiAmounts = limits.containsKey(dce.vgpuMemoryResource()) || limits.containsKey(dce.vgpuCoresResource())
        || limits.containsKey(dce.vgpuMemoryPercentageResource());
    return hamiAmounts ? GpuProfile.upstreamHami() : dce;
  }

  private static boolean spreadsOverHosts(PodSpec pod) {
    if (pod.getAffinity() == null || pod.getAffinity().getPodAntiAffinity() == null) {
      return false;
    }
    for (PodAffinityTerm t : Defaults.list(
        pod.getAffinity().getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution())) {
      if (t != null && "kubernetes.io/hostname".equals(t.getTopologyKey())) {
        return true;
      }
    }
    return false;
  }
}
