package dev.stskit.gpu;

import dev.stskit.gpu.internal.InventoryYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster's GPU nodes, for an offline feasibility check (the validation module turns its
 * answers into findings). Read it from a small YAML file:
 *
 * <pre>{@code
 * nodes:
 *   - name: gpu-1
 *     model: NVIDIA-A100-SXM4-80GB   # GFD nvidia.com/gpu.product
 *     cards: 8
 *     memoryPerCard: 80Gi
 *     mode: vgpu                     # whole | vgpu | mig-single | mig-mixed | mig-dynamic
 *     splitCount: 10                 # vgpu: tasks per card (default 10)
 *     labels: {zone: a}
 *   - name: gpu-2
 *     model: NVIDIA-A100-SXM4-80GB
 *     cards: 4
 *     memoryPerCard: 80Gi
 *     mode: mig-mixed
 *     migLayout: {3g.40gb: 1, 2g.20gb: 1, 1g.10gb: 2}   # per card
 * }</pre>
 *
 * <p>The check is static: it knows capacity, not what already runs.
 */
public final class GpuInventory {
  private final List<GpuNode> nodes;

  private GpuInventory(List<GpuNode> nodes) {
    this.nodes = List.copyOf(nodes);
    Set<String> names = new HashSet<>();
    for (GpuNode n : this.nodes) {
      if (!names.add(n.name())) {
        throw new IllegalArgumentException("nodes: node name '" + n.name() + "' appears twice");
      }
    }
  }

  /**
   * An inventory of these nodes (names unique).
   *
   * @param nodes the nodes, each name once
   * @return the inventory
   */
  public static GpuInventory of(List<GpuNode> nodes) {
    return new GpuInventory(nodes);
  }

  /**
   * Reads the YAML form shown above. Unknown fields and bad values are errors naming the path
   * ({@code nodes[1].cards}).
   *
   * @param yaml the inventory in its YAML form
   * @return the inventory
   */
  public static GpuInventory parse(String yaml) {
    return of(InventoryYaml.read(yaml));
  }

  /**
   * Reads a YAML file; I/O failures are {@link UncheckedIOException}s.
   *
   * @param file a YAML inventory file
   * @return the inventory
   */
  public static GpuInventory read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** {@return the nodes, in file order} */
  public List<GpuNode> nodes() {
    return nodes;
  }

  /**
   * {@link #check(GpuRequest, int, Packing, GpuProfile, Map)} under the DCE profile, no selector.
   *
   * @param request one replica's GPU request
   * @param replicas the StatefulSet's replicas
   * @param packing how replicas spread over nodes
   * @return whether one and all replicas fit, and where
   */
  public Feasibility check(GpuRequest request, int replicas, Packing packing) {
    return check(request, replicas, packing, GpuProfile.dce(), Map.of());
  }

