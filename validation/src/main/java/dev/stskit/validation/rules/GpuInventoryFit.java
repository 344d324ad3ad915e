package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.gpu.GpuInventory;
import dev.stskit.validation.internal.GpuFeasibility;
import dev.stskit.validation.internal.InventoryRule;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A GPU request no node of the inventory can host even once.
 *
 * <p>Reads each container's GPU request back ({@code GpuMappers.detect}) and asks
 * {@code GpuInventory.check} whether one replica fits on some node: the right GPU mode (whole, vGPU, MIG
 * mixed/single/dynamic), model allow/avoid lists, enough cards, vGPU slots (split count, memory, cores),
 * MIG layout, node selector. Static: capacity, not what already runs. The message carries the
 * inventory's per-node reasons (in English). Packing and replicas: see {@code gpu-inventory-capacity}.
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].resources.limits} (reported at the
 * request's first GPU key).
 *
 * <p>Allowed values: a request that fits on at least one node of the inventory.
 */
@RuleInfo(id = "gpu-inventory-fit", severity = Severity.ERROR,
    summary = "GPU request that no node of the inventory can host, not even one replica")
@InventoryRule
public final class GpuInventoryFit implements Rule {
  private final GpuInventory inventory;

  /**
   * The rule against {@code inventory}.
   *
   * @param inventory the cluster's GPU nodes
   */
  public GpuInventoryFit(GpuInventory inventory) {
    this.inventory = Objects.requireNonNull(inventory, "inventory");
  }

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (GpuFeasibility.Result r : GpuFeasibility.check(sts, inventory)) {
      if (!r.feasibility().oneReplicaFits()) {
        out.add(Violation.forbidden(r.limitPath(),
            Message.of("gpu-inventory-fit", r.feasibility().reason().orElse(""))));
      }
    }
    return out;
  }
}
