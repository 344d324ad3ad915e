package dev.stskit.validation.rules;

import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import dev.stskit.validation.internal.Pods;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;

/**
 * A serving container without a readiness probe.
 *
 * <p>A StatefulSet rolls out and scales ({@code OrderedReady}) one pod at a time, waiting for each to be
 * Ready; without a readiness probe a pod is Ready as soon as its containers start, so the rollout does
 * not wait for the service to work, and the governing Service publishes the pod's DNS record early.
 * Only containers that declare ports are checked (sidecars without ports need no probe).
 *
 * <p>Checked fields: {@code spec.template.spec.containers[*].readinessProbe}.
 *
 * <p>Allowed values: set, on every container with {@code ports}.
 */
@RuleInfo(id = "bp-readiness-probe", severity = Severity.WARNING,
    summary = "Container with ports but no readiness probe")
public final class BpReadinessProbe implements Rule {
  @Override
  public List<Violation> validate(StatefulSet sts, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    for (Pods.Located c : Pods.allContainers(sts)) {
      boolean ports = c.container().getPorts() != null && !c.container().getPorts().isEmpty();
      if (!c.init() && ports && c.container().getReadinessProbe() == null) {
        out.add(Violation.required(c.path().child("readinessProbe"), Message.of("bp-readiness-probe")));
      }
    }
    return out;
  }
}
