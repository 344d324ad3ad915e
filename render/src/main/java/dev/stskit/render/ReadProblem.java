package dev.stskit.render;

import org.immutables.value.Value;

/**
 * Something in a document that kube-apiserver would reject or warn about when it decodes the
 * object ({@code kubectl --validate=strict}), with the Kubernetes field path and where it is.
 *
 * <p>Printed form: {@code 12:9 spec.template.spec.containers[0].imagee: unknown field "imagee"}.
 */
@Value.Immutable
public interface ReadProblem {

  /** The kinds of problem the reader finds. */
  enum Kind {
    /** A field the type does not have; the value is kept in {@code additionalProperties}. */
    UNKNOWN_FIELD,
    /** A key that appears twice in one mapping; the last value is used. */
    DUPLICATE_KEY,
    /** A value of the wrong JSON type (e.g. an unquoted {@code yes}, a boolean, for a string field); the value is dropped. */
    WRONG_TYPE,
    /** A value of the right type that cannot be parsed (e.g. a malformed quantity); the value is dropped. */
    INVALID_VALUE
  }

  /** {@return what kind of problem it is} */
  Kind kind();

  /** {@return the Kubernetes field path from the object's root, e.g. {@code spec.template.spec.containers[0].imagee}} */
  String path();

  /** {@return the 1-based line in the source} */
  int line();

  /** {@return the 1-based column in the source} */
  int column();

  /** {@return what is wrong, in the words kube-apiserver uses where it has them} */
  String message();

  /** {@return the line and column as a {@link Position}} */
  default Position position() {
    return Position.of(line(), column());
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ReadProblem}. */
  final class Builder extends ImmutableReadProblem.Builder {}
}
