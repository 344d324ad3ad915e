package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.gpu.MigCatalog;
import dev.stskit.gpu.MigModel;
import dev.stskit.gpu.MigProfile;
import dev.stskit.validation.internal.GpuPods;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A MIG resource no GPU offers.
 *
 * <p>Under the mixed MIG strategy a container asks for {@code nvidia.com/mig-<profile>} (docs/form.md §2);
 * the profile must exist on the nodes (NVIDIA k8s-device-plugin advertises one resource per profile, e.g.
 * {@code nvidia.com/mig-1g.10gb}, and {@code nvidia.com/mig-1g.5gb.me} for {@code 1g.5gb+me}). When the
 * pod pins a model with GPU Feature Discovery's label {@code nvidia.com/gpu.product} (required node
 * affinity with a single {@code In} value, or {@code nodeSelector}), the profile is checked against that
 * model in {@code MigCatalog.standard()}; otherwise against every model of the catalog. A pinned model the
 * catalog does not know is not judged.
 *
 * <p>Checked fields: {@code resources.limits[nvidia.com/mig-*]} of every container and init container.
 *
 * <p>Allowed values: a profile of the pinned model (or of some model when none is pinned).
 */
@RuleInfo(id = "gpu-mig-profile", severity = Severity.ERROR,
    summary = "MIG resource whose profile the pinned GPU model, or any known model, does not have")
public final class GpuMigProfile implements Rule {
  private static final String PREFIX = "nvidia.com/mig-";

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
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
