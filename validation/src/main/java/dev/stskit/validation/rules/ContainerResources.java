package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.PodTemplateCheck;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Quantities;
import dev.stskit.validation.internal.ResourceNames;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Container resource requests and limits, including extended resources such as {@code nvidia.com/gpu}.
 *
 * <p>Follows {@code ValidateContainerResourceRequirements} / {@code validateResourceRequirements},
 * {@code validateContainerResourceName}, {@code ValidateResourceQuantityValue} and
 * {@code validateResourceQuantityHugePageValue} in {@code pkg/apis/core/validation/validation.go}, with
 * {@code helper.IsOvercommitAllowed}, {@code IsExtendedResourceName} and {@code IsIntegerResourceName}
 * from {@code pkg/apis/core/helper}. Quirk kept: a request that differs from its limit is reported at
 * {@code resources.requests}, without the resource key. A malformed quantity (which the apiserver
 * rejects while decoding) is reported as Invalid at the key.
 *
 * <p>Checked fields: {@code resources.limits[*]}, {@code resources.requests[*]} of every container and
 * init container.
 *
 * <p>Allowed values: names {@code cpu}, {@code memory}, {@code ephemeral-storage},
 * {@code hugepages-<size>} or a fully qualified extended resource ({@code vendor.com/name}); quantities
 * ≥ 0; extended resources whole numbers, with request equal to limit and a limit whenever there is a
 * request; requests ≤ limits; hugepages only together with cpu or memory.
 */
@RuleInfo(id = "k8s-container-resources", severity = Severity.ERROR,
    summary = "Resource requests or limits that kube-apiserver rejects, incl. extended resources like GPUs")
@PodTemplateCheck
public final class ContainerResources implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    if (!Pods.templateIsValidated(sts)) {
      return out;
    }
    for (Pods.Located c : Pods.allContainers(sts)) {
      ResourceRequirements r = c.container().getResources();
      if (r != null) {
        requirements(out, r, c.path().child("resources"));
      }
    }
    return out;
  }

  private static void requirements(List<Violation> out, ResourceRequirements r, FieldPath path) {
    FieldPath limPath = path.child("limits");
    FieldPath reqPath = path.child("requests");
    Map<String, Quantity> limits = r.getLimits() == null ? Map.of() : new TreeMap<>(r.getLimits());
    Map<String, Quantity> requests = r.getRequests() == null ? Map.of() : new TreeMap<>(r.getRequests());
    boolean cpuOrMemory = false;
    boolean hugePages = false;
    for (Map.Entry<String, Quantity> e : limits.entrySet()) {
      FieldPath p = limPath.key(e.getKey());
      out.addAll(ResourceNames.containerResourceName(e.getKey(), p));
      quantity(out, e.getKey(), e.getValue(), p);
      if (ResourceNames.isHugePages(e.getKey())) {
        hugePages = true;
        hugePageValue(out, e.getKey(), e.getValue(), p);
      }
      cpuOrMemory |= e.getKey().equals("cpu") || e.getKey().equals("memory");
    }
    for (Map.Entry<String, Quantity> e : requests.entrySet()) {
      String name = e.getKey();
      FieldPath p = reqPath.key(name);
      out.addAll(ResourceNames.containerResourceName(name, p));
      quantity(out, name, e.getValue(), p);
      Optional<BigDecimal> req = Quantities.parse(e.getValue());
      if (limits.containsKey(name)) {
        Optional<BigDecimal> lim = Quantities.parse(limits.get(name));
        if (req.isPresent() && lim.isPresent()) {
          int cmp = req.get().compareTo(lim.get());
          String reqText = Quantities.text(e.getValue());
          String limText = Quantities.text(limits.get(name));
          if (cmp != 0 && !ResourceNames.isOvercommitAllowed(name)) {
            out.add(Violation.invalid(reqPath, reqText, Message.of("request-equal-limit", name, limText))
                .withHint(Message.of("hint-request-equal-limit")));
          } else if (cmp > 0) {
            out.add(Violation.invalid(reqPath, reqText, Message.of("request-le-limit", name, limText)));
          }
        }
      } else if (!ResourceNames.isOvercommitAllowed(name)) {
        out.add(Violation.required(limPath, Message.of("limit-required")));
      }
      if (ResourceNames.isHugePages(name)) {
        hugePages = true;
        hugePageValue(out, name, e.getValue(), p);
      }
      cpuOrMemory |= name.equals("cpu") || name.equals("memory");
    }
    if (hugePages && !cpuOrMemory) {
      out.add(Violation.forbidden(path, Message.of("hugepages-cpu-memory")));
    }
  }

  /** {@code ValidateResourceQuantityValue}: non-negative; whole numbers for integer resources. */
  private static void quantity(List<Violation> out, String name, Quantity q, FieldPath path) {
    String text = Quantities.text(q);
    Optional<BigDecimal> v = Quantities.parse(q);
    if (v.isEmpty()) {
      out.add(Violation.invalid(path, text, Message.of("quantity-syntax")));
      return;
    }
    if (v.get().signum() < 0) {
      out.add(Violation.invalid(path, text, Message.of("nonnegative")));
    }
    if (ResourceNames.isIntegerResource(name) && Quantities.milliValueNotWhole(v.get())) {
      out.add(Violation.invalid(path, text, Message.of("must-be-integer"))
          .withHint(Message.of("hint-integer-resource")));
    }
  }

  private static void hugePageValue(List<Violation> out, String name, Quantity q, FieldPath path) {
    Optional<BigDecimal> page = Quantities.parse(name.substring("hugepages-".length()));
    Optional<BigDecimal> v = Quantities.parse(q);
    if (page.isEmpty() || v.isEmpty() || page.get().signum() <= 0
        || !Quantities.fitsInt64(v.get()) || !Quantities.fitsInt64(page.get())) {
      return;
    }
    if (v.get().remainder(page.get()).signum() != 0) {
      out.add(Violation.invalid(path, Quantities.text(q), Message.of("hugepages-multiple", Quantities.text(q), name)));
    }
  }
}
