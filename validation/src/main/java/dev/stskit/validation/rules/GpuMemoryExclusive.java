package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.gpu.GpuProfile;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vGPU memory given both in MiB and as a percentage.
 *
 * <p>HAMi uses {@code nvidia.com/gpumem} when it is set and then ignores
 * {@code nvidia.com/gpumem-percentage} ({@code pkg/device/nvidia/device.go},
 * {@code GenerateResourceRequests}); the form offers only one of them. Accepted, but one value does
 * nothing, hence a warning.
 *
 * <p>Checked fields: {@code resources.limits[nvidia.com/gpumem-percentage]} of every container and init
 * container that also sets {@code nvidia.com/gpumem}.
 *
 * <p>Allowed values: at most one of the two.
 */
@RuleInfo(id = "gpu-memory-exclusive", severity = Severity.WARNING,
    summary = "Container sets both nvidia.com/gpumem and nvidia.com/gpumem-percentage")
public final class GpuMemoryExclusive implements Rule {
  private static final GpuProfile DCE = GpuProfile.dce();

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      ResourceRequirements r = c.container().getResources();
      Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      if (limits.containsKey(DCE.vgpuMemoryResource()) && limits.containsKey(DCE.vgpuMemoryPercentageResource())) {
        FieldPath p = c.path().child("resources", "limits").key(DCE.vgpuMemoryPercentageResource());
        out.add(Violation.forbidden(p, Message.of("gpu-memory-exclusive")).withHint(Message.of("hint-gpu-memory-exclusive")));
      }
    }
    return out;
  }
}
