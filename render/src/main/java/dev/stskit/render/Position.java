package dev.stskit.render;

import org.immutables.value.Value;

/** A place in a YAML source: 1-based line and column. */
@Value.Immutable
public interface Position {
  /** {@return the 1-based line} */
  @Value.Parameter
  int line();

  /** {@return the 1-based column} */
  @Value.Parameter
  int column();

  /**
   * A position.
   *
   * @param line 1-based line
   * @param column 1-based column
   * @return the position
   */
  static Position of(int line, int column) {
    return ImmutablePosition.of(line, column);
  }
}
