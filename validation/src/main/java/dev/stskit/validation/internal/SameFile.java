package dev.stskit.validation.internal;

import dev.stskit.validation.RuleContext;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The other documents of a StatefulSet's file, read as JSON trees so that typed fabric8 objects and
 * kinds the reader keeps generic ({@code PodDisruptionBudget} without its model jar) look the same.
 */
public final class SameFile {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SameFile() {}

  /** The file's documents of {@code kind} in the StatefulSet's namespace, in file order. */
  public static List<JsonNode> ofKind(RuleContext ctx, StatefulSet sts, String kind) {
    String ns = namespace(sts.getMetadata() == null ? null : sts.getMetadata().getNamespace());
    List<JsonNode> out = new ArrayList<>();
    for (HasMetadata o : ctx.sameFile()) {
      if (!kind.equals(o.getKind())) {
        continue;
      }
      String ons = namespace(o.getMetadata() == null ? null : o.getMetadata().getNamespace());
      if (ns.equals(ons)) {
        out.add(JSON.valueToTree(o));
      }
    }
    return out;
  }

  /** Whether a {@code matchLabels}/{@code matchExpressions} selector (JSON) selects {@code labels}. */
  public static boolean selects(JsonNode selector, Map<String, String> labels) {
    if (selector == null || selector.isNull() || !selector.isObject()) {
      return false;
    }
    JsonNode ml = selector.get("matchLabels");
    JsonNode me = selector.get("matchExpressions");
    boolean any = false;
    if (ml != null && ml.isObject()) {
      for (Map.Entry<String, JsonNode> e : ml.properties()) {
        any = true;
        if (!Objects.equals(labels.get(e.getKey()), e.getValue().asString())) {
          return false;
        }
      }
    }
    if (me != null && me.isArray()) {
      for (JsonNode r : me) {
        any = true;
        String key = r.path("key").asString();
        String op = r.path("operator").asString();
        List<String> values = new ArrayList<>();
        r.path("values").forEach(v -> values.add(v.asString()));
        boolean has = labels.containsKey(key);
        boolean ok = switch (op) {
          case "In" -> has && values.contains(labels.get(key));
          case "NotIn" -> !has || !values.contains(labels.get(key));
          case "Exists" -> has;
          case "DoesNotExist" -> !has;
          default -> false;
        };
        if (!ok) {
          return false;
        }
      }
    }
    // an empty selector selects everything for a PDB (policy/v1), nothing for a Service: callers decide
    return any || selector.isEmpty();
  }

  /** Whether a Service's {@code spec.selector} map selects {@code labels}; an empty selector selects nothing. */
  public static boolean serviceSelects(JsonNode serviceSelector, Map<String, String> labels) {
    if (serviceSelector == null || !serviceSelector.isObject() || serviceSelector.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> e : serviceSelector.properties()) {
      if (!Objects.equals(labels.get(e.getKey()), e.getValue().asString())) {
        return false;
      }
    }
    return true;
  }

  private static String namespace(String ns) {
    return ns == null || ns.isEmpty() ? "default" : ns;
  }
}
