package dev.stskit.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to reach one cluster: a kubeconfig (any of its contexts) or the pod's in-cluster
 * service account, the default namespace and the timeouts. Immutable; each {@code with…} returns a
 * copy. One process may hold several ({@link ClusterClient#connect} per cluster); nothing here reads
 * or writes process-wide state.
 */
public final class Connection {
  /** Where a pod finds its service account. */
  static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

  private final Config config;
  private final String description;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  private Connection(Config config, String description, Duration connectTimeout, Duration requestTimeout) {
    this.config = config;
    this.description = description;
    this.connectTimeout = connectTimeout;
    this.requestTimeout = requestTimeout;
  }

  /**
   * A context of a kubeconfig file.
   *
   * @param kubeconfig the file
   * @param context the context to use; empty for the file's {@code current-context}
   * @return a connection to the context's server with its credentials and namespace
   * @throws ClusterException naming the file when it cannot be read or has no such context
   */
  public static Connection kubeconfig(Path kubeconfig, Optional<String> context) {
    Objects.requireNonNull(kubeconfig, "kubeconfig");
    if (!Files.isReadable(kubeconfig)) {
      throw new ClusterException("kubeconfig " + kubeconfig + ": cannot read the file", 0, null);
    }
    Config config;
    try {
      config = Config.fromKubeconfig(context.orElse(null), kubeconfig.toAbsolutePath().toFile());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new ClusterException("kubeconfig " + kubeconfig + ": " + e.getMessage(), 0, e);
    }
    if (context.isPresent() && (config.getCurrentContext() == null
        || !context.get().equals(config.getCurrentContext().getName()))) {
      throw new ClusterException("kubeconfig " + kubeconfig + ": no context named '" + context.get() + "'", 0, null);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isEmpty()) {
      throw new ClusterException("kubeconfig " + kubeconfig + ": no server for context "
          + context.orElse("(current)"), 0, null);
    }
    return new Connection(config, "kubeconfig " + kubeconfig + context.map(c -> " context " + c).orElse(""),
        Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  /**
   * The default kubeconfig as kubectl finds it: the first file of {@code $KUBECONFIG}, else
   * {@code ~/.kube/config}.
   *
   * @param context the context to use; empty for the file's {@code current-context}
   * @return a connection to the context's server with its credentials and namespace
   */
  public static Connection defaultKubeconfig(Optional<String> context) {
    String env = System.getenv("KUBECONFIG");
    Path path = env != null && !env.isEmpty()
        ? Path.of(env.split(File.pathSeparator)[0])
        : Path.of(System.getProperty("user.home"), ".kube", "config");
    return kubeconfig(path, context);
  }

  /**
   * The in-cluster configuration of a pod: {@code KUBERNETES_SERVICE_HOST}/{@code _PORT}, the
   * service account's token (read again on every request, as it rotates), CA certificate and
   * namespace.
   *
   * @return a connection to the cluster's API server as the pod's service account
   * @throws ClusterException when not running in a pod
   */
  public static Connection inCluster() {
    String host = System.getenv("KUBERNETES_SERVICE_HOST");
    String port = System.getenv("KUBERNETES_SERVICE_PORT");
    Path token = SERVICE_ACCOUNT.resolve("token");
    if (host == null || port == null || !Files.isReadable(token)) {
      throw new ClusterException("in-cluster config: not running in a pod (KUBERNETES_SERVICE_HOST, "
          + "KUBERNETES_SERVICE_PORT or " + token + " missing)", 0, null);
    }
    String namespace = "default";
    try {
      Path ns = SERVICE_ACCOUNT.resolve("namespace");
      if (Files.isReadable(ns)) {
        namespace = Files.readString(ns, StandardCharsets.UTF_8).strip();
      }
    } catch (IOException e) {
      throw new ClusterException("in-cluster config: cannot read the namespace: " + e.getMessage(), 0, e);
    }
    String h = host.contains(":") ? "[" + host + "]" : host;
    Config config = new ConfigBuilder(Config.empty())
        .withMasterUrl("https://" + h + ":" + port)
        .withCaCertFile(SERVICE_ACCOUNT.resolve("ca.crt").toString())
        .withOauthTokenProvider(() -> {
          try {
            return Files.readString(token, StandardCharsets.UTF_8).strip();
          } catch (IOException e) {
            throw new ClusterException("in-cluster config: cannot read " + token + ": " + e.getMessage(), 0, e);
          }
        })
        .withNamespace(namespace)
        .build();
    return new Connection(config, "in-cluster service account", Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  /**
   * A fabric8 configuration as it is (the caller's choice of server, credentials and TLS); the
   * timeouts of this class still apply.
   *
   * @param config the fabric8 client configuration to use
   * @return a connection with that configuration and this class's timeouts
   */
  public static Connection of(Config config) {
    return new Connection(new ConfigBuilder(config).build(), "server " + config.getMasterUrl(),
        Duration.ofSeconds(5), Duration.ofSeconds(15));
  }

  /**
   * The same connection with {@code namespace} as the default namespace.
   *
   * @param namespace the namespace of operations that name no namespace
   * @return a copy with that default namespace
   */
  public Connection withNamespace(String namespace) {
    Objects.requireNonNull(namespace, "namespace");
    Config c = new ConfigBuilder(config).withNamespace(namespace).build();
    return new Connection(c, description, connectTimeout, requestTimeout);
  }

  /**
   * The same connection with other timeouts (defaults: connect 5 s, request 15 s). Every call is
   * bounded by them; a request is never retried, so an unreachable server fails within about the
   * connect timeout.
   *
   * @param connect how long to wait for a TCP and TLS connection
   * @param request how long to wait for an answer to one request
   * @return a copy with those timeouts
   */
  public Connection withTimeouts(Duration connect, Duration request) {
    return new Connection(config, description, positive(connect, "connect"), positive(request, "request"));
  }

  /**
   * The namespace operations use when none is given ({@code default} when the source names none).
   *
   * @return the default namespace
   */
  public String namespace() {
    return config.getNamespace() == null || config.getNamespace().isEmpty() ? "default" : config.getNamespace();
  }

  /**
   * The API server's URL.
   *
   * @return the URL, e.g. {@code https://127.0.0.1:6443}
   */
  public String server() {
    return config.getMasterUrl();
  }

  /**
   * The connect timeout.
   *
   * @return how long a connection may take
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * The request timeout.
   *
   * @return how long one request may take
   */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** The fabric8 configuration to build a client with: timeouts set, no retries. */
  Config clientConfig() {
    Config c = new ConfigBuilder(config).build();
    c.setConnectionTimeout(Math.toIntExact(connectTimeout.toMillis()));
    c.setRequestTimeout(Math.toIntExact(requestTimeout.toMillis()));
    // fabric8 retries a failed request up to 10 times with exponential back-off by default, which
    // turns an unreachable server into a minute-long hang: one attempt, the caller decides
    c.setRequestRetryBackoffLimit(0);
    c.setWatchReconnectInterval(500);
    c.setWatchReconnectLimit(-1);
    c.setNamespace(namespace());
    return c;
  }

  @Override
  public String toString() {
    return description + " (" + server() + ", namespace " + namespace() + ")";
  }

  private static Duration positive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " timeout must be > 0, got " + d);
    }
    return d;
  }
}
