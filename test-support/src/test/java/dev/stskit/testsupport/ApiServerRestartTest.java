package dev.stskit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ControlPlaneTest
class ApiServerRestartTest {

  static ControlPlane cp; // static field injection

  @Test
  void aRestartedApiServerKeepsTheDataAndThePort() {
    String ns = cp.createNamespace("restart", Map.of());
    Api api = new Api(cp);
    String cm = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"kept\"},\"data\":{\"k\":\"v\"}}";
    assertThat(api.post("/api/v1/namespaces/" + ns + "/configmaps", cm).status()).isEqualTo(201);
    URI before = cp.apiServerUrl();

    cp.stopApiServer();
    assertThatThrownBy(() -> api.get("/readyz")).isInstanceOf(UncheckedIOException.class);
    cp.startApiServer();

    assertThat(cp.apiServerUrl()).isEqualTo(before);
    Api.Response r = api.get("/api/v1/namespaces/" + ns + "/configmaps/kept");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("data").path("k").asString()).isEqualTo("v");
  }

  @Test
  void anApiServerLeftStoppedIsStartedForTheNextTest() {
    cp.stopApiServer(); // as a test failing before its startApiServer() would
    ControlPlane next = ControlPlane.shared(false);
    assertThat(next).isSameAs(cp);
    assertThat(new Api(next).get("/readyz").status()).isEqualTo(200);
  }
}
