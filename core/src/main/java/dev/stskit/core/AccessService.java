package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A Service created with the workload by the form's "Create Service" dialog (docs/form.md §8), in
 * the workload's namespace: ClusterIP, NodePort or LoadBalancer (MetalLB or other). The governing
 * headless Service is separate and always compiled.
 */
@JsonPropertyOrder({"name", "type", "ports", "selector", "sessionAffinity", "sessionAffinityTimeoutSeconds", "externalTrafficPolicy", "metallbAddressPool", "loadBalancerIps", "labels", "annotations", "extras"})
@Value.Immutable
@JsonSerialize(as = ImmutableAccessService.class)
@JsonDeserialize(as = ImmutableAccessService.class)
public interface AccessService {
  /** {@return service name (DNS-1035 label)} */
  String name();

  /** {@return access type} Default {@link ServiceType#CLUSTER_IP}. */
  @Value.Default
  default ServiceType type() {
    return ServiceType.CLUSTER_IP;
  }

  /** {@return ports} */
  List<ServicePort> ports();

  /** {@return pod selector; empty (the default) means the workload's selector} */
  Map<String, String> selector();

  /**
   * Session persistence (会话保持). Under the hood: {@code sessionAffinity: ClientIP} with
   * {@code sessionAffinityConfig.clientIP.timeoutSeconds}; off writes {@code None}.
   *
   * @return whether session persistence is on
   */
  @Value.Default
  default boolean sessionAffinity() {
    return false;
  }

  /** {@return max session hold time in seconds, written when affinity is on} Default 30 (the form's). */
  @Value.Default
  default int sessionAffinityTimeoutSeconds() {
    return 30;
  }

  /** {@return external traffic policy (NodePort, LoadBalancer); unset means Kubernetes' {@code Cluster}} */
  Optional<TrafficPolicy> externalTrafficPolicy();

  /**
   * MetalLB IP pool. Under the hood: annotation {@code metallb.universe.tf/address-pool}.
   *
   * @return the pool, or empty
   */
  Optional<String> metallbAddressPool();

  /**
   * Fixed load-balancer addresses. Under the hood: annotation {@code
   * metallb.universe.tf/loadBalancerIPs} (comma-separated).
   *
   * @return the addresses, in order
   */
  List<String> loadBalancerIps();

  /** {@return labels of the Service} */
  Map<String, String> labels();

  /** {@return annotations of the Service (the MetalLB ones are written from the fields above)} */
  Map<String, String> annotations();

  /** {@return what the spec does not model of this Service, kept verbatim} */
  @Value.Default
  @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = ExtrasFilter.class)
  default Extras extras() {
    return Extras.none();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AccessService}. */
  final class Builder extends ImmutableAccessService.Builder {}
}
