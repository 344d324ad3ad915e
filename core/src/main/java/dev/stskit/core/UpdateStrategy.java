package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * Upgrade mode (docs/form.md §11). Rolling writes {@code {type: RollingUpdate, rollingUpdate:
 * {partition: N}}}; the form's "recreate" writes {@code {type: OnDelete}} (StatefulSets have no
 * Recreate type; pods then change only when deleted). A partition with "recreate" is refused:
 * {@code OnDelete} has none.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableUpdateStrategy.class)
@JsonDeserialize(as = ImmutableUpdateStrategy.class)
public interface UpdateStrategy {
  /** {@return the mode} Default rolling. */
  @Value.Default
  default Mode mode() {
    return Mode.ROLLING;
  }

  /** {@return pods with an ordinal below this keep the old revision (rolling only)} Default 0. */
  @Value.Default
  default int partition() {
    return 0;
  }

  /**
   * Checks the partition when the strategy is built.
   *
   * @throws SpecException when a partition is set for {@code OnDelete} (the form's "recreate")
   */
  @Value.Check
  default void check() {
    if (mode() == Mode.RECREATE && partition() != 0) {
      // OnDelete has no rollingUpdate: dropping the partition would lose it silently
      throw new SpecException("spec.updateStrategy.rollingUpdate.partition",
          "a partition applies to rolling updates only; \"recreate\" (OnDelete) has none");
    }
  }

  /**
   * Rolling update, partition 0 (the form's default).
   *
   * @return the strategy
   */
  static UpdateStrategy rolling() {
    return rolling(0);
  }

  /**
   * Rolling update with a partition.
   *
   * @param partition pods with an ordinal below it keep the old revision
   * @return the strategy
   */
  static UpdateStrategy rolling(int partition) {
    return ImmutableUpdateStrategy.builder().mode(Mode.ROLLING).partition(partition).build();
  }

  /** {@return the form's "recreate": {@code OnDelete}} */
  static UpdateStrategy recreate() {
    return ImmutableUpdateStrategy.builder().mode(Mode.RECREATE).build();
  }

  /** Upgrade modes of the form. */
  enum Mode {
    /** {@code RollingUpdate}. */
    @JsonProperty("rolling")
    ROLLING,
    /** {@code OnDelete}. */
    @JsonProperty("recreate")
    RECREATE
  }
}
