package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigCatalog;
import dev.stskit.gpu.MigModel;
import dev.stskit.gpu.MigProfile;
import dev.stskit.validation.internal.GpuPods;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A MIG resource no GPU offers, under the mixed or the single strategy.
 *
 * <p>Under the mixed MIG strategy a container asks for {@code nvidia.com/mig-<profile>} (docs/form.md §2);
 * the profile must exist on the nodes (NVIDIA k8s-device-plugin advertises one resource per profile, e.g.
 * {@code nvidia.com/mig-1g.10gb}, and {@code nvidia.com/mig-1g.5gb.me} for {@code 1g.5gb+me}). When the
 * pod pins a model with GPU Feature Discovery's label {@code nvidia.com/gpu.product} (required node
 * affinity with a single {@code In} value, or {@code nodeSelector}), the profile is checked against that
 * model in {@code MigCatalog.standard()}; otherwise against every model of the catalog. A pinned model the
 * catalog does not know is not judged.
 *
 * <p>Under the single strategy a container asks for {@code nvidia.com/gpu} and the pod selects the profile
 * by node label: GPU Feature Discovery labels such nodes {@code nvidia.com/gpu.product=<model>-MIG-<profile>},
 * MIG Manager {@code nvidia.com/mig.config=all-<profile>}. A label value naming a profile its model does not
 * have (or, for {@code all-<profile>}, that no model has) matches no node, so the pod stays Pending. A
 * {@code nodeSelector} value is judged alone; a required node-affinity {@code In} requirement when every
 * one of its values is impossible.
 *
 * <p>Checked fields: {@code resources.limits[nvidia.com/mig-*]} of every container and init container;
 * {@code nodeSelector[nvidia.com/gpu.product]}, {@code nodeSelector[nvidia.com/mig.config]} and the values of
 * required node-affinity {@code In} requirements on those labels.
 *
 * <p>Allowed values: a profile of the pinned model (or of some model when none is pinned).
 */
@RuleInfo(id = "gpu-mig-profile", severity = Severity.ERROR,
    summary = "MIG resource or single-strategy node label whose profile the pinned GPU model, or any known model, does not have")
public final class GpuMigProfile implements Rule {
  private static final String PREFIX = "nvidia.com/mig-";
  private static final String MIG_CONFIG_LABEL = "nvidia.com/mig.config";

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    singleStrategy(sts, out);
    Optional<String> product = GpuPods.pinnedProduct(sts);
    Optional<MigModel> model = product.flatMap(p -> MigCatalog.standard().find(stripMigSuffix(p)));
    if (product.isPresent() && model.isEmpty()) {
      return out;
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      ResourceRequirements r = c.container().getResources();
      Map<String, Quantity> limits = r == null || r.getLimits() == null ? Map.of() : r.getLimits();
      for (String key : new TreeMap<>(limits).keySet()) {
        if (!key.startsWith(PREFIX)) {
          continue;
        }
        FieldPath p = c.path().child("resources", "limits").key(key);
        if (model.isPresent()) {
          if (!offers(model.get(), key)) {
            out.add(Violation.invalid(p, key, Message.of("gpu-mig-profile-model", model.get().name(),
                String.join(", ", model.get().profileNames()))));
          }
        } else if (MigCatalog.standard().models().stream().noneMatch(m -> offers(m, key))) {
          out.add(Violation.invalid(p, key, Message.of("gpu-mig-profile-unknown")));
        }
      }
    }
    return out;
  }

  /** The node labels that select a single-strategy profile: in the node selector, then in required terms. */
  private static void singleStrategy(StatefulSet sts, List<Violation> out) {
    PodSpec pod = Pods.podSpec(sts);
    Map<String, String> selector = pod.getNodeSelector() == null ? Map.of() : new TreeMap<>(pod.getNodeSelector());
    for (Map.Entry<String, String> e : selector.entrySet()) {
      impossible(e.getKey(), e.getValue()).ifPresent(m ->
          out.add(Violation.invalid(Pods.POD_SPEC.child("nodeSelector").key(e.getKey()), e.getValue(), m)));
    }
    NodeAffinity affinity = pod.getAffinity() == null ? null : pod.getAffinity().getNodeAffinity();
    NodeSelector required = affinity == null ? null : affinity.getRequiredDuringSchedulingIgnoredDuringExecution();
    List<NodeSelectorTerm> terms = required == null || required.getNodeSelectorTerms() == null
        ? List.of() : required.getNodeSelectorTerms();
    FieldPath termsPath = Pods.POD_SPEC.child("affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution",
        "nodeSelectorTerms");
    for (int i = 0; i < terms.size(); i++) {
      List<NodeSelectorRequirement> exprs = terms.get(i) == null || terms.get(i).getMatchExpressions() == null
          ? List.of() : terms.get(i).getMatchExpressions();
      for (int j = 0; j < exprs.size(); j++) {
        NodeSelectorRequirement r = exprs.get(j);
        if (r == null || !"In".equals(r.getOperator()) || r.getValues() == null || r.getValues().isEmpty()) {
          continue;
        }
        List<Violation> found = new ArrayList<>();
        for (int k = 0; k < r.getValues().size(); k++) {
          String v = r.getValues().get(k);
          FieldPath p = termsPath.index(i).child("matchExpressions").index(j).child("values").index(k);
          impossible(r.getKey(), v).ifPresent(m -> found.add(Violation.invalid(p, v, m)));
        }
        if (found.size() == r.getValues().size()) {
          out.addAll(found);
        }
      }
    }
  }

  /** Why no node carries {@code key=value}, when the catalog knows it; empty when it may exist. */
  private static Optional<Message> impossible(String key, String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (GpuPods.PRODUCT_LABEL.equals(key)) {
      int at = value.lastIndexOf("-MIG-");
      if (at <= 0) {
        return Optional.empty();
      }
      String profile = value.substring(at + "-MIG-".length());
      Optional<MigModel> model = MigCatalog.standard().find(value.substring(0, at));
      if (model.isEmpty() || !GpuRequest.Mig.PROFILE.matcher(profile).matches() || model.get().find(profile).isPresent()) {
        return Optional.empty();
      }
      List<String> single = model.get().profileNames().stream().filter(n -> !n.contains("+")).toList();
      return Optional.of(Message.of("gpu-mig-profile-model", model.get().name(), String.join(", ", single)));
    }
    if (MIG_CONFIG_LABEL.equals(key) && value.startsWith("all-")) {
      String profile = value.substring("all-".length());
      if (GpuRequest.Mig.PROFILE.matcher(profile).matches()
          && !MigCatalog.standard().profileNames().contains(profile)) {
        return Optional.of(Message.of("gpu-mig-profile-unknown"));
      }
    }
    return Optional.empty();
  }

  private static boolean offers(MigModel model, String resource) {
    for (MigProfile profile : model.profiles()) {
      if (profile.mixedStrategyResource().equals(resource)) {
        return true;
      }
    }
    return false;
  }

  /** GFD labels MIG-single nodes {@code <product>-MIG-<profile>}; the model is the part before. */
  private static String stripMigSuffix(String product) {
    int at = product.indexOf("-MIG-");
    return at < 0 ? product : product.substring(0, at);
  }
}
