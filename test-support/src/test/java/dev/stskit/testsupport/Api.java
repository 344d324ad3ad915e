package dev.stskit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP to the test API server, as the admin: what a Java test without a client library does. */
final class Api {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final ControlPlane cp;

  Api(ControlPlane cp) {
    this.cp = cp;
  }

  record Response(int status, String body) {
    JsonNode json() {
      return JSON.readTree(body);
    }
  }

  Response get(String path) {
    return send(request(path).GET());
  }

  Response post(String path, String json) {
    return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(cp.apiServerUrl().resolve(path))
        .header("Authorization", "Bearer " + cp.bearerToken())
        .header("Accept", "application/json");
  }

  private Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = cp.httpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A minimal valid StatefulSet, as JSON, with {@code extraContainerField} spliced into its container. */
  static String statefulSet(String name, int replicas, String extraContainerField) {
    return """
        {"apiVersion":"apps/v1","kind":"StatefulSet",
         "metadata":{"name":"%1$s"},
         "spec":{"replicas":%2$d,"serviceName":"%1$s","podManagementPolicy":"Parallel",
           "selector":{"matchLabels":{"app":"%1$s"}},
           "template":{"metadata":{"labels":{"app":"%1$s"}},
             "spec":{"containers":[{"name":"main","image":"registry.example/app:1.0"%3$s}]}}}}
        """
        .formatted(name, replicas, extraContainerField);
  }
}
