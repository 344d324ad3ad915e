package dev.stskit.core.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson trees of fabric8 objects, for the few places that need Jackson (the Spiderpool annotations' JSON and
 * controller-revision data). Extras, lift and server-field stripping do not: see {@link Beans}.
 */
public final class Trees {
  /** A plain mapper for fabric8 objects (they carry their own Jackson annotations). */
  public static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Trees() {}

  /** The tree of a fabric8 object. */
  public static ObjectNode toTree(Object fabric8Object) {
    return (ObjectNode) MAPPER.valueToTree(fabric8Object);
  }

  /** The fabric8 object of a tree. */
  public static <T> T fromTree(JsonNode tree, Class<T> type) {
    return MAPPER.treeToValue(tree, type);
  }

  /**
   * A value fabric8's own mapping cannot carry (a {@code new Quantity()} with no amount, which no
   * Kubernetes object can hold): a {@link dev.stskit.core.SpecException} naming the field, never
   * a Jackson exception.
   */
  public static dev.stskit.core.SpecException unrepresentable(tools.jackson.core.JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (tools.jackson.core.JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String problem = original.contains("quantity")
        ? "not a quantity (a Quantity needs an amount, such as 500m or 1Gi)"
        : "cannot be represented: " + SpecMapper.plain(original);
    return new dev.stskit.core.SpecException(path.toString(), problem);
  }
}
