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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * vGPU compute or memory share above 100 %.
 *
 * <p>{@code nvidia.com/gpucores} is the percentage of each card's SMs (docs/form.md §2: 0–100; 0 means no
 * enforced isolation, 100 an exclusive card) and {@code nvidia.com/gpumem-percentage} the share of its
 * memory (1–100). HAMi never finds a card with more than 100 % ({@code pkg/device/nvidia/device.go}
 * {@code Fit}), so the pod stays pending.
 *
 * <p>Checked fields: {@code resources.limits[nvidia.com/gpucores]},
 * {@code resources.limits[nvidia.com/gpumem-percentage]} of every container and init container.
 *
 * <p>Allowed values: gpucores 0–100; gpumem-percentage 1–100.
 */
@RuleInfo(id = "gpu-percent-range", severity = Severity.ERROR,
    summary = "vGPU cores or memory percentage outside 0-100")
public final class GpuPercentRange implements Rule {
  private static final GpuProfile DCE = GpuProfile.dce();

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      ResourceRequirements r = c.container().getResources();
      Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      FieldPath path = c.path().child("resources", "limits");
      check(out, path, DCE.vgpuCoresResource(), limits.get(DCE.vgpuCoresResource()), 0);
      check(out, path, DCE.vgpuMemoryPercentageResource(), limits.get(DCE.vgpuMemoryPercentageResource()), 1);
    }
    return out;
  }

  private static void check(List<Violation> out, FieldPath path, String key, Quantity q, int min) {
    if (q == null) {
      return;
    }
    BigDecimal v = Quantities.parse(q).orElse(null);
    if (v != null && (v.compareTo(BigDecimal.valueOf(min)) < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0)) {
      out.add(Violation.invalid(path.key(key), Quantities.text(q), Message.of("gpu-percent-range", min)));
    }
  }
}
