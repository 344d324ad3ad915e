package dev.stskit.core.internal;

import dev.stskit.core.SpecException;
import java.util.List;

/**
 * Thrown by a value builder when required attributes were not set; the path names the first one.
 * Immutables calls the {@code String...} constructor with the names of the missing attributes.
 */
public final class MissingAttributesException extends SpecException {
  private static final long serialVersionUID = 1L;

  private final List<String> attributes;

  /**
   * @param attributes names of the missing attributes, as the spec file spells them
   */
  public MissingAttributesException(String... attributes) {
    super(attributes.length == 0 ? "" : attributes[0], "required");
    this.attributes = List.of(attributes);
  }

  /** Names of all missing attributes. */
  public List<String> attributes() {
    return attributes;
  }
}
