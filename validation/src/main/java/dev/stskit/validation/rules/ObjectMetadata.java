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
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The StatefulSet's own metadata: name, namespace, labels, annotations, owner references, finalizers,
 * generation.
 *
 * <p>Follows {@code ValidateObjectMeta} ({@code pkg/apis/core/validation/validation.go}, delegating to
 * {@code ValidateObjectMetaAccessor} in apimachinery {@code pkg/api/validation/objectmeta.go}) with
 * {@code ValidateStatefulSetName} = {@code NameIsDNSLabel} (StatefulSet names are DNS-1123 labels since
 * v1.26: pods get {@code hostname} from them). On update, follows {@code ValidateObjectMetaUpdate}: name
 * and namespace are immutable and the name is not re-validated.
 *
 * <p>Checked fields: {@code metadata.name}, {@code .generateName}, {@code .namespace}, {@code .labels},
 * {@code .annotations}, {@code .ownerReferences}, {@code .finalizers}, {@code .generation}.
 *
 * <p>Allowed values: name and namespace are lowercase RFC 1123 labels (at most 63 bytes); label keys
 * and annotation keys are qualified names; label values at most 63 bytes of
 * {@code [A-Za-z0-9_.-]} starting and ending alphanumeric; annotations at most 256 KiB in total.
 */
@RuleInfo(id = "k8s-object-metadata", severity = Severity.ERROR,
    summary = "StatefulSet metadata that kube-apiserver rejects: name, namespace, labels, annotations, owners")
public final class ObjectMetadata implements Rule {
  private static final FieldPath META = FieldPath.of("metadata");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    ObjectMeta meta = Pods.meta(sts);
    List<Violation> out = new ArrayList<>();
    if (!context.isUpdate()) {
      String generateName = Pods.str(meta.getGenerateName());
      if (!generateName.isEmpty()) {
        for (Message m : Names.dns1123Label(maskPrefix(generateName))) {
          out.add(Violation.invalid(META.child("generateName"), generateName, m));
        }
      }
      String name = Pods.str(meta.getName());
      if (name.isEmpty()) {
        out.add(Violation.required(META.child("name"), Message.of("name-or-generate-name")));
      } else {
        for (Message m : Names.nameIsDnsLabel(name)) {
          out.add(Violation.invalid(META.child("name"), name, m));
        }
      }
      String ns = Pods.str(meta.getNamespace());
      if (ns.isEmpty()) {
        out.add(Violation.required(META.child("namespace"))
            .withHint(Message.of("hint-namespace")));
      } else {
        for (Message m : Names.dns1123Label(ns)) {
          out.add(Violation.invalid(META.child("namespace"), ns, m));
        }
      }
    }
    if (meta.getGeneration() != null && meta.getGeneration() < 0) {
      out.add(Violation.invalid(META.child("generation"), meta.getGeneration(), Message.of("nonnegative")));
    }
    out.addAll(MetaChecks.labels(meta.getLabels(), META.child("labels")));
    out.addAll(MetaChecks.annotations(meta.getAnnotations(), META.child("annotations")));
    out.addAll(ownerReferences(Defaults.list(meta.getOwnerReferences()), META.child("ownerReferences")));
    // ValidateFinalizers: qualified names (errors at metadata.finalizers), not both orphan and foreground;
    // a name that is neither standard nor domain-qualified only gets a warning (k8s-apiserver-warnings)
    List<String> finalizers = Defaults.list(meta.getFinalizers());
    for (String finalizer : finalizers) {
      String f = Pods.str(finalizer);
      for (Message m : Names.qualifiedName(f)) {
        out.add(Violation.invalid(META.child("finalizers"), f, m));
      }
    }
    if (finalizers.contains("orphan") && finalizers.contains("foregroundDeletion")) {
      out.add(Violation.invalid(META.child("finalizers"), String.valueOf(finalizers),
          Message.of("finalizers-conflict")));
    }
    return out;
  }

  /** {@code ValidateObjectMetaUpdate}: name and namespace cannot change. */
  @Override
  public List<Violation> validateUpdate(StatefulSet oldObject, StatefulSet newObject, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    ObjectMeta o = Pods.meta(oldObject);
    ObjectMeta n = Pods.meta(newObject);
    immutable(out, META.child("name"), o.getName(), n.getName());
    immutable(out, META.child("namespace"), o.getNamespace(), n.getNamespace());
    immutable(out, META.child("uid"), o.getUid(), n.getUid());
    immutable(out, META.child("creationTimestamp"), o.getCreationTimestamp(), n.getCreationTimestamp());
    if (o.getGeneration() != null && n.getGeneration() != null && n.getGeneration() < o.getGeneration()) {
      out.add(Violation.invalid(META.child("generation"), n.getGeneration(), Message.of("not-decremented")));
    }
    return out;
  }

  private static void immutable(List<Violation> out, FieldPath path, String oldValue, String newValue) {
    // ValidateImmutableField: an unset value on either side is only a change when the other is set.
    if (oldValue != null && newValue != null && !Objects.equals(oldValue, newValue)) {
      out.add(Violation.invalid(path, newValue, Message.of("immutable")));
    }
  }

  /** {@code NameIsDNSLabel(prefix, true)}: a trailing dash is allowed in a generateName prefix. */
  private static String maskPrefix(String prefix) {
    return prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) + "a" : prefix;
  }

  /** {@code ValidateOwnerReferences}: errors sit at {@code ownerReferences} itself, not at an index. */
  private static List<Violation> ownerReferences(List<OwnerReference> refs, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    String firstController = "";
    for (OwnerReference ref : refs) {
      if (ref == null) {
        continue;
      }
      String apiVersion = Pods.str(ref.getApiVersion());
      String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
      if (version.isEmpty()) {
        out.add(Violation.invalid(path.child("apiVersion"), apiVersion, Message.of("owner-version")));
      }
      if (Pods.str(ref.getKind()).isEmpty()) {
        out.add(Violation.invalid(path.child("kind"), "", Message.of("must-not-be-empty")));
      }
      if (Pods.str(ref.getName()).isEmpty()) {
        out.add(Violation.invalid(path.child("name"), "", Message.of("must-not-be-empty")));
      }
      if (Pods.str(ref.getUid()).isEmpty()) {
        out.add(Violation.invalid(path.child("uid"), "", Message.of("must-not-be-empty")));
      }
      if (Boolean.TRUE.equals(ref.getController())) {
        String current = ref.getKind() + "/" + ref.getName();
        if (!firstController.isEmpty()) {
          out.add(Violation.invalid(path, "[...]", Message.of("one-controller", firstController, current)));
        } else {
          firstController = current;
        }
      }
    }
    return out;
  }
}
