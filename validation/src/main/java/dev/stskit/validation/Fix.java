package dev.stskit.validation;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A mechanical remedy: a JSON-Patch-like list of operations on field paths of the object, what
 * {@code polaris fix} does as a "mutation". Immutable.
 *
 * <pre>{@code
 * for (Finding f : report.findings()) {
 *   f.fix().ifPresent(fix -> System.out.println(fix));   // [{"op":"add","path":"/spec/...","value":true}]
 * }
 * StatefulSet fixed = Fix.applyAll(sts, report.findings());
 * }</pre>
 *
 * <p>{@code add} sets a field (creating missing parent objects, appending when the path ends in the
 * length of a list), {@code replace} overwrites one, {@code remove} deletes one (a no-op when it is
 * absent). Values are what JSON holds: strings, numbers, booleans, lists and maps.
 */
public final class Fix {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The operation of one step. */
  public enum Op {
    /** Sets the value, creating missing parents. */
    ADD,
    /** Overwrites the value. */
    REPLACE,
    /** Deletes the value. */
    REMOVE;

    /** {@return the JSON Patch word: {@code add}, {@code replace}, {@code remove}} */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One step: an operation at a path, with a value for {@code add} and {@code replace}. */
  public record Operation(Op op, FieldPath path, Optional<Object> value) {
    /**
     * Checks the arguments.
     *
     * @param op what to do
     * @param path where, rooted at the object
     * @param value the value to set; empty for {@code remove}
     * @throws IllegalArgumentException when {@code add} or {@code replace} has no value
     */
    public Operation {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
      if (op != Op.REMOVE && value.isEmpty()) {
        throw new IllegalArgumentException(op.wireName() + " at " + path + " needs a value");
      }
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder("{\"op\":\"").append(op.wireName()).append("\",\"path\":")
          .append(JSON.writeValueAsString(path.toJsonPointer()));
      value.ifPresent(v -> sb.append(",\"value\":").append(JSON.writeValueAsString(v)));
      return sb.append('}').toString();
    }
  }

  private final List<Operation> operations;

  private Fix(List<Operation> operations) {
    if (operations.isEmpty()) {
      throw new IllegalArgumentException("a fix needs at least one operation");
    }
    this.operations = List.copyOf(operations);
  }

  /**
   * A fix of the given operations, applied in order.
   *
   * @param operations the steps
   * @return the fix
   */
  public static Fix of(List<Operation> operations) {
    return new Fix(operations);
  }

  /**
   * Sets {@code path} to {@code value}, creating missing parents.
   *
   * @param path where, rooted at the object
   * @param value the value: a string, number, boolean, list or map
   * @return a fix of one {@code add}
   */
  public static Fix add(FieldPath path, Object value) {
    return new Fix(List.of(new Operation(Op.ADD, path, Optional.of(value))));
  }

  /**
   * Overwrites {@code path} with {@code value}.
   *
   * @param path where, rooted at the object
   * @param value the new value
   * @return a fix of one {@code replace}
   */
  public static Fix replace(FieldPath path, Object value) {
    return new Fix(List.of(new Operation(Op.REPLACE, path, Optional.of(value))));
  }

  /**
   * Deletes {@code path}.
   *
   * @param path where, rooted at the object
   * @return a fix of one {@code remove}
   */
  public static Fix remove(FieldPath path) {
    return new Fix(List.of(new Operation(Op.REMOVE, path, Optional.empty())));
  }

  /**
   * This fix followed by {@code other}'s operations.
   *
   * @param other the fix to apply after this one
   * @return the combined fix
   */
  public Fix then(Fix other) {
    List<Operation> all = new ArrayList<>(operations);
    all.addAll(other.operations);
    return new Fix(all);
  }

  /** {@return the operations, in order} */
  public List<Operation> operations() {
    return operations;
  }

  /**
   * A copy of {@code sts} with this fix applied; {@code sts} is not changed.
   *
   * @param sts the StatefulSet to fix
   * @return the fixed copy
   */
  public StatefulSet applyTo(StatefulSet sts) {
    return applyFixes(sts, List.of(this));
  }

