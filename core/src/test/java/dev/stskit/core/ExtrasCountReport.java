package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** Prints how many entries each lifted corpus file keeps in extras (the table of core/README.md). */
class ExtrasCountReport {
  /** Security-context fields the spec models (ContainerSecurity, PodSecurity). */
  private static final java.util.regex.Pattern MODELLED_SECURITY = java.util.regex.Pattern.compile(
      "securityContext\\.(runAsNonRoot|runAsGroup|allowPrivilegeEscalation|readOnlyRootFilesystem|capabilities"
          + "|seccompProfile|appArmorProfile|seLinuxOptions|fsGroup|fsGroupChangePolicy|supplementalGroups|sysctls)\\b");

  @Test
  void everyLiftedCorpusFileKeepsOnlyWhatTheSpecCannotExpress() {
    StringBuilder out = new StringBuilder("| corpus file | set | omit |\n|---|---|---|\n");
    for (String r : Fixtures.corpus()) {
      Extras e = StatefulSetSpec.lift(Fixtures.statefulSet(r)).spec().extras();
      out.append("| ").append(r.substring(r.lastIndexOf('/') + 1)).append(" | ").append(e.set().size())
          .append(" | ").append(e.omit().size()).append(" |\n");
      // fields the spec now models never come back as extras
      assertThat(e.set().keySet()).noneMatch(p -> p.startsWith("spec.template.spec.serviceAccountName")
          || p.startsWith("spec.template.spec.nodeSelector") || p.startsWith("spec.template.spec.tolerations")
          || p.startsWith("spec.minReadySeconds") || p.startsWith("spec.persistentVolumeClaimRetentionPolicy")
          || p.endsWith(".workingDir") || p.startsWith("spec.template.spec.topologySpreadConstraints"));
      assertThat(e.set().keySet()).noneMatch(p -> MODELLED_SECURITY.matcher(p).find());
    }
    System.out.println("@@COUNTS\n" + out);
  }
}
