package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpecBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An update that changes a StatefulSet spec field other than the mutable ones.
 *
 * <p>Follows {@code ValidateStatefulSetUpdate} ({@code pkg/apis/apps/validation/validation.go}): the new
 * spec, with replicas, template, updateStrategy, minReadySeconds, ordinals,
 * persistentVolumeClaimRetentionPolicy and revisionHistoryLimit copied from the old one, must equal the
 * old spec; otherwise one {@code Forbidden} at {@code spec}. In practice this forbids changing the
 * selector, serviceName, podManagementPolicy and volumeClaimTemplates. Only runs on
 * {@link dev.stskit.validation.Validator#validateUpdate}.
 *
 * <p>Checked fields: {@code spec} as a whole.
 *
 * <p>Allowed values: any change to the mutable fields above; nothing else.
 */
@RuleInfo(id = "k8s-statefulset-immutable-fields", severity = Severity.ERROR,
    summary = "Update changes an immutable StatefulSet spec field such as selector or volumeClaimTemplates")
public final class StatefulSetImmutableFields implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    return List.of();
  }

  @Override
  public List<Violation> validateUpdate(StatefulSet oldObject, StatefulSet newObject, RuleContext context) {
    StatefulSetSpec old = Pods.spec(oldObject);
    StatefulSetSpec clone = new StatefulSetSpecBuilder(Pods.spec(newObject))
        .withReplicas(old.getReplicas())
        .withTemplate(old.getTemplate())
        .withUpdateStrategy(old.getUpdateStrategy())
        .withMinReadySeconds(old.getMinReadySeconds())
        .withOrdinals(old.getOrdinals())
        .withPersistentVolumeClaimRetentionPolicy(old.getPersistentVolumeClaimRetentionPolicy())
        .withRevisionHistoryLimit(old.getRevisionHistoryLimit())
        .build();
    List<Violation> out = new ArrayList<>();
    if (!Objects.equals(clone, new StatefulSetSpecBuilder(old).build())) {
      out.add(Violation.forbidden(FieldPath.of("spec"), Message.of("immutable-spec"))
          .withHint(Message.of("hint-immutable-spec")));
    }
    return out;
  }
}
