package dev.stskit.core;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.stskit.core.units.Port;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * What a probe checks or a lifecycle hook runs: a command, an HTTP GET, a TCP connect or a gRPC
 * health check. Hooks ({@code postStart}, {@code preStop}) take {@link Exec} and {@link HttpGet}
 * only; probes take all four.
 *
 * <p>In the spec file: {@code {type: exec, command: [...]}}, {@code {type: httpGet, path: /health,
 * port: 8080}}, {@code {type: tcpSocket, port: 3306}}, {@code {type: grpc, port: 9090}}.
 */
@Value.Enclosing
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Action.Exec.class, name = "exec"),
  @JsonSubTypes.Type(value = Action.HttpGet.class, name = "httpGet"),
  @JsonSubTypes.Type(value = Action.TcpSocket.class, name = "tcpSocket"),
  @JsonSubTypes.Type(value = Action.Grpc.class, name = "grpc")
})
public sealed interface Action permits Action.Exec, Action.HttpGet, Action.TcpSocket, Action.Grpc {

  /**
   * Runs {@code command} (no shell unless the command starts one).
   *
   * @param command the command and its arguments
   * @return the action
   */
  static Exec exec(String... command) {
    return ImmutableAction.Exec.builder().addCommand(command).build();
  }

  /**
   * {@code GET path} on {@code port} of the pod IP over HTTP.
   *
   * @param path the request path
   * @param port the port number
   * @return the action
   */
  static HttpGet httpGet(String path, int port) {
    return HttpGet.builder().path(path).port(Port.number(port)).build();
  }

  /**
   * A TCP connect to {@code port}.
   *
   * @param port the port number
   * @return the action
   */
  static TcpSocket tcpSocket(int port) {
    return TcpSocket.builder().port(Port.number(port)).build();
  }

  /**
   * A gRPC health check on {@code port}.
   *
   * @param port the port number
   * @return the action
   */
  static Grpc grpc(int port) {
    return Grpc.builder().port(port).build();
  }

  /** Runs a command: {@code exec.command}. */
  @Value.Immutable
  @JsonTypeName("exec")
  @JsonSerialize(as = ImmutableAction.Exec.class)
  @JsonDeserialize(as = ImmutableAction.Exec.class)
  non-sealed interface Exec extends Action {
    /** {@return the command and its arguments, one token each} */
    List<String> command();
  }

  /** An HTTP GET: {@code httpGet{path, port, host, scheme}}. */
  @Value.Immutable
  @JsonTypeName("httpGet")
  @JsonSerialize(as = ImmutableAction.HttpGet.class)
  @JsonDeserialize(as = ImmutableAction.HttpGet.class)
  non-sealed interface HttpGet extends Action {
    /**
     * Request path; unset means {@code /}.
     *
     * @return the path, or empty for {@code /}
     */
    Optional<String> path();

    /** {@return port number or container port name} */
    Port port();

    /** {@return host to connect to; unset means the pod IP (not the node IP the platform docs say)} */
    Optional<String> host();

    /**
     * {@code HTTP} or {@code HTTPS}; unset means Kubernetes' default {@code HTTP}.
     *
     * @return the scheme, or empty for HTTP
     */
    Optional<Scheme> scheme();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link HttpGet}. */
    final class Builder extends ImmutableAction.HttpGet.Builder {}
  }

  /** A TCP connect: {@code tcpSocket{port, host}}. */
  @Value.Immutable
  @JsonTypeName("tcpSocket")
  @JsonSerialize(as = ImmutableAction.TcpSocket.class)
  @JsonDeserialize(as = ImmutableAction.TcpSocket.class)
  non-sealed interface TcpSocket extends Action {
    /** {@return port number or container port name} */
    Port port();

    /** {@return host; unset means the pod IP} */
    Optional<String> host();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link TcpSocket}. */
    final class Builder extends ImmutableAction.TcpSocket.Builder {}
  }

  /** A gRPC health check: {@code grpc{port, service}}. */
  @Value.Immutable
  @JsonTypeName("grpc")
  @JsonSerialize(as = ImmutableAction.Grpc.class)
  @JsonDeserialize(as = ImmutableAction.Grpc.class)
  non-sealed interface Grpc extends Action {
    /** {@return port number (gRPC probes take numbers only)} */
    int port();

    /** {@return service name sent in the health request} */
    Optional<String> service();

    /** {@return a new builder} */
    static Builder builder() {
      return new Builder();
    }

    /** Builds a {@link Grpc}. */
    final class Builder extends ImmutableAction.Grpc.Builder {}
  }
}