  /**
   * Whether one replica of a pod with {@code request} fits on some node, and whether
   * {@code replicas} fit under {@code packing}.
   *
   * <p>Per node: whole cards need a whole-mode node (or, when the profile's vGPU count is the
   * whole-card name, also a vGPU node, where HAMi gives exclusive cards); vGPU needs a vGPU node
   * whose model passes the use/avoid lists, at least {@code cards} cards, and slots per card =
   * min(splitCount, memory fits, 100 / cores), 1 when HAMi makes the card exclusive; MIG mixed
   * and single count the layout's instances of the profile; dynamic MIG takes the catalog's
   * smallest profile with enough memory.
   *
   * @param nodeSelector labels a node must carry (the pod's {@code nodeSelector}), may be empty
   * @param request one replica's GPU request
   * @param replicas the StatefulSet's replicas
   * @param packing how replicas spread over nodes
   * @param profile the resource names the cluster uses
   * @return whether one and all replicas fit, and where
   */
  public Feasibility check(GpuRequest request, int replicas, Packing packing, GpuProfile profile,
      Map<String, String> nodeSelector) {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: must be at least 0, got " + replicas);
    }
    if (request instanceof GpuRequest.Accelerator a) {
      return new Feasibility(false, false, false, replicas, packing, 0, List.of(),
          Optional.of("the inventory models NVIDIA GPU nodes only; " + a.vendor().id() + " not checked"));
    }
    List<Feasibility.NodeFit> fits = new ArrayList<>();
    int nodesThatFit = 0;
    long total = 0;
    for (GpuNode n : nodes) {
      Fit f = selected(n, nodeSelector) ? fit(request, n, profile) : Fit.no("labels do not match the node selector " + nodeSelector);
      fits.add(new Feasibility.NodeFit(n.name(), f.replicas, f.reason));
      if (f.replicas > 0) {
        nodesThatFit++;
        total += f.replicas;
      }
    }
    int capacity = (int) Math.min(Integer.MAX_VALUE, packing == Packing.SPREAD ? nodesThatFit : total);
    boolean one = nodesThatFit > 0;
    boolean all = capacity >= replicas;
    Optional<String> reason = Optional.empty();
    if (!one) {
      StringBuilder sb = new StringBuilder("no node fits one replica of " + request);
      if (nodes.isEmpty()) {
        sb.append(": the inventory has no nodes");
      }
      for (Feasibility.NodeFit f : fits) {
        sb.append("; ").append(f.node()).append(": ").append(f.reason().orElse(""));
      }
      reason = Optional.of(sb.toString());
    } else if (!all) {
      reason = Optional.of(packing == Packing.SPREAD
          ? "only " + nodesThatFit + " node(s) fit a replica, " + replicas + " replicas spread one per node need "
              + replicas
          : "the nodes hold " + total + " replica(s) in all, " + replicas + " asked");
    }
    return new Feasibility(true, one, all, replicas, packing, capacity, fits, reason);
  }

  private static boolean selected(GpuNode n, Map<String, String> selector) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(n.labels().get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static final class Fit {
    final int replicas;
    final Optional<String> reason;

    private Fit(long replicas, Optional<String> reason) {
      this.replicas = (int) Math.min(Integer.MAX_VALUE, replicas);
      this.reason = reason;
    }

    static Fit of(long replicas, String whyNone) {
      return replicas > 0 ? new Fit(replicas, Optional.empty()) : no(whyNone);
    }

    static Fit no(String reason) {
      return new Fit(0, Optional.of(reason));
    }
  }

  private static Fit fit(GpuRequest request, GpuNode n, GpuProfile profile) {
    if (request instanceof GpuRequest.WholeCard w) {
      boolean ok = n.mode() == GpuNodeMode.WHOLE
          || (n.mode() == GpuNodeMode.VGPU && profile.vgpuCountIsWholeCard());
      if (!ok) {
        return Fit.no("node is in " + n.mode().value() + " mode, whole cards need whole mode");
      }
      if (!w.products().isEmpty() && !w.products().contains(n.model())) {
        return Fit.no("product " + n.model() + " is not one of " + w.products());
      }
      return Fit.of(n.cards() / w.count(), "needs " + w.count() + " cards, node has " + n.cards());
    }
    if (request instanceof GpuRequest.Vgpu v) {
      return vgpu(v, n);
    }
    if (request instanceof GpuRequest.Mig m) {
      return mig(m, n);
    }
    GpuRequest.DynamicMig d = (GpuRequest.DynamicMig) request;
    if (n.mode() != GpuNodeMode.MIG_DYNAMIC) {
      return Fit.no("node is in " + n.mode().value() + " mode, dynamic MIG needs mig-dynamic");
    }
    MigModel model = MigCatalog.standard().model(n.model());
    Optional<MigProfile> p = model.smallestFitting(d.memory());
    if (p.isEmpty()) {
      return Fit.no("no MIG profile of " + model.name() + " has " + d.memory());
    }
    if (d.count() > n.cards()) {
      return Fit.no("needs " + d.count() + " cards, node has " + n.cards());
    }
    return Fit.of((long) n.cards() * p.get().maxInstances() / d.count(), "");
  }

  private static Fit vgpu(GpuRequest.Vgpu v, GpuNode n) {
    if (n.mode() != GpuNodeMode.VGPU) {
      return Fit.no("node is in " + n.mode().value() + " mode, vGPU needs vgpu mode");
    }
    String model = n.model().toLowerCase(Locale.ROOT);
    if (!v.models().isEmpty()
        && v.models().stream().noneMatch(m -> model.contains(m.toLowerCase(Locale.ROOT)))) {
      return Fit.no("model " + n.model() + " is not one of " + v.models());
    }
    for (String m : v.avoidModels()) {
      if (model.contains(m.toLowerCase(Locale.ROOT))) {
        return Fit.no("model " + n.model() + " is avoided (" + m + ")");
      }
    }
    if (v.cards() > n.cards()) {
      return Fit.no("needs " + v.cards() + " cards (one slice on each), node has " + n.cards());
    }
    long slots = n.splitCount();
    if (v.memory().isPresent()) {
      if (v.memory().get().compareTo(n.memoryPerCard()) > 0) {
        return Fit.no("needs " + v.memory().get() + " per card, cards have " + n.memoryPerCard());
      }
      slots = Math.min(slots, n.memoryPerCard().mebibytes() / v.memory().get().mebibytes());
    } else if (v.memoryPercent().isPresent()) {
      slots = Math.min(slots, 100 / v.memoryPercent().getAsInt());
    }
    int cores = v.effectiveCores();
    if (cores == 100) {
      slots = 1;
    } else if (cores > 0) {
      slots = Math.min(slots, 100 / cores);
    }
    return Fit.of(n.cards() * slots / v.cards(), "");
  }

  private static Fit mig(GpuRequest.Mig m, GpuNode n) {
    GpuNodeMode want = m.strategy() == MigStrategy.MIXED ? GpuNodeMode.MIG_MIXED : GpuNodeMode.MIG_SINGLE;
    if (n.mode() != want) {
      return Fit.no("node is in " + n.mode().value() + " mode, MIG " + m.strategy().value() + " needs " + want.value());
    }
    MigModel model = MigCatalog.standard().model(n.model());
    try {
      model.profile(m.profile());
    } catch (UnknownMigProfileException e) {
      return Fit.no(e.getMessage());
    }
    if (m.product().isPresent()
        && !MigCatalog.normalize(m.product().get()).equals(MigCatalog.normalize(n.model()))) {
      return Fit.no("product " + n.model() + " is not " + m.product().get());
    }
    Integer perCard = n.migLayout().get(m.profile());
    if (perCard == null) {
      return Fit.no("MIG layout " + n.migLayout() + " has no " + m.profile() + " instances");
    }
    return Fit.of((long) n.cards() * perCard / m.count(),
        "needs " + m.count() + " × " + m.profile() + ", node has " + (long) n.cards() * perCard);
  }
}
