package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.stskit.core.units.Port;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A port of an access Service: {@code spec.ports[]{name, protocol, port, targetPort, nodePort}}.
 * Compile adds a matching container port to the first work container when no container declares
 * the target port.
 */
@JsonPropertyOrder({"name", "protocol", "port", "targetPort", "nodePort"})
@Value.Immutable
@JsonSerialize(as = ImmutableServicePort.class)
@JsonDeserialize(as = ImmutableServicePort.class)
public interface ServicePort {
  /** {@return port name; required by Kubernetes when the Service has more than one port} */
  Optional<String> name();

  /** {@return protocol, always written} Default {@code TCP}. */
  @Value.Default
  default Protocol protocol() {
    return Protocol.TCP;
  }

  /** {@return the Service port} */
  int port();

  /** {@return the container port (number or name); unset means the same as {@link #port()}} */
  Optional<Port> targetPort();

  /** {@return node port (NodePort and LoadBalancer); unset means assigned by the cluster} */
  Optional<Integer> nodePort();

  /**
   * A named TCP port forwarding {@code port} to the same container port.
   *
   * @param name the port name
   * @param port the Service and container port
   * @return the port
   */
  static ServicePort of(String name, int port) {
    return builder().name(name).port(port).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ServicePort}. */
  final class Builder extends ImmutableServicePort.Builder {}
}
