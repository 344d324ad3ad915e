package dev.stskit.core.scheduling;

/** Well-known node label keys for {@link PodAffinityRule#topologyKey()}. */
public final class Topology {
  /** One node: {@code kubernetes.io/hostname}. */
  public static final String HOSTNAME = "kubernetes.io/hostname";

  /** One zone: {@code topology.kubernetes.io/zone}. */
  public static final String ZONE = "topology.kubernetes.io/zone";

  /** One region: {@code topology.kubernetes.io/region}. */
  public static final String REGION = "topology.kubernetes.io/region";

  /** One operating system: {@code kubernetes.io/os}. */
  public static final String OS = "kubernetes.io/os";

  private Topology() {}
}
