package dev.stskit.conformance;

import dev.stskit.testsupport.ControlPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plain HTTP to the test kube-apiserver as the admin: the requests {@code kubectl create
 * --dry-run=server --validate=strict} and {@code kubectl apply --server-side} send, so that what comes
 * back is the server's own answer (its {@code Status} with {@code details.causes}), with no client
 * library in between.
 */
final class ApiServer {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ControlPlane cp;
  private final Set<String> namespaces = new HashSet<>();

  ApiServer(ControlPlane cp) {
    this.cp = cp;
    namespaces.add("default");
    namespaces.add("kube-system");
    namespaces.add("kube-public");
  }

  /** The server's answer: status code and body. */
  record Answer(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  /** The collection path of a kind, e.g. {@code /apis/apps/v1/namespaces/ns/statefulsets}. */
  static String collection(String apiVersion, String kind, String namespace) {
    String resource = switch (kind) {
      case "StatefulSet" -> "statefulsets";
      case "Service" -> "services";
      case "Pod" -> "pods";
      case "ConfigMap" -> "configmaps";
      case "Secret" -> "secrets";
      case "PersistentVolumeClaim" -> "persistentvolumeclaims";
      case "ServiceAccount" -> "serviceaccounts";
      case "Deployment" -> "deployments";
      case "DaemonSet" -> "daemonsets";
      case "PodDisruptionBudget" -> "poddisruptionbudgets";
      default -> null;
    };
    if (resource == null) {
      return null;
    }
    String prefix = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
    return prefix + "/namespaces/" + namespace + "/" + resource;
  }

  /** Creates the namespace once (idempotent), with the given labels on its first creation. */
  synchronized void ensureNamespace(String name, Map<String, String> labels) {
    if (!namespaces.add(name)) {
      return;
    }
    StringBuilder l = new StringBuilder();
    labels.forEach((k, v) -> l.append(l.length() == 0 ? "" : ",").append(JSON.writeValueAsString(k)).append(':')
        .append(JSON.writeValueAsString(v)));
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":"
        + JSON.writeValueAsString(name) + ",\"labels\":{" + l + "}}}";
    Answer a = send(request("/api/v1/namespaces").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (!a.ok() && a.status != 409) {
      throw new IllegalStateException("cannot create namespace " + name + ": " + a.status + " " + a.body);
    }
    // without kube-controller-manager nobody creates the namespace's default ServiceAccount, and the
    // ServiceAccount admission plugin refuses pods until it exists
    Answer sa = send(request("/api/v1/namespaces/" + name + "/serviceaccounts").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"metadata\":{\"name\":\"default\"}}")));
    if (!sa.ok() && sa.status != 409) {
      throw new IllegalStateException("cannot create the default ServiceAccount of " + name + ": " + sa.body);
    }
  }

  /** {@code POST ?dryRun=All&fieldValidation=Strict} of a YAML or JSON document. */
  CompletableFuture<Answer> dryRunCreate(String path, String text, boolean yaml) {
    return sendAsync(request(path + "?dryRun=All&fieldValidation=Strict")
        .header("Content-Type", yaml ? "application/yaml" : "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  /** {@code PUT ?dryRun=All&fieldValidation=Strict}: a dry-run update of an existing object. */
  Answer dryRunUpdate(String objectPath, String json) {
    return send(request(objectPath + "?dryRun=All&fieldValidation=Strict").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A real create (no dry run). */
  Answer create(String path, String json) {
    return send(request(path + "?fieldValidation=Strict").header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Server-side apply as field manager {@code sts-kit}, as {@code kubectl apply --server-side}. */
  Answer apply(String objectPath, String yaml) {
    return send(request(objectPath + "?fieldManager=sts-kit&fieldValidation=Strict&force=true")
        .header("Content-Type", "application/apply-patch+yaml")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(yaml)));
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(cp.apiServerUrl().toString().replaceAll("/$", "") + path))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + cp.bearerToken())
        .header("Accept", "application/json");
  }

  private Answer send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = cp.httpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private CompletableFuture<Answer> sendAsync(HttpRequest.Builder b) {
    return cp.httpClient().sendAsync(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(r -> new Answer(r.statusCode(), r.body()));
  }
}
