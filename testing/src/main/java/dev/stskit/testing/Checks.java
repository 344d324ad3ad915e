package dev.stskit.testing;

import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.RuleSet;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What the assertions share: validating with rule sets, reading GPU requests back. */
final class Checks {
  private Checks() {}

  static Validator validator(RuleSet... ruleSets) {
    if (ruleSets.length == 0) {
      throw new IllegalArgumentException("name at least one rule set, e.g. RuleSet.kubernetes()");
    }
    return Validator.of(ruleSets);
  }

  /** The error findings of every object, each line {@code Kind/name: finding}; empty when all pass. */
  static List<String> errors(Validator validator, List<? extends HasMetadata> objects) {
    List<String> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      Report report = validator.validate(o);
      for (Finding f : report.errors()) {
        out.add(o.getKind() + "/" + (o.getMetadata() == null ? "" : o.getMetadata().getName()) + ": " + f.format());
      }
    }
    return out;
  }

  /**
   * The GPU request of each container (init containers first), read back from the StatefulSet the
   * way {@link StatefulSetSpec#lift} reads it; containers without one are left out.
   */
  static Map<String, GpuRequest> gpus(StatefulSet sts) {
    StatefulSetSpec spec = StatefulSetSpec.lift(sts).spec();
    Map<String, GpuRequest> out = new LinkedHashMap<>();
    Stream.concat(spec.initContainers().stream(), spec.containers().stream())
        .forEach(c -> c.gpu().ifPresent(g -> out.put(c.name(), g)));
    return out;
  }
}
