package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.fixtures.Fixtures;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  private static final String STS = String.join("\n",
      "apiVersion: apps/v1",
      "kind: StatefulSet",
      "metadata:",
      "  name: web",
      "spec:",
      "  serviceName: web",
      "  template:",
      "    spec:",
      "      containers:",
      "        - name: web",
      "          image: nginx",
      "");

  private static StatefulSet sts(ReadResult r) {
    return (StatefulSet) r.documents().get(0).object();
  }

  /** metav1.FieldsV1 is raw JSON to the apiserver: its f: keys are content, not unknown fields. */
  @Test
  void managedFieldsAreOpaqueButTyposBesideThemAreNot() {
    ReadResult r = ManifestReader.strict().read("""
        apiVersion: v1
        kind: Service
        metadata:
          name: x
          managedFields:
          - apiVersion: v1
            fieldsType: FieldsV1
            fieldsV1:
              f:spec:
                f:type: {}
            manager: kubectl
            operation: Update
            managr: typo
        """, "x.yaml");

    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("metadata.managedFields[0].managr");
      assertThat(p.line()).isEqualTo(13);
    });
    Service s = (Service) r.objects().get(0);
    assertThat(s.getMetadata().getManagedFields().get(0).getFieldsV1().getAdditionalProperties())
        .containsKey("f:spec");
  }

  @Test
  void readsThePlatformExampleCleanIntoAStatefulSet() {
    ReadResult r = ManifestReader.strict().read(Fixtures.text(Fixtures.MYSQL_PAGE), "mysql-page.yaml");
    assertThat(r.problems()).isEmpty();
    StatefulSet s = sts(r);
    assertThat(s.getSpec().getTemplate().getSpec().getContainers()).hasSize(4);
    assertThat(s.getSpec().getTemplate().getSpec().getVolumes().get(2).getConfigMap().getDefaultMode()).isEqualTo(420);
    assertThat(s.getMetadata().getResourceVersion()).isEqualTo("20504385");
  }

  @Test
  void reportsAnUnknownFieldWithPathAndPositionAndKeepsIt() {
    ReadResult r = ManifestReader.strict().read(STS + "          imagee: typo\n", "sts.yaml");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.UNKNOWN_FIELD);
      assertThat(p.path()).isEqualTo("spec.template.spec.containers[0].imagee");
      assertThat(p.line()).isEqualTo(12);
      assertThat(p.column()).isEqualTo(11);
    });
    assertThat(sts(r).getSpec().getTemplate().getSpec().getContainers().get(0).getAdditionalProperties())
        .containsEntry("imagee", "typo");
    assertThat(YamlRenderer.applyReady().render(sts(r))).contains("imagee: typo");
  }

  @Test
  void lenientReadingKeepsUnknownFieldsWithoutReportingThem() {
    ReadResult r = ManifestReader.lenient().read(STS + "          imagee: typo\n");
    assertThat(r.problems()).isEmpty();
    assertThat(sts(r).getSpec().getTemplate().getSpec().getContainers().get(0).getAdditionalProperties())
        .containsKey("imagee");
  }

  @Test
  void reportsADuplicateKeyAndUsesTheLastValue() {
    ReadResult r = ManifestReader.strict().read(STS.replace("  serviceName: web\n", "  serviceName: a\n  serviceName: b\n"));
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.DUPLICATE_KEY);
      assertThat(p.path()).isEqualTo("spec.serviceName");
      assertThat(p.line()).isEqualTo(7);
    });
    assertThat(sts(r).getSpec().getServiceName()).isEqualTo("b");
  }

  @Test
  void anUnquotedYesInAStringFieldIsABooleanAndReportedNotConverted() {
    ReadResult r = ManifestReader.strict().read(STS.replace("image: nginx", "image: yes"));
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.WRONG_TYPE);
      assertThat(p.path()).isEqualTo("spec.template.spec.containers[0].image");
      assertThat(p.line()).isEqualTo(11);
      assertThat(p.message()).contains("boolean");
    });
    assertThat(sts(r).getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isNull();
  }

  @Test
  void aNumberInALabelIsAWrongType() {
    ReadResult r = ManifestReader.strict().read(STS.replace("  name: web\n", "  name: web\n  labels:\n    version: 1.0\n"));
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.WRONG_TYPE);
      assertThat(p.path()).isEqualTo("metadata.labels[version]");
    });
  }

  @Test
  void readsYaml11ScalarsTheWayTheApiServerDoes() {
    String yaml = STS.replace("  serviceName: web\n", "  serviceName: web\n  replicas: 1_000\n  revisionHistoryLimit: 0x0A\n")
        + "          resources:\n            limits:\n              cpu: 2\n              memory: 1Gi\n"
        + "          ports:\n            - containerPort: 8080\n"
        + "          livenessProbe:\n            httpGet:\n              port: 8080\n"
        + "          readinessProbe:\n            httpGet:\n              port: '8080'\n"
        + "          stdin: on\n"
        + "      volumes:\n        - name: c\n          configMap:\n            name: c\n            defaultMode: 0644\n";
    ReadResult r = ManifestReader.strict().read(yaml);
    assertThat(r.problems()).isEmpty();
    StatefulSet s = sts(r);
    assertThat(s.getSpec().getReplicas()).isEqualTo(1000);
    assertThat(s.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    var c = s.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getResources().getLimits()).containsEntry("cpu", new Quantity("2"));
    assertThat(c.getLivenessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString(8080));
    assertThat(c.getReadinessProbe().getHttpGet().getPort()).isEqualTo(new IntOrString("8080"));
    assertThat(c.getStdin()).isTrue();
    assertThat(s.getSpec().getTemplate().getSpec().getVolumes().get(0).getConfigMap().getDefaultMode()).isEqualTo(420);
  }

  @Test
  void anExplicitNullLeavesTheFieldUnset() {
    ReadResult r = ManifestReader.strict().read(STS.replace("  serviceName: web\n", "  serviceName: ~\n  replicas: null\n"));
    assertThat(r.problems()).isEmpty();
    assertThat(sts(r).getSpec().getServiceName()).isNull();
    assertThat(sts(r).getSpec().getReplicas()).isNull();
  }

  @Test
  void aMalformedQuantityIsAnInvalidValue() {
    ReadResult r = ManifestReader.strict().read(STS + "          resources:\n            limits:\n              cpu: lots\n");
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.INVALID_VALUE);
      assertThat(p.path()).isEqualTo("spec.template.spec.containers[0].resources.limits[cpu]");
    });
  }

  @Test
  void readsMultiDocumentStreamsWithCommentsLeadingSeparatorAndEmptyDocuments() {
    String svc = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  clusterIP: None\n";
    ReadResult r = ManifestReader.strict().read("# head\n---\n" + STS + "---\n# only a comment\n---\n" + svc + "...\n");
    assertThat(r.documents()).hasSize(2);
    assertThat(r.documents().get(0).object()).isInstanceOf(StatefulSet.class);
    assertThat(r.documents().get(1).object()).isInstanceOf(Service.class);
    assertThat(r.documents().get(1).index()).isEqualTo(1);
    assertThat(r.documents().get(1).position().line()).isEqualTo(17);
  }

  @Test
  void expandsKindList() {
    String list = "apiVersion: v1\nkind: List\nitems:\n"
        + "- apiVersion: v1\n  kind: Service\n  metadata:\n    name: a\n"
        + "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n  data:\n    k: v\n";
    ReadResult r = ManifestReader.strict().read(list);
    assertThat(r.objects()).hasSize(2);
    assertThat(r.objects().get(1)).isInstanceOf(ConfigMap.class);
    assertThat(((ConfigMap) r.objects().get(1)).getData()).containsEntry("k", "v");
    assertThat(r.documents().get(1).positionOf("metadata.name")).contains(Position.of(11, 5));
  }

  @Test
  void positionOfFindsFieldsListItemsAndMapKeys() {
    ReadDocument d = ManifestReader.strict().read(Fixtures.text(Fixtures.MYSQL_PAGE)).documents().get(0);
    assertThat(d.positionOf("spec.template.spec.containers[0].image")).contains(Position.of(110, 11));
    assertThat(d.positionOf("spec.template.spec.containers[0]")).contains(Position.of(109, 11));
    assertThat(d.positionOf("spec.template.metadata.labels[app.kubernetes.io/version]")).contains(Position.of(33, 9));
    assertThat(d.positionOf("spec.template.spec.containers[9]")).isEmpty();
    assertThat(d.positionOf("spec.nothing")).isEmpty();
  }

  @Test
  void readsAnchorsAliasesAndMergeKeysLikeGoYaml() {
    String yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  labels: &l\n    app: a\n"
        + "spec:\n  selector: *l\n  ports:\n  - &p {port: 80, protocol: TCP}\n  - <<: *p\n    port: 81\n";
    ReadResult r = ManifestReader.strict().read(yaml);
    assertThat(r.problems()).isEmpty();
    Service s = (Service) r.objects().get(0);
    assertThat(s.getSpec().getSelector()).containsEntry("app", "a");
    assertThat(s.getSpec().getPorts().get(1).getPort()).isEqualTo(81);
    assertThat(s.getSpec().getPorts().get(1).getProtocol()).isEqualTo("TCP");
  }

  @Test
  void unreadableYamlNamesSourceLineAndColumn() {
    assertThatThrownBy(() -> ManifestReader.strict().read("apiVersion: v1\nkind: [\n", "bad.yaml"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessageStartingWith("bad.yaml:3:")
        .satisfies(e -> assertThat(((ManifestReadException) e).sourceName()).isEqualTo("bad.yaml"));
  }

  @Test
  void aDocumentWithoutKindIsUnreadable() {
    assertThatThrownBy(() -> ManifestReader.strict().read("apiVersion: v1\nmetadata:\n  name: x\n", "x.yaml"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessageContaining("x.yaml:1:1")
        .hasMessageContaining("Kind");
  }

  @Test
  void readsFilesAsUtf8AndSkipsAByteOrderMark(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("sts.yaml");
    byte[] body = STS.replace("name: web\nspec", "name: wéb\nspec").getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(f, withBom);
    ReadResult r = ManifestReader.strict().read(f);
    assertThat(r.sourceName()).isEqualTo(f.toString());
    assertThat(sts(r).getMetadata().getName()).isEqualTo("wéb");
  }

  @Test
  void aKindWithNoModelIsGenericAndNotReadStrictly() {
    ReadResult r = ManifestReader.strict().read(
        "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {anything: 1}\n");
    assertThat(r.objects().get(0)).isInstanceOf(GenericKubernetesResource.class);
    assertThat(r.problems()).isEmpty();
    assertThat(r.documents().get(0).readStrictly()).isFalse();
  }

  /** Issue 10 item 14: strict for every kind with a model, not only StatefulSets and Services. */
  @Test
  void everyKindWithAModelIsReadStrictly() {
    ReadResult r = ManifestReader.strict().read(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {bogus: 1, replicas: 2}\n---\n"
            + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {k: 1}\n");
    assertThat(r.objects().get(0)).isInstanceOf(Deployment.class);
    assertThat(((Deployment) r.objects().get(0)).getSpec().getReplicas()).isEqualTo(2);
    assertThat(r.documents()).allMatch(ReadDocument::readStrictly);
    assertThat(r.problems()).extracting(ReadProblem::path).containsExactly("spec.bogus", "data[k]");
    assertThat(ManifestReader.lenient().read(STS).documents().get(0).readStrictly()).isFalse();
  }

  /** Issue 10 item 14: kube-apiserver answers "no matches for kind" for a version it does not serve. */
  @Test
  void anApiVersionKindPairTheApiServerDoesNotServeIsReported() {
    ReadResult r = ManifestReader.strict().read(STS.replace("apps/v1", "apps/v1beta2"));
    assertThat(r.objects().get(0)).isInstanceOf(GenericKubernetesResource.class);
    assertThat(r.documents().get(0).readStrictly()).isFalse();
    assertThat(r.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("apiVersion");
      assertThat(p.message()).isEqualTo(
          "no matches for kind \"StatefulSet\" in version \"apps/v1beta2\" (StatefulSet is apps/v1)");
    });
    assertThat(ManifestReader.strict().read("apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n").problems())
        .extracting(ReadProblem::message).containsExactly("no matches for kind \"Widget\" in version \"v1\"");
  }

  /** Issue 15 item 3, issue 10 item 3: a header of the wrong type refuses the document. */
  @Test
  void aWrongTypedApiVersionOrKindRefusesTheDocument() {
    assertThatThrownBy(() -> ManifestReader.strict().read("apiVersion: 1\nkind: ConfigMap\n"))
        .isInstanceOf(ManifestReadException.class)
        .hasMessage("<input>:1:13: apiVersion: must be a string, not the number 1 (quote it: '1')");
    assertThatThrownBy(() -> ManifestReader.strict().read("apiVersion: v1\nkind: true\n"))
        .isInstanceOf(ManifestReadException.class).hasMessageContaining("kind: must be a string, not the boolean true");
    assertThatThrownBy(() -> ManifestReader.strict().read("apiVersion: v1\nkind: {a: b}\n"))
        .isInstanceOf(ManifestReadException.class).hasMessage("<input>:2:7: kind: must be a string, not a mapping");
    assertThat(ManifestReader.strict().read("apiVersion: v1\nkind: '5'\n").objects()).hasSize(1);
  }

  /**
   * Issue 10 item 15: encoding/json decodes an explicit null list element or map value into the
   * element type's zero value; lifting then never meets a null string.
   */
  @Test
  void nullElementsAndMapValuesAreTheZeroValueAsInGo() {
    StatefulSet s = sts(ManifestReader.strict().read(
        "apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x, labels: {a: ~}}\n"
            + "spec:\n  selector: {matchLabels: {a: null}}\n"
            + "  template:\n    spec:\n      containers:\n        - {name: c, command: [~], args: [a, ~],"
            + " resources: {limits: {cpu: ~}}}\n        - ~\n"));
    assertThat(s.getMetadata().getLabels()).containsEntry("a", "");
    assertThat(s.getSpec().getSelector().getMatchLabels()).containsEntry("a", "");
    var containers = s.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers.get(0).getCommand()).containsExactly("");
    assertThat(containers.get(0).getArgs()).containsExactly("a", "");
    assertThat(containers.get(0).getResources().getLimits()).containsEntry("cpu", new Quantity("0"));
    assertThat(containers.get(1)).isEqualTo(new Container());
  }

  @Test
  void readerIsReusableAndLimitsAreConfigurable() {
    ManifestReader small = ManifestReader.strict().withLimits(ReaderLimits.builder().maxInputChars(10).build());
    assertThat(small.limits().maxInputChars()).isEqualTo(10);
    assertThat(small.limits().maxDepth()).isEqualTo(ReaderLimits.defaults().maxDepth());
    assertThatThrownBy(() -> small.read(STS)).isInstanceOf(ManifestReadException.class).hasMessageContaining("limit");
    assertThat(ManifestReader.strict().read(STS).objects()).hasSize(1);
    assertThat(List.of(ManifestReader.strict(), ManifestReader.lenient())).allMatch(m -> m.limits() != null);
  }

  /**
   * Found by the mutation fuzzer: a problem echoed the whole key or number, so a 1,024-character
   * unknown key (the longest YAML takes) or a 700-digit number made a message of over 600
   * characters. Echoed values are clipped to 80 characters and say how long they were.
   */
  @Test
  void problemsEchoLongKeysAndNumbersClipped() {
    String key = "k".repeat(1024);
    String number = "9".repeat(700);
    ReadResult r = ManifestReader.strict().read("apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\n"
        + "spec:\n  " + key + ": 1\n  " + key + ": 2\n  replicas: " + number + "\n  serviceName: " + number + "\n");
    assertThat(r.problems()).extracting(ReadProblem::message).containsExactly(
        "unknown field \"" + "k".repeat(80) + "… (1024 characters, truncated)\"",
        "duplicate field \"" + "k".repeat(80) + "… (1024 characters, truncated)\" (first at line 5)",
        "unknown field \"" + "k".repeat(80) + "… (1024 characters, truncated)\"",
        "cannot unmarshal number " + "9".repeat(80) + "… (700 characters, truncated) into an integer field",
        "cannot unmarshal number " + "9".repeat(80) + "… (700 characters, truncated) into a field of type string"
            + " (quote it)");
    assertThat(r.problems()).allSatisfy(p -> assertThat(p.message()).hasSizeLessThanOrEqualTo(600));
  }
}
