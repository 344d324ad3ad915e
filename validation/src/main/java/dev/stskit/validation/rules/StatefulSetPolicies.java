package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Pod management policy, update strategy (with {@code rollingUpdate.partition} and
 * {@code maxUnavailable}) and the PVC retention policy.
 *
 * <p>Follows {@code ValidateStatefulSetSpec}, {@code validateRollingUpdateStatefulSet},
 * {@code ValidatePositiveIntOrPercent}, {@code IsNotMoreThan100Percent} and
 * {@code ValidatePersistentVolumeClaimRetentionPolicy} in {@code pkg/apis/apps/validation/validation.go}.
 * {@code maxUnavailable} is validated whenever it is set, as upstream does; whether the controller
 * honours it depends on the {@code MaxUnavailableStatefulSet} feature gate.
 *
 * <p>Checked fields: {@code spec.podManagementPolicy}, {@code spec.updateStrategy},
 * {@code spec.persistentVolumeClaimRetentionPolicy}.
 *
 * <p>Allowed values: podManagementPolicy {@code OrderedReady} or {@code Parallel}; updateStrategy type
 * {@code RollingUpdate} or {@code OnDelete} (rollingUpdate only with RollingUpdate); partition ≥ 0;
 * maxUnavailable ≥ 1 or 1%–100%; whenDeleted and whenScaled {@code Retain} or {@code Delete}.
 */
@RuleInfo(id = "k8s-statefulset-policies", severity = Severity.ERROR,
    summary = "Invalid podManagementPolicy, updateStrategy or persistentVolumeClaimRetentionPolicy")
public final class StatefulSetPolicies implements Rule {
  private static final FieldPath SPEC = FieldPath.of("spec");
  private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    StatefulSetSpec spec = Pods.spec(sts);
    List<Violation> out = new ArrayList<>();
    String pmp = Pods.str(spec.getPodManagementPolicy());
    switch (pmp) {
      case "" -> out.add(Violation.required(SPEC.child("podManagementPolicy")));
      case "OrderedReady", "Parallel" -> { }
      default -> out.add(Violation.invalid(SPEC.child("podManagementPolicy"), pmp,
          Message.of("must-be-one-of", "'OrderedReady' or 'Parallel'")));
    }
    StatefulSetUpdateStrategy strategy = spec.getUpdateStrategy() == null
        ? new StatefulSetUpdateStrategy() : spec.getUpdateStrategy();
    FieldPath us = SPEC.child("updateStrategy");
    String type = Pods.str(strategy.getType());
    switch (type) {
      case "" -> out.add(Violation.required(us));
      case "OnDelete" -> {
        if (strategy.getRollingUpdate() != null) {
          out.add(Violation.invalid(us.child("rollingUpdate"), "{...}", Message.of("rolling-update-only")));
        }
      }
      case "RollingUpdate" -> {
        if (strategy.getRollingUpdate() != null) {
          out.addAll(rollingUpdate(strategy.getRollingUpdate(), us.child("rollingUpdate")));
        }
      }
      default -> out.add(Violation.invalid(us, type, Message.of("must-be-one-of", "'RollingUpdate' or 'OnDelete'")));
    }
    StatefulSetPersistentVolumeClaimRetentionPolicy policy = spec.getPersistentVolumeClaimRetentionPolicy();
    if (policy != null) {
      FieldPath p = SPEC.child("persistentVolumeClaimRetentionPolicy");
      retention(out, Pods.str(policy.getWhenDeleted()), p.child("whenDeleted"));
      retention(out, Pods.str(policy.getWhenScaled()), p.child("whenScaled"));
    }
    return out;
  }

  private static void retention(List<Violation> out, String value, FieldPath path) {
    if (!value.equals("Retain") && !value.equals("Delete")) {
      out.add(Violation.notSupported(path, value, List.of("Retain", "Delete")));
    }
  }

  private static List<Violation> rollingUpdate(RollingUpdateStatefulSetStrategy ru, FieldPath path) {
    List<Violation> out = new ArrayList<>();
    int partition = ru.getPartition() == null ? 0 : ru.getPartition();
    if (partition < 0) {
      out.add(Violation.invalid(path.child("partition"), partition, Message.of("nonnegative")));
    }
    IntOrString mu = ru.getMaxUnavailable();
    if (mu != null) {
      FieldPath p = path.child("maxUnavailable");
      if (mu.getStrVal() != null) {
        String s = mu.getStrVal();
        if (!PERCENT.matcher(s).matches()) {
          out.add(Violation.invalid(p, s, Message.of("percent")));
        } else {
          java.math.BigInteger pct = new java.math.BigInteger(s.substring(0, s.length() - 1));
          if (pct.signum() == 0) {
            out.add(Violation.invalid(p, s, Message.of("cannot-be-zero")));
          }
          if (pct.compareTo(java.math.BigInteger.valueOf(100)) > 0) {
            out.add(Violation.invalid(p, s, Message.of("not-more-than-100")));
          }
        }
      } else {
        int v = mu.getIntVal() == null ? 0 : mu.getIntVal();
        if (v < 0) {
          out.add(Violation.invalid(p, v, Message.of("nonnegative")));
        }
        if (v == 0) {
          out.add(Violation.invalid(p, v, Message.of("cannot-be-zero")));
        }
      }
    }
    return out;
  }
}
