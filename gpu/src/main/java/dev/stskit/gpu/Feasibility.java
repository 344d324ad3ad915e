package dev.stskit.gpu;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@link GpuInventory#check}: does one replica fit on some node, do all fit?
 *
 * @param checked false when the inventory cannot judge the request (accelerators of other
 *     vendors are not modelled); both answers are then false and {@code reason} says why
 * @param oneReplicaFits some node can host one replica
 * @param allReplicasFit all replicas fit under {@code packing}
 * @param replicas the replicas asked for
 * @param packing the packing assumed
 * @param capacity replicas that fit under {@code packing} (nodes that fit, for spread)
 * @param nodes per node: how many replicas it could host alone, and why none when none
 * @param reason why not, when something does not fit
 */
public record Feasibility(
    boolean checked,
    boolean oneReplicaFits,
    boolean allReplicasFit,
    int replicas,
    Packing packing,
    int capacity,
    List<NodeFit> nodes,
    Optional<String> reason) {

  /**
   * Copies the node list.
   *
   * @param checked false when the inventory cannot judge the request (accelerators of other
   *     vendors are not modelled); both answers are then false and {@code reason} says why
   * @param oneReplicaFits some node can host one replica
   * @param allReplicasFit all replicas fit under {@code packing}
   * @param replicas the replicas asked for
   * @param packing the packing assumed
   * @param capacity replicas that fit under {@code packing} (nodes that fit, for spread)
   * @param nodes per node: how many replicas it could host alone, and why none when none
   * @param reason why not, when something does not fit
   */
  public Feasibility {
    nodes = List.copyOf(nodes);
  }

  /**
   * One node's verdict.
   *
   * @param node the node name
   * @param replicas replicas of the request the node alone could host
   * @param reason why none, when {@code replicas} is 0
   */
  public record NodeFit(String node, int replicas, Optional<String> reason) {}
}
