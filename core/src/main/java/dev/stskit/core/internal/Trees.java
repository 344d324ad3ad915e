package dev.stskit.core.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Jackson trees of fabric8 objects, for the few places that need Jackson (server-field stripping,
 * controller-revision data, JSON annotations). Extras and lift do not: see {@link Beans}.
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
}