  /**
   * A copy of {@code sts} with the fixes of {@code findings} applied in order (findings without a fix are
   * skipped). Fixes are made to be independent, so the order only matters for two fixes of one field.
   *
   * @param sts the StatefulSet the findings are about
   * @param findings findings of a report on it
   * @return the fixed copy
   */
  public static StatefulSet applyAll(StatefulSet sts, Collection<Finding> findings) {
    return applyFixes(sts, findings.stream().map(Finding::fix).flatMap(Optional::stream).collect(Collectors.toList()));
  }

  private static StatefulSet applyFixes(StatefulSet sts, List<Fix> fixes) {
    Objects.requireNonNull(sts, "sts");
    JsonNode tree = JSON.valueToTree(sts);
    for (Fix f : fixes) {
      for (Operation o : f.operations) {
        apply(tree, o);
      }
    }
    return JSON.treeToValue(tree, StatefulSet.class);
  }

  private static void apply(JsonNode root, Operation o) {
    List<String> tokens = tokens(o.path.toJsonPointer());
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("a fix cannot replace the whole object");
    }
    JsonNode parent = root;
    for (int i = 0; i < tokens.size() - 1; i++) {
      String t = tokens.get(i);
      JsonNode next = child(parent, t);
      if (next == null || next.isNull()) {
        if (o.op == Op.REMOVE) {
          return;
        }
        if (o.op == Op.REPLACE) {
          throw new IllegalArgumentException("cannot replace " + o.path + ": " + t + " is absent");
        }
        next = isIndex(tokens.get(i + 1)) ? JSON.createArrayNode() : JSON.createObjectNode();
        set(parent, t, next, true);
      }
      parent = next;
    }
    String last = tokens.get(tokens.size() - 1);
    switch (o.op) {
      case REMOVE -> {
        if (parent instanceof ObjectNode obj) {
          obj.remove(last);
        } else if (parent instanceof ArrayNode arr && isIndex(last) && Integer.parseInt(last) < arr.size()) {
          arr.remove(Integer.parseInt(last));
        }
      }
      case ADD, REPLACE -> set(parent, last, JSON.valueToTree(o.value.get()), o.op == Op.ADD);
      default -> throw new IllegalStateException(o.op.toString());
    }
  }

  private static JsonNode child(JsonNode parent, String token) {
    if (parent instanceof ArrayNode arr) {
      return isIndex(token) && Integer.parseInt(token) < arr.size() ? arr.get(Integer.parseInt(token)) : null;
    }
    return parent.get(token);
  }

  private static void set(JsonNode parent, String token, JsonNode value, boolean append) {
    if (parent instanceof ObjectNode obj) {
      obj.set(token, value);
    } else if (parent instanceof ArrayNode arr && isIndex(token)) {
      int i = Integer.parseInt(token);
      if (i < arr.size()) {
        arr.set(i, value);
      } else if (i == arr.size() && append) {
        arr.add(value);
      } else {
        throw new IllegalArgumentException("index " + i + " is past the end of a list of " + arr.size());
      }
    } else {
      throw new IllegalArgumentException("cannot set '" + token + "' on " + parent.getNodeType());
    }
  }

  private static boolean isIndex(String token) {
    return !token.isEmpty() && token.length() < 10 && token.chars().allMatch(Character::isDigit);
  }

  private static List<String> tokens(String pointer) {
    List<String> out = new ArrayList<>();
    if (pointer.isEmpty()) {
      return out;
    }
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  /**
   * A map value for an operation, keys in the given order (for {@code add} of a small object).
   *
   * @param keysAndValues key, value, key, value, …
   * @return an ordered map
   */
  public static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** The operations as a JSON Patch document. */
  @Override
  public String toString() {
    return operations.stream().map(Operation::toString).collect(Collectors.joining(",", "[", "]"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fix f && f.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
