package dev.stskit.render;

import org.immutables.value.Value;

/**
 * Bounds on what {@link ManifestReader} accepts, so hostile input fails fast with a
 * {@link ManifestReadException} instead of exhausting time or memory. Every limit has a default
 * well above any real manifest.
 *
 * <pre>{@code
 * ManifestReader reader = ManifestReader.strict()
 *     .withLimits(ReaderLimits.builder().maxInputChars(512 * 1024).maxDepth(40).build());
 * }</pre>
 */
@Value.Immutable
public interface ReaderLimits {

  /**
   * Characters of input (the whole stream).
   *
   * @return the limit; default 3 MiB (3,145,728), kube-apiserver's limit on a request body
   */
  @Value.Default
  default int maxInputChars() {
    return 3 * 1024 * 1024;
  }

  /**
   * Documents in one stream.
   *
   * @return the limit; default 10,000
   */
  @Value.Default
  default int maxDocuments() {
    return 10_000;
  }

  /**
   * Nesting depth of mappings and sequences.
   *
   * @return the limit; default 100 (a StatefulSet nests about 15 deep)
   */
  @Value.Default
  default int maxDepth() {
    return 100;
  }

  /**
   * Characters in one scalar.
   *
   * @return the limit; default 1 MiB (1,048,576), the size limit of a ConfigMap or Secret
   */
  @Value.Default
  default int maxScalarChars() {
    return 1024 * 1024;
  }

  /**
   * Aliases ({@code *name}) that refer to a mapping or sequence.
   *
   * @return the limit; default 100
   */
  @Value.Default
  default int maxAliases() {
    return 100;
  }

  /**
   * Nodes in one document, counting every node an alias expansion visits (what stops an alias
   * bomb such as "billion laughs" before it is expanded).
   *
   * @return the limit; default 1,000,000
   */
  @Value.Default
  default long maxNodes() {
    return 1_000_000L;
  }

  /**
   * Refuses limits that are not positive ({@code maxAliases} may be 0).
   *
   * @throws IllegalArgumentException naming the limits
   */
  @Value.Check
  default void check() {
    if (maxInputChars() <= 0 || maxDocuments() <= 0 || maxDepth() <= 0 || maxScalarChars() <= 0
        || maxAliases() < 0 || maxNodes() <= 0) {
      throw new IllegalArgumentException("reader limits must be positive (maxAliases may be 0): " + this);
    }
  }

  /** {@return the documented defaults} */
  static ReaderLimits defaults() {
    return builder().build();
  }

  /** {@return a builder whose unset limits keep their defaults} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ReaderLimits}; unset limits keep their defaults. */
  final class Builder extends ImmutableReaderLimits.Builder {}
}
