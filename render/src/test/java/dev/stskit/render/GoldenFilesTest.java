package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Rendered output compared byte for byte with src/test/resources/golden. Run with
 * {@code -Dgolden.update=true} to rewrite the files; the test fails on golden files no scenario
 * produces.
 */
class GoldenFilesTest {

  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static final List<String> PRODUCED = new ArrayList<>();

  /** Every YAML 1.1 special form a string can take, as label values, env values and args. */
  static final List<String> TORTURE = List.of(
      "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false",
      "False", "FALSE", "on", "On", "ON", "off", "Off", "OFF", "yEs", "~", "null", "Null", "NULL", "",
      "0", "-1", "+1", "0755", "0o17", "0x1F", "0b1010", "1_000", "190:20:30", "1.0", "-1.5", ".5",
      "1e3", "1E+3", "6.8523015e+5", "685_230.15", ".inf", "-.inf", "+.inf", ".Inf", ".NaN", ".nan",
      "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "5.7.31",
      "10.0.0.1", "<<", "=", "- item", "-", "--", "---", "...", "? key", ":", "key: value", "a #b",
      "#comment", "trailing ", " leading", "a:b", "http://example.com/a?b=c#d", "&anchor",
      "*alias", "!tag", "!!str", "|", ">", "'single'", "\"double\"", "%percent", "@at", "`tick",
      "{a: b}", "[a, b]", ",", "a,b", "tab\there", "line1\nline2", "line1\nline2\n",
      "line1\n\nline2\n\n", " indented\nblock", "cr\rlf", "nul\u0000", "bell\u0007", "del\u007F",
      "nel\u0085", "ls\u2028", "bom\uFEFF", "中文", "emoji 😀", "$(VAR)", "100m", "1Gi", "1");

