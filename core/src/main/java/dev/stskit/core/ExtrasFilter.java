package dev.stskit.core;

/** Jackson value filter that leaves empty {@link Extras} out of the spec file. */
final class ExtrasFilter {
  @Override
  public boolean equals(Object other) {
    return other == null || (other instanceof Extras e && e.isEmpty());
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
