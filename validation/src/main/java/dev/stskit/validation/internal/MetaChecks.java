package dev.stskit.validation.internal;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metadata checks shared by several rules: {@code ValidateLabels}, {@code ValidateLabelName},
 * {@code ValidateAnnotations} (apimachinery {@code pkg/apis/meta/v1/validation} and
 * {@code pkg/api/validation/objectmeta.go}), {@code ValidateLabelSelector} and
 * {@code metav1.LabelSelectorAsSelector}. Maps are visited in key order so output is deterministic.
 */
public final class MetaChecks {
  /** {@code TotalAnnotationSizeLimitB}: 256 KiB. */
  public static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  private MetaChecks() {}

  /** {@code ValidateLabels}: every finding is at {@code path} itself, not at the key (apiserver quirk). */
  public static List<Violation> labels(Map<String, String> labels, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    if (labels == null) {
      return out;
    }
    for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
      out.addAll(labelName(e.getKey(), path));
      String v = e.getValue() == null ? "" : e.getValue();
      for (Message m : Names.labelValue(v)) {
        out.add(Violation.invalid(path, v, m));
      }
    }
    return out;
  }

  /** {@code ValidateLabelName}. */
  public static List<Violation> labelName(String name, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    for (Message m : Names.qualifiedName(name)) {
      out.add(Violation.invalid(path, name, m));
    }
    return out;
  }

  /** {@code ValidateAnnotations}: keys are qualified names (case-insensitive), total size at most 256 KiB. */
  public static List<Violation> annotations(Map<String, String> annotations, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    if (annotations == null) {
      return out;
    }
    long size = 0;
    for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
      for (Message m : Names.qualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
        out.add(Violation.invalid(path, e.getKey(), m));
      }
      size += e.getKey().getBytes(StandardCharsets.UTF_8).length;
      size += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
      out.add(Violation.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    return out;
  }

  /** {@code ValidateLabelSelector} with {@code AllowInvalidLabelValueInSelector: false}. */
  public static List<Violation> labelSelector(LabelSelector selector, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    if (selector == null) {
      return out;
    }
    out.addAll(labels(selector.getMatchLabels(), path.child("matchLabels")));
    List<LabelSelectorRequirement> exprs = Defaults.list(selector.getMatchExpressions());
    for (int i = 0; i < exprs.size(); i++) {
      out.addAll(requirement(exprs.get(i), path.child("matchExpressions").index(i)));
    }
    return out;
  }

  private static List<Violation> requirement(LabelSelectorRequirement r, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    if (r == null) {
      return out;
    }
    String op = r.getOperator() == null ? "" : r.getOperator();
    List<String> values = Defaults.list(r.getValues());
    switch (op) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          out.add(Violation.required(path.child("values"), Message.of("selector-values-required")));
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          out.add(Violation.forbidden(path.child("values"), Message.of("selector-values-forbidden")));
        }
      }
      default -> out.add(Violation.invalid(path.child("operator"), op, Message.of("selector-operator")));
    }
    out.addAll(labelName(r.getKey() == null ? "" : r.getKey(), path.child("key")));
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i) == null ? "" : values.get(i);
      for (Message m : Names.labelValue(v)) {
        out.add(Violation.invalid(path.child("values").index(i), v, m));
      }
    }
    return out;
  }

  /**
   * Whether {@code metav1.LabelSelectorAsSelector} accepts the selector: every key a qualified name,
   * every value a label value, operators known, In/NotIn with values, Exists/DoesNotExist without.
   * A missing selector converts (to "nothing").
   */
  public static boolean selectorConverts(LabelSelector selector) {
    if (selector == null) {
      return true;
    }
    return labelSelector(selector, FieldPath.root()).isEmpty();
  }

  /** Whether the selector has neither matchLabels nor matchExpressions. */
  public static boolean isEmpty(LabelSelector selector) {
    return selector != null
        && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
        && Defaults.list(selector.getMatchExpressions()).isEmpty();
  }

  /** {@code labels.Selector.Matches}: a missing selector matches nothing, an empty one everything. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    Map<String, String> l = labels == null ? Map.of() : labels;
    if (selector.getMatchLabels() != null) {
      for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
        if (!l.containsKey(e.getKey()) || !String.valueOf(e.getValue()).equals(l.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (LabelSelectorRequirement r : Defaults.list(selector.getMatchExpressions())) {
      List<String> values = Defaults.list(r.getValues());
      boolean has = l.containsKey(r.getKey());
      boolean ok = switch (r.getOperator() == null ? "" : r.getOperator()) {
        case "In" -> has && values.contains(l.get(r.getKey()));
        case "NotIn" -> !has || !values.contains(l.get(r.getKey()));
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
