package dev.stskit.bench;

/**
 * The floor of {@code bench/cold-start.sh}: a JVM that starts, runs an empty {@code main} and
 * exits, with the same class path as the fabric8 baseline.
 */
public final class DoNothing {
  private DoNothing() {}

  public static void main(String[] args) {
    // nothing: what starting and stopping a JVM costs
  }
}
