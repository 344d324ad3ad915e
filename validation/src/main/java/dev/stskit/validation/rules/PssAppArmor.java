package dev.stskit.validation.rules;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import dev.stskit.validation.internal.Pss;
import io.fabric8.kubernetes.api.model.AppArmorProfile;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Disabling or overriding the default AppArmor profile (Pod Security Standards, baseline).
 *
 * <p>Ports check {@code appArmorProfile} ({@code policy/check_appArmorProfile.go}): the beta
 * annotations on the pod, and since AppArmor fields went GA (v1.30) the {@code appArmorProfile}
 * fields. For a StatefulSet the annotations are the pod template's.
 *
 * <p>Checked fields: {@code spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/*]},
 * {@code spec.template.spec.securityContext.appArmorProfile.type},
 * {@code spec.template.spec.containers[*].securityContext.appArmorProfile.type},
 * {@code spec.template.spec.initContainers[*].securityContext.appArmorProfile.type}.
 *
 * <p>Allowed values: annotation {@code runtime/default}, {@code localhost/*}, empty or unset; field
 * {@code RuntimeDefault}, {@code Localhost} or unset.
 */
@RuleInfo(id = "pss-apparmor", severity = Severity.ERROR,
    summary = "AppArmor profile the baseline Pod Security Standard forbids")
public final class PssAppArmor implements Rule {
  private static final String ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    Map<String, String> annotations = Pods.templateMeta(sts).getAnnotations();
    if (annotations != null) {
      for (Map.Entry<String, String> e : new TreeMap<>(annotations).entrySet()) {
        String v = Pods.str(e.getValue());
        if (e.getKey().startsWith(ANNOTATION_PREFIX)
            && !(v.isEmpty() || v.equals("runtime/default") || v.startsWith("localhost/"))) {
          FieldPath p = Pods.TEMPLATE.child("metadata", "annotations").key(e.getKey());
          out.add(Pss.forbidden(p, v, Message.of("pss-apparmor")));
        }
      }
    }
    field(out, Pss.POD_SECURITY_CONTEXT, Pss.podContext(sts).getAppArmorProfile());
    for (Pods.Located c : Pods.allContainers(sts)) {
      field(out, Pss.contextPath(c), Pss.context(c.container()).getAppArmorProfile());
    }
    return out;
  }

  private static void field(List<Violation> out, FieldPath context, AppArmorProfile profile) {
    if (profile == null) {
      return;
    }
    String type = Pods.str(profile.getType());
    if (!type.equals("RuntimeDefault") && !type.equals("Localhost")) {
      out.add(Pss.forbidden(context.child("appArmorProfile", "type"), type, Message.of("pss-apparmor")));
    }
  }
}