  @AfterAll
  static void noOrphans() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<String> orphans = files.map(p -> p.getFileName().toString())
          .filter(f -> !PRODUCED.contains(f)).sorted().collect(Collectors.toList());
      if (UPDATE) {
        for (String o : orphans) {
          Files.delete(DIR.resolve(o));
        }
      } else {
        assertThat(orphans).as("golden files that no scenario produces").isEmpty();
      }
    }
  }

  private static void golden(String file, Supplier<String> render) throws IOException {
    String actual = render.get();
    synchronized (PRODUCED) {
      PRODUCED.add(file);
    }
    Path path = DIR.resolve(file);
    if (UPDATE) {
      Files.createDirectories(DIR);
      Files.writeString(path, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(path).as("golden file %s (run with -Dgolden.update=true to create it)", file).exists();
    String expected = Files.readString(path, StandardCharsets.UTF_8);
    assertThat(actual).as("rendered %s", file).isEqualTo(expected);
    assertThat(render.get()).as("rendering twice gives the same bytes").isEqualTo(actual);
  }

  @Test
  void mysqlExampleApplyReady() throws IOException {
    HasMetadata mysql = Strict.mysql();
    golden("mysql-page.yaml", () -> YamlRenderer.applyReady().render(mysql));
  }

  @Test
  void mysqlExampleKeepingOwnerReferences() throws IOException {
    HasMetadata mysql = Strict.mysql();
    golden("mysql-page-owner-references.yaml",
        () -> YamlRenderer.applyReady().keepOwnerReferences().render(mysql));
  }

  @Test
  void mysqlExampleSortedKeys() throws IOException {
    HasMetadata mysql = Strict.mysql();
    golden("mysql-page-sorted.yaml", () -> YamlRenderer.applyReady().sortedKeys().render(mysql));
  }

  @Test
  void mysqlExampleVerbatim() throws IOException {
    HasMetadata mysql = Strict.mysql();
    golden("mysql-page-verbatim.yaml", () -> YamlRenderer.verbatim().render(mysql));
  }

  @Test
  void mysqlExampleJson() throws IOException {
    HasMetadata mysql = Strict.mysql();
    golden("mysql-page.json", () -> JsonRenderer.applyReady().render(mysql));
  }

  @Test
  void statefulSetWithServicesAsOneStream() throws IOException {
    List<HasMetadata> all = List.of(statefulSet(), headless(), ManifestReader.strict().read(Fixtures.testResource("golden-inputs/configmap.yaml")).objects().get(0));
    golden("statefulset-services.yaml", () -> YamlRenderer.applyReady().render(all));
    golden("statefulset-services.json", () -> JsonRenderer.applyReady().render(all));
  }

  @Test
  void quotingTorture() throws IOException {
    golden("quoting-torture.yaml", () -> YamlRenderer.applyReady().render(List.of(tortureObject())));
  }

  static GenericKubernetesResource tortureObject() {
    GenericKubernetesResource cm = new GenericKubernetesResource();
    cm.setApiVersion("v1");
    cm.setKind("ConfigMap");
    cm.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("torture").build());
    Map<String, Object> data = new LinkedHashMap<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < TORTURE.size(); i++) {
      data.put(String.format("k%03d", i), TORTURE.get(i));
      values.add(TORTURE.get(i));
    }
    cm.setAdditionalProperty("data", data);
    Map<String, Object> keys = new LinkedHashMap<>();
    for (String t : new TreeSet<>(TORTURE)) {
      keys.put(t, "key");
    }
    cm.setAdditionalProperty("keysAsTheyCome", keys);
    cm.setAdditionalProperty("valuesInAList", values);
    return cm;
  }

  static StatefulSet statefulSet() {
    return new StatefulSetBuilder()
        .withNewMetadata().withName("web").withNamespace("default").addToLabels("app", "web")
        .addToAnnotations("kubectl.kubernetes.io/last-applied-configuration", "{}")
        .addToAnnotations("kpanda.io/describe", "yes").endMetadata()
        .withNewSpec()
          .withReplicas(2).withServiceName("web")
          .withNewSelector().addToMatchLabels("app", "web").endSelector()
          .withNewTemplate()
            .withNewMetadata().addToLabels("app", "web").endMetadata()
            .withNewSpec()
              .addNewContainer().withName("web").withImage("nginx:1.27").withImagePullPolicy("IfNotPresent")
                .withCommand("sh", "-c", "echo on\nexec nginx -g 'daemon off;'\n")
                .addNewPort().withName("http").withContainerPort(80).withProtocol("TCP").endPort()
                .addNewEnv().withName("FLAG").withValue("on").endEnv()
                .addNewEnv().withName("MODE").withValue("0755").endEnv()
                .withNewResources().addToLimits("cpu", new Quantity("1")).addToLimits("memory", new Quantity("512Mi"))
                  .addToRequests("cpu", new Quantity("0.5")).endResources()
                .withNewReadinessProbe().withNewHttpGet().withPath("/").withPort(new IntOrString("http")).endHttpGet().endReadinessProbe()
                .withNewLivenessProbe().withNewTcpSocket().withPort(new IntOrString(80)).endTcpSocket().endLivenessProbe()
                .addNewVolumeMount().withName("cache").withMountPath("/cache").endVolumeMount()
              .endContainer()
              .addNewVolume().withName("cache").withNewEmptyDir().endEmptyDir().endVolume()
            .endSpec()
          .endTemplate()
          .addNewVolumeClaimTemplate().withNewMetadata().withName("data").withUid("u-1")
            .withCreationTimestamp("2022-09-22T09:34:10Z").endMetadata()
            .withNewSpec().withAccessModes("ReadWriteOnce").withNewResources()
              .addToRequests("storage", new Quantity("1Gi")).endResources().endSpec()
            .withNewStatus().withPhase("Pending").endStatus()
          .endVolumeClaimTemplate()
        .endSpec()
        .withNewStatus().withReplicas(2).endStatus()
        .build();
  }

  static Service headless() {
    return new ServiceBuilder()
        .withNewMetadata().withName("web").withNamespace("default").addToLabels("app", "web").endMetadata()
        .withNewSpec().withClusterIP("None").addToSelector("app", "web")
          .addNewPort().withName("http").withPort(80).withTargetPort(new IntOrString("http")).withProtocol("TCP").endPort()
          .withSessionAffinity("ClientIP").withNewSessionAffinityConfig().withNewClientIP().withTimeoutSeconds(10800)
          .endClientIP().endSessionAffinityConfig()
        .endSpec()
        .build();
  }
}
