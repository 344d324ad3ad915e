package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Defaults;
import dev.stskit.validation.internal.MetaChecks;
import dev.stskit.validation.internal.Names;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Node selector, tolerations, node/pod affinity and anti-affinity, topology spread constraints.
 *
 * <p>Follows {@code ValidateTolerations}, {@code validateTaintEffect}, {@code validateAffinity},
 * {@code validateNodeAffinity}, {@code ValidateNodeSelector}, {@code ValidateNodeSelectorTerm},
 * {@code ValidateNodeSelectorRequirement}, {@code ValidateNodeFieldSelectorRequirement},
 * {@code ValidatePreferredSchedulingTerms}, {@code validatePodAffinityTerm},
 * {@code validateWeightedPodAffinityTerms}, {@code validateTopologySpreadConstraints} and
 * {@code ValidateMatchLabelKeysAndMismatchLabelKeys} in
 * {@code pkg/apis/core/validation/validation.go}. Quirks kept: an invalid toleration value is reported at
 * {@code tolerations[i].operator}; a bad affinity-term namespace at {@code .namespace} (singular); a
 * repeated spread constraint at {@code topologySpreadConstraints[i].{topologyKey, whenUnsatisfiable}}.
 *
 * <p>Checked fields: {@code nodeSelector}, {@code tolerations}, {@code affinity},
 * {@code topologySpreadConstraints} under {@code spec.template.spec}.
 *
 * <p>Allowed values: toleration operator {@code Equal} or {@code Exists} (empty key only with Exists),
 * effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute} (tolerationSeconds only with
 * NoExecute); selector operators In/NotIn (with values), Exists/DoesNotExist (without), Gt/Lt (one value)
 * for nodes; weights 1–100; topologyKey non-empty qualified name; maxSkew &gt; 0; whenUnsatisfiable
 * {@code DoNotSchedule} or {@code ScheduleAnyway}; {@code matchLabelKeys} only with a {@code labelSelector},
 * each a label name.
 */
@RuleInfo(id = "k8s-scheduling", severity = Severity.ERROR,
    summary = "Node selector, tolerations, affinity or topology spread that kube-apiserver rejects")
