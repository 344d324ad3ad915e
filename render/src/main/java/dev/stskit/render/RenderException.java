package dev.stskit.render;

/**
 * Thrown when an object cannot be rendered: a value of a type that has no YAML or JSON form (an
 * array, an arbitrary Java object), a map with non-string keys, a Quantity without an amount, or
 * a NaN/infinite number in JSON. I/O failures while streaming are {@link java.io.UncheckedIOException}.
 */
public class RenderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An object that cannot be rendered.
   *
   * @param message what cannot be rendered and where
   */
  public RenderException(String message) {
    super(message);
  }
}
