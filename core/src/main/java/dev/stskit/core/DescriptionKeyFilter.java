package dev.stskit.core;

/** Jackson value filter that leaves the default description key out of the spec file. */
final class DescriptionKeyFilter {
  @Override
  public boolean equals(Object other) {
    return StatefulSetSpec.DESCRIPTION_ANNOTATION.equals(other);
  }

  @Override
  public int hashCode() {
    return 0;
  }
}