@PodTemplateCheck
public final class Scheduling implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    PodSpec pod = Pods.podSpec(sts);
    FieldPath ps = Pods.POD_SPEC;
    out.addAll(MetaChecks.labels(pod.getNodeSelector(), ps.child("nodeSelector")));
    tolerations(out, Defaults.list(pod.getTolerations()), ps.child("tolerations"));
    affinity(out, pod.getAffinity(), ps.child("affinity"));
    spread(out, Defaults.list(pod.getTopologySpreadConstraints()), ps.child("topologySpreadConstraints"));
    return out;
  }

  private static void tolerations(List<Violation> out, List<Toleration> list, FieldPath path) {
    for (int i = 0; i < list.size(); i++) {
      Toleration t = list.get(i);
      if (t == null) {
        continue;
      }
      FieldPath p = path.index(i);
      String key = Pods.str(t.getKey());
      String op = Pods.str(t.getOperator());
      String effect = Pods.str(t.getEffect());
      String value = Pods.str(t.getValue());
      if (!key.isEmpty()) {
        out.addAll(MetaChecks.labelName(key, p.child("key")));
      }
      if (key.isEmpty() && !op.equals("Exists")) {
        out.add(Violation.invalid(p.child("operator"), op, Message.of("toleration-empty-key")));
      }
      if (t.getTolerationSeconds() != null && !effect.equals("NoExecute")) {
        out.add(Violation.invalid(p.child("effect"), effect, Message.of("toleration-seconds-effect")));
      }
      switch (op) {
        case "Equal", "" -> {
          List<Message> msgs = Names.labelValue(value);
          if (!msgs.isEmpty()) {
            out.add(Violation.invalid(p.child("operator"), value, msgs.get(msgs.size() - 1)));
          }
        }
        case "Exists" -> {
          if (!value.isEmpty()) {
            out.add(Violation.invalid(p.child("operator"), "{...}", Message.of("toleration-exists-value")));
          }
        }
        default -> out.add(Violation.notSupported(p.child("operator"), op, List.of("Equal", "Exists")));
      }
      if (!effect.isEmpty() && !List.of("NoSchedule", "PreferNoSchedule", "NoExecute").contains(effect)) {
        out.add(Violation.notSupported(p.child("effect"), effect, List.of("NoSchedule", "PreferNoSchedule", "NoExecute")));
      }
    }
  }

  private static void affinity(List<Violation> out, Affinity a, FieldPath path) {
    if (a == null) {
      return;
    }
    NodeAffinity na = a.getNodeAffinity();
    if (na != null) {
      FieldPath np = path.child("nodeAffinity");
      if (na.getRequiredDuringSchedulingIgnoredDuringExecution() != null) {
        nodeSelector(out, na.getRequiredDuringSchedulingIgnoredDuringExecution(),
            np.child("requiredDuringSchedulingIgnoredDuringExecution"));
      }
      List<PreferredSchedulingTerm> pref = Defaults.list(na.getPreferredDuringSchedulingIgnoredDuringExecution());
      for (int i = 0; i < pref.size(); i++) {
        PreferredSchedulingTerm t = pref.get(i);
        if (t == null) {
          continue;
        }
        FieldPath p = np.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
        weight(out, t.getWeight(), p.child("weight"));
        term(out, t.getPreference() == null ? new NodeSelectorTerm() : t.getPreference(), p.child("preference"));
      }
    }
    if (a.getPodAffinity() != null) {
      podAffinity(out, a.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
          a.getPodAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), path.child("podAffinity"));
    }
    if (a.getPodAntiAffinity() != null) {
      podAffinity(out, a.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution(),
          a.getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution(), path.child("podAntiAffinity"));
    }
  }

  private static void podAffinity(List<Violation> out, List<PodAffinityTerm> required,
      List<WeightedPodAffinityTerm> preferred, FieldPath path) {
    List<PodAffinityTerm> req = Defaults.list(required);
    for (int i = 0; i < req.size(); i++) {
      if (req.get(i) != null) {
        podAffinityTerm(out, req.get(i), path.child("requiredDuringSchedulingIgnoredDuringExecution").index(i));
      }
    }
    List<WeightedPodAffinityTerm> pref = Defaults.list(preferred);
    for (int i = 0; i < pref.size(); i++) {
      WeightedPodAffinityTerm w = pref.get(i);
      if (w == null) {
        continue;
      }
      FieldPath p = path.child("preferredDuringSchedulingIgnoredDuringExecution").index(i);
      weight(out, w.getWeight(), p.child("weight"));
      podAffinityTerm(out, w.getPodAffinityTerm() == null ? new PodAffinityTerm() : w.getPodAffinityTerm(),
          p.child("podAffinityTerm"));
    }
  }

  private static void podAffinityTerm(List<Violation> out, PodAffinityTerm t, FieldPath path) {
    out.addAll(MetaChecks.labelSelector(t.getLabelSelector(), path.child("labelSelector")));
    out.addAll(MetaChecks.labelSelector(t.getNamespaceSelector(), path.child("namespaceSelector")));
    for (String ns : Defaults.list(t.getNamespaces())) {
      for (Message m : Names.dns1123Label(Pods.str(ns))) {
        out.add(Violation.invalid(path.child("namespace"), Pods.str(ns), m));
      }
    }
    String key = Pods.str(t.getTopologyKey());
    if (key.isEmpty()) {
      out.add(Violation.required(path.child("topologyKey"), Message.of("can-not-be-empty")));
    }
    out.addAll(MetaChecks.labelName(key, path.child("topologyKey")));
  }

  private static void weight(List<Violation> out, Integer w, FieldPath path) {
    int v = w == null ? 0 : w;
    if (v <= 0 || v > 100) {
      out.add(Violation.invalid(path, v, Message.of("weight-range")));
    }
  }

  private static void nodeSelector(List<Violation> out, NodeSelector ns, FieldPath path) {
    List<NodeSelectorTerm> terms = Defaults.list(ns.getNodeSelectorTerms());
    FieldPath tp = path.child("nodeSelectorTerms");
    if (terms.isEmpty()) {
      out.add(Violation.required(tp, Message.of("node-selector-term-required")));
      return;
    }
    for (int i = 0; i < terms.size(); i++) {
      term(out, terms.get(i) == null ? new NodeSelectorTerm() : terms.get(i), tp.index(i));
    }
  }

  private static void term(List<Violation> out, NodeSelectorTerm term, FieldPath path) {
    List<NodeSelectorRequirement> exprs = Defaults.list(term.getMatchExpressions());
    for (int j = 0; j < exprs.size(); j++) {
      NodeSelectorRequirement r = exprs.get(j);
      if (r == null) {
        continue;
      }
      FieldPath p = path.child("matchExpressions").index(j);
      List<String> values = Defaults.list(r.getValues());
      String op = Pods.str(r.getOperator());
      switch (op) {
        case "In", "NotIn" -> {
          if (values.isEmpty()) {
            out.add(Violation.required(p.child("values"), Message.of("selector-values-required")));
          }
        }
        case "Exists", "DoesNotExist" -> {
          if (!values.isEmpty()) {
            out.add(Violation.forbidden(p.child("values"), Message.of("selector-values-forbidden")));
          }
        }
        case "Gt", "Lt" -> {
          if (values.size() != 1) {
            out.add(Violation.required(p.child("values"), Message.of("selector-single-value")));
          }
        }
        default -> out.add(Violation.invalid(p.child("operator"), op, Message.of("selector-operator")));
      }
      out.addAll(MetaChecks.labelName(Pods.str(r.getKey()), p.child("key")));
    }
    List<NodeSelectorRequirement> fields = Defaults.list(term.getMatchFields());
    for (int j = 0; j < fields.size(); j++) {
      NodeSelectorRequirement r = fields.get(j);
      if (r == null) {
        continue;
      }
      FieldPath p = path.child("matchFields").index(j);
      String op = Pods.str(r.getOperator());
      if (op.equals("In") || op.equals("NotIn")) {
        if (Defaults.list(r.getValues()).size() != 1) {
          out.add(Violation.required(p.child("values"), Message.of("field-selector-single-value")));
        }
      } else {
        out.add(Violation.invalid(p.child("operator"), op, Message.of("selector-operator")));
      }
      if (!"metadata.name".equals(r.getKey())) {
        out.add(Violation.notSupported(p.child("key"), Pods.str(r.getKey()), List.of("metadata.name")));
      }
    }
  }

  private static void spread(List<Violation> out, List<TopologySpreadConstraint> list, FieldPath path) {
    for (int i = 0; i < list.size(); i++) {
      TopologySpreadConstraint c = list.get(i);
      if (c == null) {
        continue;
      }
      FieldPath p = path.index(i);
      int skew = c.getMaxSkew() == null ? 0 : c.getMaxSkew();
      if (skew <= 0) {
        out.add(Violation.invalid(p.child("maxSkew"), skew, Message.of("greater-than-zero")));
      }
      String key = Pods.str(c.getTopologyKey());
      if (key.isEmpty()) {
        out.add(Violation.required(p.child("topologyKey"), Message.of("can-not-be-empty")));
      }
      String when = Pods.str(c.getWhenUnsatisfiable());
      if (!when.equals("DoNotSchedule") && !when.equals("ScheduleAnyway")) {
        out.add(Violation.notSupported(p.child("whenUnsatisfiable"), when, List.of("DoNotSchedule", "ScheduleAnyway")));
      }
      for (int j = i + 1; j < list.size(); j++) {
        TopologySpreadConstraint o = list.get(j);
        if (o != null && key.equals(Pods.str(o.getTopologyKey())) && when.equals(Pods.str(o.getWhenUnsatisfiable()))) {
          out.add(Violation.duplicate(p.child("{topologyKey, whenUnsatisfiable}"), "{" + key + ", " + when + "}"));
          break;
        }
      }
      if (c.getMinDomains() != null) {
        if (!when.equals("DoNotSchedule")) {
          out.add(Violation.invalid(p.child("minDomains"), c.getMinDomains(), Message.of("min-domains-when")));
        }
        if (c.getMinDomains() <= 0) {
          out.add(Violation.invalid(p.child("minDomains"), c.getMinDomains(), Message.of("greater-than-zero")));
        }
      }
      for (String f : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
        String v = f.equals("nodeAffinityPolicy") ? c.getNodeAffinityPolicy() : c.getNodeTaintsPolicy();
        if (v != null && !v.equals("Honor") && !v.equals("Ignore")) {
          out.add(Violation.notSupported(p.child(f), v, List.of("Honor", "Ignore")));
        }
      }
      out.addAll(MetaChecks.labelSelector(c.getLabelSelector(), p.child("labelSelector")));
      matchLabelKeys(out, c, p);
    }
  }

  /**
   * {@code ValidateMatchLabelKeysAndMismatchLabelKeys} through {@code validateLabelKeys} (and the legacy
   * {@code ValidateMatchLabelKeysInTopologySpread}, which agrees here): {@code matchLabelKeys} is
   * Forbidden without a {@code labelSelector}, and each key must be a label name.
   */
  private static void matchLabelKeys(List<Violation> out, TopologySpreadConstraint c, FieldPath p) {
    List<String> keys = Defaults.list(c.getMatchLabelKeys());
    if (keys.isEmpty()) {
      return;
    }
    FieldPath kp = p.child("matchLabelKeys");
    if (c.getLabelSelector() == null) {
      out.add(Violation.forbidden(kp, Message.of("match-label-keys-without-selector")));
      return;
    }
    for (int i = 0; i < keys.size(); i++) {
      out.addAll(MetaChecks.labelName(Pods.str(keys.get(i)), kp.index(i)));
    }
  }
}
