package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.stskit.core.internal.Compiler;
import dev.stskit.core.internal.Lifter;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.security.PodSecurity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The platform's "Create StatefulSet" form as one immutable value (docs/form.md §§1–14), with the
 * form's defaults. {@link #compile()} turns it into a StatefulSet, its governing headless Service
 * and the access Services; {@link #lift(StatefulSet, Service...)} turns any StatefulSet back into a
 * spec. The spec file ({@link SpecFiles}) is this value's JSON shape in YAML.
 *
 * <pre>{@code
 * StatefulSetSpec spec = StatefulSetSpec.builder()
 *     .name("mysql").namespace("db").replicas(3)
 *     .addContainer(ContainerSpec.builder().name("mysql").image("mysql:8.4")
 *         .cpu("500m", "1").memory("1Gi", "2Gi").build())
 *     .addVolumeClaimTemplate(ClaimTemplate.of("data", Storage.gibibytes(20)))
 *     .build();
 * Manifests m = spec.compile();
 * }</pre>
 *
 * <p>Builders check only what cannot be rendered at all (a missing name or image, no container,
 * negative replicas, a pod label contradicting the selector); policy lives in the validation
 * module.
 */
@JsonPropertyOrder({"name", "namespace", "replicas", "description", "descriptionAnnotation", "selector", "labels", "annotations", "podLabels", "podAnnotations", "initContainers", "containers", "imagePullSecrets", "runAsUser", "podSecurity", "serviceAccountName", "priorityClassName", "runtimeClassName", "hostNetwork", "hostPID", "hostIPC", "volumes", "volumeClaimTemplates", "serviceName", "services", "network", "dns", "updateStrategy", "revisionHistoryLimit", "terminationGracePeriodSeconds", "podManagementPolicy", "minReadySeconds", "ordinalsStart", "claimRetentionWhenDeleted", "claimRetentionWhenScaled", "scheduling", "extras", "governingServiceExtras"})
@Value.Immutable
@JsonSerialize(as = ImmutableStatefulSetSpec.class)
@JsonDeserialize(as = ImmutableStatefulSetSpec.class)
public interface StatefulSetSpec {
  /** The description annotation the form writes: {@code kpanda.io/describe}. */
  String DESCRIPTION_ANNOTATION = "kpanda.io/describe";

  /** {@return workload name ({@code metadata.name})} Required. */
  @Value.Default
  default String name() {
    return "";
  }

  /** {@return namespace of the StatefulSet and its Services} Default {@code default}. */
  @Value.Default
  default String namespace() {
    return "default";
  }

  /** {@return pods ({@code spec.replicas})} Default 1. */
  @Value.Default
  default int replicas() {
    return 1;
  }

  /** {@return description (≤ 512 characters on the platform), stored as an annotation} */
  Optional<String> description();

  /** {@return the annotation key the description goes to} Default {@value #DESCRIPTION_ANNOTATION}. */
  @Value.Default
  @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DescriptionKeyFilter.class)
  default String descriptionAnnotation() {
    return DESCRIPTION_ANNOTATION;
  }

  /**
   * Pod selector ({@code spec.selector.matchLabels}); its pairs are also written into the pod
   * labels and every Service's selector. Empty (the default) means {@code app: <name>}.
   *
   * @return the selector's labels; empty means {@code app: <name>}
   */
  Map<String, String> selector();

  /** {@return workload labels ({@code metadata.labels})} */
  Map<String, String> labels();

  /** {@return workload annotations ({@code metadata.annotations})} */
  Map<String, String> annotations();

  /** {@return pod labels beyond the selector pairs ({@code spec.template.metadata.labels})} */
  Map<String, String> podLabels();

  /** {@return pod annotations ({@code spec.template.metadata.annotations})} */
  Map<String, String> podAnnotations();

  /**
   * Work containers; at least one.
   *
   * @return the containers, in order
   */
  List<ContainerSpec> containers();

  /** {@return init containers, run in order to completion before the work containers start} */
  List<ContainerSpec> initContainers();

  /**
   * Registry secrets ({@code imagePullSecrets[].name}), shared by all containers.
   *
   * @return the Secret names, in order
   */
  List<String> imagePullSecrets();

  /** {@return pod-level account UID ({@code securityContext.runAsUser}); containers may override it} */
  Optional<Long> runAsUser();

  /**
   * {@return the rest of the pod's security context} ({@code spec.template.spec.securityContext}:
   * runAsNonRoot, runAsGroup, fsGroup, fsGroupChangePolicy, supplementalGroups, sysctls, seccomp and
   * AppArmor profiles, SELinux options), beside {@link #runAsUser()}. {@code
   * SecurityPreset.restricted()} fills it in for the restricted Pod Security Standard.
   */
  Optional<PodSecurity> podSecurity();

  /** {@return the pod's service account ({@code spec.template.spec.serviceAccountName})} */
  Optional<String> serviceAccountName();

  /** {@return priority class ({@code spec.template.spec.priorityClassName})} */
  Optional<String> priorityClassName();

  /** {@return runtime class, e.g. {@code nvidia} ({@code spec.template.spec.runtimeClassName})} */
  Optional<String> runtimeClassName();

  /**
   * Use the node's network namespace ({@code spec.template.spec.hostNetwork}).
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> hostNetwork();

  /**
   * Use the node's PID namespace ({@code spec.template.spec.hostPID}).
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> hostPID();

  /**
   * Use the node's IPC namespace ({@code spec.template.spec.hostIPC}).
   *
   * @return the flag, or empty when not written
   */
  Optional<Boolean> hostIPC();

  /** {@return pod volumes, mounted by name} */
  List<Volume> volumes();

  /**
   * Per-pod claims ({@code spec.volumeClaimTemplates}).
   *
   * @return the claim templates, in order
   */
  List<ClaimTemplate> volumeClaimTemplates();

  /**
   * The governing Service ({@code spec.serviceName}); compile always writes a headless Service of
   * this name. Default: the workload name.
   *
   * @return the governing Service's name
   */
  @Value.Default
  default String serviceName() {
    return name();
  }

  /** {@return access Services (ClusterIP, NodePort, LoadBalancer)} */
  List<AccessService> services();

  /** {@return container NICs (Multus/Spiderpool)} */
  Optional<Network> network();

  /** {@return DNS policy, DNS config and host aliases} */
  Optional<Dns> dns();

  /**
   * Upgrade mode. Default rolling, partition 0.
   *
   * @return the strategy
   */
  @Value.Default
  default UpdateStrategy updateStrategy() {
    return UpdateStrategy.rolling();
  }

  /** {@return max retained revisions ({@code spec.revisionHistoryLimit})} Default 10. */
  @Value.Default
  default int revisionHistoryLimit() {
    return 10;
  }

  /**
   * Scale-down window ({@code terminationGracePeriodSeconds}). Default 30.
   *
   * @return the seconds
   */
  @Value.Default
  default long terminationGracePeriodSeconds() {
    return 30;
  }

  /** {@return pod management policy} Default {@link PodManagementPolicy#ORDERED_READY}. */
  @Value.Default
  default PodManagementPolicy podManagementPolicy() {
    return PodManagementPolicy.ORDERED_READY;
  }

  /**
   * Seconds a new pod must be ready to count as available ({@code spec.minReadySeconds}).
   *
   * @return the seconds, or empty when not written
   */
  Optional<Integer> minReadySeconds();

  /** {@return the first pod ordinal ({@code spec.ordinals.start}); Kubernetes starts at 0} */
  Optional<Integer> ordinalsStart();

  /**
   * What happens to the pods' claims when the StatefulSet is deleted, {@code Retain} or {@code
   * Delete} ({@code spec.persistentVolumeClaimRetentionPolicy.whenDeleted}).
   *
   * @return the policy, or empty for Kubernetes' default {@code Retain}
   */
  Optional<String> claimRetentionWhenDeleted();

  /** {@return the same when it is scaled down ({@code spec.persistentVolumeClaimRetentionPolicy.whenScaled})} */
  Optional<String> claimRetentionWhenScaled();

  /** {@return toleration time, custom tolerations, node selector and affinity} Default: 300 s, nothing else. */
  @Value.Default
  default Scheduling scheduling() {
    return Scheduling.defaults();
  }

  /** {@return what the spec does not model of the StatefulSet, kept verbatim} */
  @Value.Default
  @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ExtrasFilter.class)
  default Extras extras() {
    return Extras.none();
  }

  /** {@return what the spec does not model of the governing Service, kept verbatim} */
  @Value.Default
  @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ExtrasFilter.class)
  default Extras governingServiceExtras() {
    return Extras.none();
  }

  /** {@return the selector compile writes: {@link #selector()}, or {@code app: <name>} when empty} */
  default Map<String, String> effectiveSelector() {
    if (!selector().isEmpty()) {
      return selector();
    }
    Map<String, String> app = new LinkedHashMap<>();
    app.put("app", name());
    return app;
  }

  /**
   * Checks the spec when it is built.
   *
   * @throws SpecException naming the field that is missing or wrong
   */
  @Value.Check
  default void check() {
    if (name().isEmpty()) {
      throw new SpecException("metadata.name", "required");
    }
    if (replicas() < 0) {
      throw new SpecException("spec.replicas", "must be >= 0");
    }
    if (containers().isEmpty()) {
      throw new SpecException("spec.template.spec.containers", "required");
    }
    if (description().isPresent() && description().get().isEmpty()) {
      // the form writes no annotation for an empty description; an empty value would be an
      // annotation nobody asked for, and quietly dropping a value set on purpose is a fix-up
      throw new SpecException("metadata.annotations[" + descriptionAnnotation() + "]",
          "the description is empty: leave it out (an empty description writes no annotation)");
    }
    for (int i = 0; i < initContainers().size(); i++) {
      ContainerSpec c = initContainers().get(i);
      String at = "spec.template.spec.initContainers[" + i + "]";
      // Kubernetes refuses them on init containers (they run to completion; only native sidecars,
      // which the form does not offer, may have them): k8s.io/kubernetes
      // pkg/apis/core/validation/validation.go, validateInitContainers
      String field = c.postStart().isPresent() ? "lifecycle.postStart"
          : c.preStop().isPresent() ? "lifecycle.preStop"
          : c.livenessProbe().isPresent() ? "livenessProbe"
          : c.readinessProbe().isPresent() ? "readinessProbe"
          : c.startupProbe().isPresent() ? "startupProbe" : null;
      if (field != null) {
        throw SpecException.inContainer(c.name(), at + "." + field,
            "an init container has no lifecycle hooks or probes (it runs to completion before the others start)");
      }
    }
    for (var e : effectiveSelector().entrySet()) {
      String pod = podLabels().get(e.getKey());
      if (pod != null && !pod.equals(e.getValue())) {
        throw new SpecException(
            "spec.template.metadata.labels[" + e.getKey() + "]",
            "pod label \"" + pod + "\" contradicts selector value \"" + e.getValue() + "\"");
      }
    }
  }

  /**
   * Compiles with the default options.
   *
   * @return the StatefulSet, its governing Service and the access Services
   */
  default Manifests compile() {
    return compile(CompileOptions.defaults());
  }

  /**
   * Compiles to a StatefulSet, its governing headless Service and the access Services. The result
   * is deterministic: same spec and options, equal objects in the same order.
   *
   * @param options the GPU mappers and customizers
   * @return the StatefulSet, its governing Service and the access Services
   * @throws SpecException when the GPU mappers cannot place a request or intents conflict
   */
  default Manifests compile(CompileOptions options) {
    return Compiler.compile(this, options);
  }

  /**
   * Lifts with the default GPU mappers; see {@link #lift(StatefulSet, List, CompileOptions)}.
   *
   * @param statefulSet an apps/v1 StatefulSet
   * @param services its Services: the governing one and access Services
   * @return the spec, what it keeps verbatim and the warnings
   */
  static Lifted lift(StatefulSet statefulSet, Service... services) {
    if (services == null) {
      throw new SpecException("services", "must not be null (pass no Services instead)");
    }
    return lift(statefulSet, java.util.Arrays.asList(services), CompileOptions.defaults());
  }

  /**
   * Turns an apps/v1 StatefulSet (and its Services) into a spec such that compiling the spec
   * gives back the StatefulSet minus server-populated fields. A Service named by {@code
   * spec.serviceName} becomes the governing Service; the others become access Services.
   * Everything the spec does not model is kept in {@link Extras} and listed in {@link
   * Lifted#notRepresented()}.
   *
   * @param options the GPU mappers used to detect GPU requests (customizers are ignored)
   * @param statefulSet an apps/v1 StatefulSet
   * @param services its Services: the governing one and access Services
   * @return the spec, what it keeps verbatim and the warnings
   * @throws SpecException naming the field for what no Kubernetes object can hold (a null
   *     StatefulSet or Service, a Quantity without an amount)
   */
  static Lifted lift(StatefulSet statefulSet, List<Service> services, CompileOptions options) {
    if (statefulSet == null) {
      throw new SpecException("", "no StatefulSet to lift (null)");
    }
    if (services == null) {
      throw new SpecException("services", "must not be null (pass an empty list instead)");
    }
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i) == null) {
        throw new SpecException("services[" + i + "]", "is null; pass only Services");
      }
    }
    if (options == null) {
      throw new SpecException("options", "must not be null (CompileOptions.defaults())");
    }
    try {
      return Lifter.lift(statefulSet, List.copyOf(services), options);
    } catch (tools.jackson.core.JacksonException e) {
      throw dev.stskit.core.internal.Trees.unrepresentable(e);
    }
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link StatefulSetSpec}. */
  final class Builder extends ImmutableStatefulSetSpec.Builder {}
}
