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
import java.util.TreeMap;

/**
 * A GPU count that is not a positive integer.
 *
 * <p>The form's GPU counts (whole cards, vGPU physical cards, MIG instances; docs/form.md §2) accept
 * positive integers only. Kubernetes accepts {@code 0} for an extended resource (and a whole number
 * written with a suffix, such as {@code 1k}); the form writes neither. Count resources are those of the
 * DCE and upstream HAMi profiles: {@code nvidia.com/gpu}, {@code nvidia.com/vgpu} and
 * {@code nvidia.com/mig-*}.
 *
 * <p>Checked fields: {@code resources.limits[...]} and {@code resources.requests[...]} of those
 * resources, in every container and init container.
 *
 * <p>Allowed values: a plain integer, at least 1.
 */
@RuleInfo(id = "platform-gpu-count", severity = Severity.ERROR,
    summary = "GPU count that is not a positive integer, which the form requires")
public final class PlatformGpuCount implements Rule {
  private static final GpuProfile DCE = GpuProfile.dce();
  private static final GpuProfile UPSTREAM = GpuProfile.upstreamHami();

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

  /** Whether {@code resource} counts GPUs (cards, vGPU slices or MIG instances) under DCE or upstream names. */
  static boolean isCount(String resource) {
    return resource.equals(DCE.wholeCardResource()) || resource.equals(DCE.vgpuCountResource())
        || resource.equals(UPSTREAM.vgpuCountResource()) || resource.startsWith(DCE.migResourcePrefix() + "mig-");
  }

  private static void check(List<Violation> out, FieldPath path, Map<String, Quantity> resources) {
    if (resources == null) {
      return;
    }
    for (Map.Entry<String, Quantity> e : new TreeMap<>(resources).entrySet()) {
      if (!isCount(e.getKey())) {
        continue;
      }
      String text = Quantities.text(e.getValue());
      if (!text.matches("[0-9]+") || new BigDecimal(text).signum() <= 0) {
        out.add(Violation.invalid(path.key(e.getKey()), text, Message.of("platform-gpu-count")));
      }
    }
  }
}
