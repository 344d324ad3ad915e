package dev.stskit.validation.rules;

import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleSet;
import java.util.List;

/** The built-in rules and rule sets. Lists are explicit and sorted by rule id. */
public final class BuiltInRules {
  /**
   * The rules of the {@code kubernetes} rule set, sorted by id: what kube-apiserver checks for an
   * apps/v1 StatefulSet on create ({@code ValidateStatefulSet}) and update
   * ({@code ValidateStatefulSetUpdate}), plus the warnings it returns with an accepted object.
   */
  public static final List<Rule> KUBERNETES = List.of(
      new ApiserverWarnings(),       // k8s-apiserver-warnings
      new ContainerEnv(),            // k8s-container-env
      new ContainerProbes(),         // k8s-container-probes
      new ContainerResources(),      // k8s-container-resources
      new Containers(),              // k8s-containers
      new ObjectMetadata(),          // k8s-object-metadata
      new PodDns(),                  // k8s-pod-dns
      new PodSpecFields(),           // k8s-pod-spec
      new PodTemplateMetadata(),     // k8s-pod-template-metadata
      new Scheduling(),              // k8s-scheduling
      new SecurityContexts(),        // k8s-security-context
      new Selector(),                // k8s-selector
      new ServiceName(),             // k8s-service-name
      new StatefulSetCounts(),       // k8s-statefulset-counts
      new StatefulSetImmutableFields(), // k8s-statefulset-immutable-fields
      new StatefulSetPolicies(),     // k8s-statefulset-policies
      new StatefulSetTemplatePolicy(), // k8s-statefulset-template-policy
      new VolumeClaimTemplates(),    // k8s-volume-claim-templates
      new VolumeMounts(),            // k8s-volume-mounts
      new Volumes());                // k8s-volumes

  /** Every built-in rule, sorted by id. */
  public static final List<Rule> ALL = KUBERNETES;

  private static final RuleSet KUBERNETES_SET = RuleSet.of("kubernetes", KUBERNETES, true);

  private BuiltInRules() {}

  /** The {@code kubernetes} rule set, with Kubernetes defaulting. */
  public static RuleSet kubernetes() {
    return KUBERNETES_SET;
  }
}
