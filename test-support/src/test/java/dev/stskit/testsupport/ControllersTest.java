package dev.stskit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ControlPlaneTest(controllers = true)
class ControllersTest {

  @Test
  void theStatefulSetControllerCreatesPendingPodsAndARevision(ControlPlane cp) throws InterruptedException {
    assertThat(cp.controllersRunning()).isTrue();
    String ns = cp.createNamespace("controllers", Map.of());
    Api api = new Api(cp);
    Api.Response created = api.post("/apis/apps/v1/namespaces/" + ns + "/statefulsets", Api.statefulSet("db", 2, ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String uid = created.json().path("metadata").path("uid").asString();

    // generous bound: catches a controller that never acts, not a slow one
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    List<JsonNode> pods = List.of();
    List<JsonNode> revisions = List.of();
    while (Instant.now().isBefore(deadline) && (pods.size() < 2 || revisions.isEmpty())) {
      Thread.sleep(200);
      pods = items(api.get("/api/v1/namespaces/" + ns + "/pods?labelSelector=app%3Ddb"));
      revisions = items(api.get("/apis/apps/v1/namespaces/" + ns + "/controllerrevisions"));
    }
    assertThat(pods).extracting(p -> p.path("metadata").path("name").asString()).containsExactlyInAnyOrder("db-0", "db-1");
    for (JsonNode p : pods) {
      // no kubelet, no scheduler: the pods stay Pending
      assertThat(p.path("status").path("phase").asString()).isEqualTo("Pending");
      assertThat(p.path("metadata").path("ownerReferences").get(0).path("uid").asString()).isEqualTo(uid);
    }
    assertThat(revisions).hasSize(1);
    assertThat(revisions.get(0).path("metadata").path("ownerReferences").get(0).path("uid").asString()).isEqualTo(uid);
  }

  private static List<JsonNode> items(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    r.json().path("items").forEach(out::add);
    return out;
  }
}
