package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.ServiceRule;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.MetaChecks;
import dev.stskit.validation.internal.Names;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * A Service's own metadata: name, namespace, labels, annotations.
 *
 * <p>Follows {@code ValidateServiceCreate} ({@code pkg/apis/core/validation/validation.go}), which calls
 * {@code ValidateObjectMeta} with {@code NameIsDNSLabel}: since v1.37 the {@code RelaxedServiceNameValidation}
 * gate (KEP-5311) is GA and locked on ({@code pkg/features/kube_features.go}), so a Service name is a DNS-1123
 * label and may start with a digit. (Until v1.36 it was a DNS-1035 label; the conformance suite caught the
 * change: the apiserver accepted {@code 1web-api}.)
 *
 * <p>Checked fields: {@code metadata.name}, {@code .namespace}, {@code .labels}, {@code .annotations}.
 *
 * <p>Allowed values: the name a DNS-1123 label (lowercase letters, digits and '-', starting and ending
 * with a letter or digit, at most 63 bytes); the namespace a DNS-1123 label; labels and annotations as on any object.
 */
@RuleInfo(id = "k8s-service-metadata", severity = Severity.ERROR,
    summary = "Service metadata that kube-apiserver rejects: name, namespace, labels, annotations")
public final class ServiceMetadata implements ServiceRule {
  private static final FieldPath META = FieldPath.of("metadata");

  @Override
  public List<Violation> validate(Service service, RuleContext context) {
    ObjectMeta meta = service.getMetadata() == null ? new ObjectMeta() : service.getMetadata();
    List<Violation> out = new ArrayList<>();
    String name = meta.getName() == null ? "" : meta.getName();
    if (name.isEmpty()) {
      out.add(Violation.required(META.child("name"), Message.of("name-or-generate-name")));
    } else {
      for (Message m : Names.dns1123Label(name)) {
        out.add(Violation.invalid(META.child("name"), name, m));
      }
    }
    String ns = meta.getNamespace() == null ? "" : meta.getNamespace();
    if (ns.isEmpty()) {
      out.add(Violation.required(META.child("namespace")).withHint(Message.of("hint-namespace")));
    } else {
      for (Message m : Names.dns1123Label(ns)) {
        out.add(Violation.invalid(META.child("namespace"), ns, m));
      }
    }
    out.addAll(MetaChecks.labels(meta.getLabels(), META.child("labels")));
    out.addAll(MetaChecks.annotations(meta.getAnnotations(), META.child("annotations")));
    return out;
  }
}
