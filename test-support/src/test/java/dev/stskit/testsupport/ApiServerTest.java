package dev.stskit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ControlPlaneTest
class ApiServerTest {

  // field injection; the tests below also take it as a parameter
  ControlPlane injected;

  @Test
  void answersVersionWithThePinnedRelease(ControlPlane cp) {
    Api.Response r = new Api(cp).get("/version");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("gitVersion").asString()).isEqualTo("v1.37.2");
    assertThat(cp.kubernetesVersion()).isEqualTo("v1.37.2");
    assertThat(injected).isSameAs(cp);
  }

  @Test
  void writesAnAdminKubeconfigAndAPemCa(ControlPlane cp) throws Exception {
    String kubeconfig = Files.readString(cp.kubeconfig());
    assertThat(kubeconfig)
        .contains("server: " + cp.apiServerUrl())
        .contains("certificate-authority-data: ")
        .contains("client-certificate-data: ")
        .contains("client-key-data: ");
    assertThat(Files.readString(cp.caCertificate())).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(cp.startTime()).isPositive();
  }

  @Test
  void createsALabelledNamespaceWithItsDefaultServiceAccount(ControlPlane cp) {
    String ns = cp.createNamespace("Api_Server.Test", Map.of("pod-security.kubernetes.io/enforce", "restricted"));
    assertThat(ns).matches("api-server-test-[0-9]+-[0-9a-f]{4}");
    Api api = new Api(cp);
    Api.Response r = api.get("/api/v1/namespaces/" + ns);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asString())
        .isEqualTo("restricted");
    assertThat(api.get("/api/v1/namespaces/" + ns + "/serviceaccounts/default").status()).isEqualTo(200);
  }

  @Test
  void createsAStatefulSetPostedAsJson(ControlPlane cp) {
    String ns = cp.createNamespace("sts", Map.of());
    Api api = new Api(cp);
    Api.Response created = api.post("/apis/apps/v1/namespaces/" + ns + "/statefulsets", Api.statefulSet("web", 1, ""));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonNode read = api.get("/apis/apps/v1/namespaces/" + ns + "/statefulsets/web").json();
    assertThat(read.path("spec").path("template").path("spec").path("containers").get(0).path("image").asString())
        .isEqualTo("registry.example/app:1.0");
    // defaulted by the server (k8s.io/kubernetes pkg/apis/apps/v1/defaults.go, SetDefaults_StatefulSet)
    assertThat(read.path("spec").path("updateStrategy").path("type").asString()).isEqualTo("RollingUpdate");
    assertThat(read.path("spec").path("revisionHistoryLimit").asInt()).isEqualTo(10);
  }

  @Test
  void strictDryRunReportsAnUnknownFieldAndStoresNothing(ControlPlane cp) {
    String ns = cp.createNamespace("dry-run", Map.of());
    Api api = new Api(cp);
    Api.Response r =
        api.post(
            "/apis/apps/v1/namespaces/" + ns + "/statefulsets?dryRun=All&fieldValidation=Strict",
            Api.statefulSet("typo", 1, ",\"imagePullPolicyy\":\"Always\""));
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    JsonNode status = r.json();
    assertThat(status.path("reason").asString()).isEqualTo("BadRequest");
    assertThat(status.path("message").asString())
        .contains("strict decoding error")
        .contains("unknown field \"spec.template.spec.containers[0].imagePullPolicyy\"");
    assertThat(api.get("/apis/apps/v1/namespaces/" + ns + "/statefulsets/typo").status()).isEqualTo(404);
  }

  @Test
  void dryRunOfAValidStatefulSetReturnsTheDefaultedObjectAndStoresNothing(ControlPlane cp) {
    String ns = cp.createNamespace("dry-run-ok", Map.of());
    Api api = new Api(cp);
    Api.Response r =
        api.post("/apis/apps/v1/namespaces/" + ns + "/statefulsets?dryRun=All&fieldValidation=Strict", Api.statefulSet("ok", 1, ""));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().path("spec").path("template").path("spec").path("restartPolicy").asString()).isEqualTo("Always");
    assertThat(api.get("/apis/apps/v1/namespaces/" + ns + "/statefulsets/ok").status()).isEqualTo(404);
  }
}
