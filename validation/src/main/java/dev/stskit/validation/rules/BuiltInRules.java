package dev.stskit.validation.rules;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleDescriptor;
import dev.stskit.validation.RuleSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The built-in rules and rule sets. Lists are explicit and sorted by rule id; {@link #ALL} is their sorted union. */
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
      new ServiceMetadata(),         // k8s-service-metadata
      new ServiceName(),             // k8s-service-name
      new ServicePorts(),            // k8s-service-ports
      new ServiceSpecRule(),         // k8s-service-spec
      new StatefulSetCounts(),       // k8s-statefulset-counts
      new StatefulSetImmutableFields(), // k8s-statefulset-immutable-fields
      new StatefulSetPolicies(),     // k8s-statefulset-policies
      new StatefulSetTemplatePolicy(), // k8s-statefulset-template-policy
      new VolumeClaimTemplates(),    // k8s-volume-claim-templates
      new VolumeMounts(),            // k8s-volume-mounts
      new Volumes());                // k8s-volumes

  /**
   * The rules of the {@code pss-baseline} rule set, sorted by id: the baseline Pod Security Standard,
   * policy version v1.37, ported from {@code k8s.io/pod-security-admission/policy}.
   */
  public static final List<Rule> PSS_BASELINE = List.of(
      new PssAppArmor(),             // pss-apparmor
      new PssCapabilitiesBaseline(), // pss-capabilities-baseline
      new PssHostNamespaces(),       // pss-host-namespaces
      new PssHostPathVolumes(),      // pss-host-path-volumes
      new PssHostPorts(),            // pss-host-ports
      new PssHostProbes(),           // pss-host-probes
      new PssPrivileged(),           // pss-privileged
      new PssProcMount(),            // pss-proc-mount
      new PssSeccompBaseline(),      // pss-seccomp-baseline
      new PssSeLinux(),              // pss-selinux
      new PssSysctls(),              // pss-sysctls
      new PssWindowsHostProcess());  // pss-windows-host-process

  /**
   * The rules only the {@code pss-restricted} rule set has, sorted by id. The restricted set is these
   * plus the baseline rules they do not override (as {@code policy/registry.go} drops overridden checks):
   * {@code pss-capabilities-restricted} replaces {@code pss-capabilities-baseline},
   * {@code pss-restricted-volumes} replaces {@code pss-host-path-volumes}, {@code pss-seccomp-restricted}
   * replaces {@code pss-seccomp-baseline} and {@code pss-proc-mount-restricted} replaces
   * {@code pss-proc-mount}.
   */
  public static final List<Rule> PSS_RESTRICTED_ONLY = List.of(
      new PssAllowPrivilegeEscalation(), // pss-allow-privilege-escalation
      new PssCapabilitiesRestricted(),   // pss-capabilities-restricted
      new PssProcMountRestricted(),      // pss-proc-mount-restricted
      new PssRestrictedVolumes(),        // pss-restricted-volumes
      new PssRunAsNonRoot(),             // pss-run-as-non-root
      new PssRunAsUser(),                // pss-run-as-user
      new PssSeccompRestricted());       // pss-seccomp-restricted

  /**
   * The rules of the {@code best-practice} rule set, sorted by id: warnings and notes on what works but
   * is fragile, on the object as written.
   */
  public static final List<Rule> BEST_PRACTICE = List.of(
      new BpAntiAffinity(),        // bp-anti-affinity
      new BpAppLabels(),           // bp-app-labels
      new BpClaimTemplate(),       // bp-claim-template
      new BpDnsNdots(),            // bp-dns-ndots
      new BpEnv(),                 // bp-env
      new BpEnvRefs(),             // bp-env-refs
      new BpGoverningService(),    // bp-governing-service
      new BpHardening(),           // bp-hardening
      new BpHardeningStrict(),     // bp-hardening-strict
      new BpImagePullPolicy(),     // bp-image-pull-policy
      new BpImageTag(),            // bp-image-tag
      new BpNodeAffinity(),        // bp-node-affinity
      new BpPodDisruptionBudget(), // bp-pod-disruption-budget
      new BpProbes(),              // bp-probes
      new BpReadinessProbe(),      // bp-readiness-probe
      new BpResourceHygiene(),     // bp-resource-hygiene
      new BpResources(),           // bp-resources
      new BpRunAsNonRoot(),        // bp-run-as-non-root
      new BpScheduling(),          // bp-scheduling
      new BpSecurity(),            // bp-security
      new BpServiceAccount(),      // bp-service-account
      new BpStatefulSet());        // bp-statefulset

  /**
   * The rules of the {@code gpu} rule set without an inventory, sorted by id: GPU settings that
   * Kubernetes accepts but HAMi or the NVIDIA device plugin misread or cannot satisfy.
   */
  public static final List<Rule> GPU = List.of(
      new GpuMemoryExclusive(),   // gpu-memory-exclusive
      new GpuMigProfile(),        // gpu-mig-profile
      new GpuPercentRange(),      // gpu-percent-range
      new GpuPlainInteger(),      // gpu-plain-integer
      new GpuSchedulerPolicy());  // gpu-scheduler-policy

  /**
   * The rules the {@code gpu} rule set adds when given an inventory, sorted by id; listed here against
   * an empty inventory (see {@link #gpu(GpuInventory)}).
   */
  public static final List<Rule> GPU_INVENTORY = inventoryRules(GpuInventory.of(List.of()));

  /**
   * The rules of the {@code platform} rule set, sorted by id: the "Create StatefulSet" form's own limits
   * (docs/form.md), on the object as written (no defaulting).
   */
  public static final List<Rule> PLATFORM = List.of(
      new PlatformAnnotationPlacement(), // platform-annotation-placement
      new PlatformDescription(),         // platform-description
      new PlatformGpuCount(),            // platform-gpu-count
      new PlatformGracePeriod(),         // platform-grace-period
      new PlatformServiceName(),         // platform-service-name
      new PlatformVolumeClaimClash(),    // platform-volume-claim-clash
      new PlatformWorkloadName(),        // platform-workload-name
      new PlatformWorkloadNameLength()); // platform-workload-name-length

  /** Baseline rules the restricted set replaces by a stricter one. */
  private static final Set<Class<? extends Rule>> OVERRIDDEN_AT_RESTRICTED = Set.of(
      PssCapabilitiesBaseline.class, PssHostPathVolumes.class, PssSeccompBaseline.class, PssProcMount.class);

  /** Every built-in rule, sorted by id. */
  public static final List<Rule> ALL = sorted(KUBERNETES, BEST_PRACTICE, PLATFORM, GPU, GPU_INVENTORY, PSS_BASELINE, PSS_RESTRICTED_ONLY);

  private static final RuleSet KUBERNETES_SET = RuleSet.of("kubernetes", KUBERNETES, true);
  private static final RuleSet BEST_PRACTICE_SET = RuleSet.of("best-practice", BEST_PRACTICE, false);
  private static final RuleSet GPU_SET = RuleSet.of("gpu", GPU, false);
  private static final RuleSet PLATFORM_SET = RuleSet.of("platform", PLATFORM, false);
  private static final RuleSet PSS_BASELINE_SET = RuleSet.of("pss-baseline", PSS_BASELINE, true);
  private static final RuleSet PSS_RESTRICTED_SET = RuleSet.of("pss-restricted", sorted(
      PSS_BASELINE.stream().filter(r -> !OVERRIDDEN_AT_RESTRICTED.contains(r.getClass())).toList(),
      PSS_RESTRICTED_ONLY), true);

  private BuiltInRules() {}

  /** {@return the {@code kubernetes} rule set, with Kubernetes defaulting} */
  public static RuleSet kubernetes() {
    return KUBERNETES_SET;
  }

  /** {@return the {@code best-practice} rule set, without defaulting} */
  public static RuleSet bestPractice() {
    return BEST_PRACTICE_SET;
  }

  /** {@return the {@code gpu} rule set without an inventory: the static GPU checks, without defaulting} */
  public static RuleSet gpu() {
    return GPU_SET;
  }

  /**
   * The {@code gpu} rule set with the feasibility checks against {@code inventory}.
   *
   * @param inventory the cluster's GPU nodes
   * @return the rule set
   */
  public static RuleSet gpu(GpuInventory inventory) {
    return RuleSet.of("gpu", sorted(GPU, inventoryRules(inventory)), false);
  }

  private static List<Rule> inventoryRules(GpuInventory inventory) {
    return List.of(
        new GpuInventoryCapacity(inventory), // gpu-inventory-capacity
        new GpuInventoryFit(inventory));     // gpu-inventory-fit
  }

  /** {@return the {@code platform} rule set, without defaulting} */
  public static RuleSet platform() {
    return PLATFORM_SET;
  }

  /**
   * The {@code pss-baseline} rule set, with Kubernetes defaulting (Pod Security Admission sees the
   * defaulted pod).
   *
   * @return the rule set
   */
  public static RuleSet podSecurityBaseline() {
    return PSS_BASELINE_SET;
  }

  /** {@return the {@code pss-restricted} rule set: restricted checks plus the baseline checks they do not replace} */
  public static RuleSet podSecurityRestricted() {
    return PSS_RESTRICTED_SET;
  }

  @SafeVarargs
  private static List<Rule> sorted(List<? extends Rule>... lists) {
    List<Rule> all = new ArrayList<>();
    for (List<? extends Rule> l : lists) {
      all.addAll(l);
    }
    all.sort(Comparator.comparing(r -> RuleDescriptor.of(r).id()));
    return List.copyOf(all);
  }
}
