package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A port the container listens on ({@code containers[].ports[]}). The form derives these from the
 * Service ports; compile adds any a Service targets that no container declares.
 */
@JsonPropertyOrder({"name", "containerPort", "protocol"})
@Value.Immutable
@JsonSerialize(as = ImmutableContainerPort.class)
@JsonDeserialize(as = ImmutableContainerPort.class)
public interface ContainerPort {
  /** {@return port name, referable from Services and probes} */
  Optional<String> name();

  /** {@return the port number} */
  int containerPort();

  /** {@return protocol; unset means Kubernetes' default {@code TCP} (written only when set)} */
  Optional<Protocol> protocol();

  /**
   * A named TCP port, e.g. {@code of("mysql", 3306)}.
   *
   * @param name the port name
   * @param port the port number
   * @return the port
   */
  static ContainerPort of(String name, int port) {
    return builder().name(name).containerPort(port).protocol(Protocol.TCP).build();
  }

  /** {@return a new builder} */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContainerPort}. */
  final class Builder extends ImmutableContainerPort.Builder {}
}
