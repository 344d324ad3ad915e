package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.gpu.GpuInventory;
import dev.stskit.validation.FieldPath;
import dev.stskit.validation.internal.GpuFeasibility;
import dev.stskit.validation.internal.InventoryRule;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * GPU replicas that do not all fit in the inventory.
 *
 * <p>One replica fits somewhere, but {@code spec.replicas} (default 1) do not: the later pods stay
 * pending. Replicas are spread one per node when a required pod anti-affinity term uses
 * {@code kubernetes.io/hostname}, else packed as tightly as the GPUs allow. Accepted by Kubernetes and
 * partly working, hence a warning. A request that fits nowhere is {@code gpu-inventory-fit}'s.
 *
 * <p>Checked fields: {@code spec.replicas} against each GPU container's request.
 *
 * <p>Allowed values: at most the replicas the inventory holds.
 */
@RuleInfo(id = "gpu-inventory-capacity", severity = Severity.WARNING,
    summary = "Not all replicas of the GPU request fit in the inventory")
@InventoryRule
public final class GpuInventoryCapacity implements Rule {
  private final GpuInventory inventory;

  /**
   * The rule against {@code inventory}.
   *
   * @param inventory the cluster's GPU nodes
   */
  public GpuInventoryCapacity(GpuInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (GpuFeasibility.Result r : GpuFeasibility.check(sts, inventory)) {
      if (r.feasibility().oneReplicaFits() && !r.feasibility().allReplicasFit()) {
        out.add(Violation.invalid(FieldPath.of("spec", "replicas"), r.feasibility().replicas(),
            Message.of("gpu-inventory-capacity", r.feasibility().capacity(), r.feasibility().reason().orElse(""))));
      }
    }
    return out;
  }
}
