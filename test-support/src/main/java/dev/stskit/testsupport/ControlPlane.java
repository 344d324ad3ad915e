package dev.stskit.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver built from Kubernetes' own
 * Go modules (see {@code control-plane/README.md}), and kube-controller-manager on request.
 *
 * <p>One per test JVM, started lazily by the first {@link #shared} call and stopped when the JVM
 * exits, also when it is killed: the launcher stops everything when its stdin reaches end of file.
 * Tests normally get it from {@link ControlPlaneTest}.
 */
public final class ControlPlane {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

  private static ControlPlane shared;

  private final Launcher launcher;
  private final Path workDir;
  private final Path kubeconfig;
  private final URI apiServerUrl;
  private final String bearerToken;
  private final Path caCertificate;
  private final String kubernetesVersion;
  private final Duration startTime;
  private final HttpClient httpClient;
  private final AtomicInteger namespaces = new AtomicInteger();
  private volatile boolean controllersRunning;
  private volatile boolean apiServerStopped;

  private ControlPlane(Launcher launcher, Path workDir, JsonNode ready, Duration startTime) {
    this.launcher = launcher;
    this.workDir = workDir;
    this.kubeconfig = Path.of(ready.path("kubeconfig").asString());
    this.apiServerUrl = URI.create(ready.path("server").asString());
    this.bearerToken = ready.path("token").asString();
    this.caCertificate = Path.of(ready.path("caFile").asString());
    this.kubernetesVersion = ready.path("kubernetesVersion").asString();
    this.controllersRunning = ready.path("controllers").asBoolean();
    this.startTime = startTime;
    this.httpClient = newHttpClient(caCertificate);
  }

  /**
   * The control plane of this JVM, started on first use (building the binaries first if needed).
   * Asking for controllers when it runs without starts kube-controller-manager on it; an API
   * server a test left stopped is started again.
   *
   * @param withControllers whether the test needs kube-controller-manager running beside the API server
   * @return the one control plane of this JVM, running, with controllers when asked for
   * @throws IllegalStateException when it cannot be built or started
   */
  public static synchronized ControlPlane shared(boolean withControllers) {
    if (shared == null) {
      ControlPlaneBinaries.Located bin = ControlPlaneBinaries.locate();
      if (bin.problem().isPresent()) {
        throw new IllegalStateException("control plane unavailable: " + bin.problem().get());
      }
      shared = start(bin.dir().orElseThrow(), withControllers);
    } else {
      if (shared.apiServerStopped) {
        // a test stopped it and did not start it again (it failed in between): the next one
        // gets a running API server
        shared.startApiServer();
      }
      if (withControllers && !shared.controllersRunning) {
        shared.startControllers();
      }
    }
    return shared;
  }

  private static ControlPlane start(Path binDir, boolean withControllers) {
    Path work;
    try {
      work = Files.createTempDirectory("sts-kit-control-plane-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    Launcher launcher = Launcher.start(binDir, work.resolve("kubeconfig"), withControllers);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  launcher.close();
                  deleteRecursively(work);
                },
                "sts-kit-control-plane-stop"));
    JsonNode ready = launcher.next(START_TIMEOUT);
    if (!"ready".equals(ready.path("event").asString())) {
      throw new IllegalStateException("control plane: expected the ready line, got " + ready);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - t0);
    ControlPlane cp = new ControlPlane(launcher, work, ready, took);
    System.err.printf(
        Locale.ROOT,
        "sts-kit control plane %s ready in %.1f s (%s, controllers %s)%n",
        cp.kubernetesVersion,
        took.toMillis() / 1000.0,
        cp.apiServerUrl,
        cp.controllersRunning ? "on" : "off");
    return cp;
  }

  /** {@return the admin kubeconfig file (CA and an O=system:masters client certificate embedded)} */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** {@return the API server's URL, {@code https://127.0.0.1:PORT}; the port stays the same across restarts} */
  public URI apiServerUrl() {
    return apiServerUrl;
  }

  /** {@return a static admin bearer token (group system:masters)} */
  public String bearerToken() {
    return bearerToken;
  }

  /** {@return the PEM file of the CA that signed the API server's serving certificate} */
  public Path caCertificate() {
    return caCertificate;
  }

  /**
   * An HTTP client that trusts {@link #caCertificate()}. Callers add {@code Authorization: Bearer
   * } + {@link #bearerToken()}.
   *
   * @return a client for the API server's TLS port, shared by every caller
   */
  public HttpClient httpClient() {
    return httpClient;
  }

  /** {@return the API server's {@code /version} gitVersion, e.g. {@code v1.37.2}} */
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  /** {@return whether kube-controller-manager runs beside the API server} */
  public boolean controllersRunning() {
    return controllersRunning;
  }

  /** {@return how long the launcher took from start to a ready API server (not counting the build)} */
  public Duration startTime() {
    return startTime;
  }

  /** Stops kube-apiserver only; etcd keeps the data. */
  public synchronized void stopApiServer() {
    launcher.command("stop-apiserver", COMMAND_TIMEOUT);
    apiServerStopped = true;
  }

  /** Starts kube-apiserver again on the same port; returns once {@code /readyz} is ok. */
  public synchronized void startApiServer() {
    launcher.command("start-apiserver", COMMAND_TIMEOUT);
    apiServerStopped = false;
  }

  private synchronized void startControllers() {
    launcher.command("start-controllers", COMMAND_TIMEOUT);
    controllersRunning = true;
  }

  /**
   * Creates a namespace named {@code prefix-<unique suffix>} with {@code labels} and its
   * {@code default} ServiceAccount (which only kube-controller-manager would create otherwise,
   * and without which the ServiceAccount admission plugin refuses pods).
   *
   * @param prefix the start of the name, a DNS label prefix such as the test's name
   * @param labels labels of the namespace (e.g. Pod Security levels); may be empty
   * @return the name of the new namespace
   */
  public String createNamespace(String prefix, Map<String, String> labels) {
    String name = namespaceName(prefix, namespaces.incrementAndGet(), ThreadLocalRandom.current().nextInt(0x10000));
    ObjectNode ns = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Namespace");
    ObjectNode meta = ns.putObject("metadata").put("name", name);
    if (!labels.isEmpty()) {
      ObjectNode l = meta.putObject("labels");
      labels.forEach(l::put);
    }
    expect(post("/api/v1/namespaces", ns.toString()), 201, "create namespace " + name);
    String sa = "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"default\"}}";
    HttpResponse<String> r = post("/api/v1/namespaces/" + name + "/serviceaccounts", sa);
    if (r.statusCode() != 201 && r.statusCode() != 409) { // 409: the controller was faster
      expect(r, 201, "create ServiceAccount " + name + "/default");
    }
    return name;
  }

  /** {@code prefix} made a DNS label (lowercase, [a-z0-9-], at most 63 characters with the suffix). */
  static String namespaceName(String prefix, int counter, int random) {
    String p = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("^-+|-+$", "");
    String suffix = String.format(Locale.ROOT, "%d-%04x", counter, random);
    int max = 63 - suffix.length() - 1;
    if (p.length() > max) {
      p = p.substring(0, max).replaceAll("-+$", "");
    }
    return p.isEmpty() ? "ns-" + suffix : p + "-" + suffix;
  }

  private HttpResponse<String> post(String path, String json) {
    HttpRequest req =
        HttpRequest.newBuilder(apiServerUrl.resolve(path))
            .header("Authorization", "Bearer " + bearerToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      return httpClient.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("POST " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: POST " + path, e);
    }
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": HTTP " + r.statusCode() + ": " + r.body());
    }
  }

  private static HttpClient newHttpClient(Path ca) {
    try (InputStream in = Files.newInputStream(ca)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, tmf.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(10)).build();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + ca, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("trusting " + ca, e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort at JVM exit
    }
  }

  @Override
  public String toString() {
    return "ControlPlane[" + kubernetesVersion + " at " + apiServerUrl + ", work " + workDir + "]";
  }
}
