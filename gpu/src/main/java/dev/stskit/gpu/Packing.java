package dev.stskit.gpu;

/** How a feasibility check may place a StatefulSet's replicas on nodes. */
public enum Packing {
  /** At most one replica per node (as with a required pod anti-affinity on the hostname). */
  SPREAD,
  /** Any number of replicas per node, as far as its GPUs allow. */
  BINPACK
}
