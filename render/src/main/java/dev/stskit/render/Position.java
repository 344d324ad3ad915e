package dev.stskit.render;

import org.immutables.value.Value;

/** A place in a YAML source: 1-based line and column. */
@Value.Immutable
public interface Position {
  @Value.Parameter
  int line();

  @Value.Parameter
  int column();

  static Position of(int line, int column) {
    return ImmutablePosition.of(line, column);
  }
}
