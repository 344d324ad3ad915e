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
import dev.stskit.validation.internal.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A HAMi vGPU amount written with a suffix or a fraction.
 *
 * <p>HAMi reads {@code nvidia.com/gpumem} (MiB), {@code nvidia.com/gpumem-percentage},
 * {@code nvidia.com/gpucores} and {@code nvidia.com/priority} with {@code Quantity.AsInt64()}
 * ({@code pkg/device/nvidia/device.go}, {@code GenerateResourceRequests}), so {@code 3000M} is 3 000 000 000
 * MiB and {@code 4Gi} is 4 294 967 296 MiB, not 4 GiB: Kubernetes accepts both (they are whole numbers),
 * the pod then never fits. Write bare integers, as the form does. Resource names: HAMi's defaults, which
 * DCE keeps.
 *
 * <p>Checked fields: {@code resources.limits[...]} and {@code resources.requests[...]} of those
 * resources in every container and init container.
 *
 * <p>Allowed values: a bare non-negative integer ({@code 4096}).
 */
@RuleInfo(id = "gpu-plain-integer", severity = Severity.ERROR,
    summary = "HAMi vGPU memory, cores or priority written with a suffix, which HAMi misreads")
public final class GpuPlainInteger implements Rule {
  private static final GpuProfile DCE = GpuProfile.dce();
  /** The amounts HAMi reads as plain numbers. */
  static final Set<String> AMOUNTS = Set.of(DCE.vgpuMemoryResource(), DCE.vgpuMemoryPercentageResource(),
      DCE.vgpuCoresResource(), DCE.vgpuPriorityResource());

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      ResourceRequirements r = c.container().getResources();
      if (r != null) {
        check(out, c.path().child("resources", "limits"), r.getLimits());
        check(out, c.path().child("resources", "requests"), r.getRequests());
      }
    }
    return out;
  }

  private static void check(List<Violation> out, FieldPath path, Map<String, Quantity> resources) {
    if (resources == null) {
      return;
    }
    for (Map.Entry<String, Quantity> e : new TreeMap<>(resources).entrySet()) {
      String text = Quantities.text(e.getValue());
      if (AMOUNTS.contains(e.getKey()) && !text.matches("[0-9]+")) {
        out.add(Violation.invalid(path.key(e.getKey()), text, Message.of("gpu-plain-integer"))
            .withHint(Message.of("hint-gpu-plain-integer")));
      }
    }
  }
}
