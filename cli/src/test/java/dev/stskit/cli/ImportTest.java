package dev.stskit.cli;

import static dev.stskit.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.cli.CliTest.Run;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code import}: nothing dropped without a word, valid Services, the form's warnings. */
class ImportTest {

  /** The corpus's multi-document files (test-fixtures), each as a file the CLI reads. */
  static List<String> multidoc() {
    return Fixtures.corpusWithServices();
  }

  static String file(String fixture) {
    Path file = write(Fixtures.text(fixture));
    return file.toString();
  }

  static List<HasMetadata> objects(String yaml) {
    return ManifestReader.strict().read(yaml, "out.yaml").objects();
  }

  static String id(HasMetadata o) {
    return o.getKind() + "/" + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName();
  }

  @ParameterizedTest
  @MethodSource("multidoc")
  void importOfAMultiDocumentCorpusFileGivesEveryDocumentBack(String fixture) {
    String file = file(fixture);
    Run r = run("import", file);
    assertThat(r.code()).as(r.err()).isZero();
    List<HasMetadata> in = ManifestReader.strict().read(Path.of(file)).objects();
    List<HasMetadata> out = objects(r.out());
    assertThat(out).extracting(ImportTest::id).containsAll(in.stream().map(ImportTest::id).toList());
    YamlRenderer applyReady = YamlRenderer.applyReady();
    for (HasMetadata o : in) {
      if (!(o instanceof StatefulSet) && !(o instanceof Service)) {
        // passed through as it was, less what the server fills in
        HasMetadata back = out.stream().filter(x -> id(x).equals(id(o))).findFirst().orElseThrow();
        assertThat(applyReady.render(back)).isEqualTo(applyReady.render(o));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("multidoc")
  void importSpecNamesOnStderrEveryDocumentLeftOutOfTheSpec(String fixture) {
    String file = file(fixture);
    Run r = run("import", file, "--spec");
    assertThat(r.code()).as(r.err()).isZero();
    List<HasMetadata> in = ManifestReader.strict().read(Path.of(file)).objects();
    for (HasMetadata o : in) {
      if (!(o instanceof StatefulSet) && !(o instanceof Service)) {
        assertThat(r.err().lines()).anyMatch(l -> l.contains("(" + o.getKind() + "/" + o.getMetadata().getName() + ")")
            && l.contains("not part of the spec"));
      }
    }
  }

  @Test
  void otherDocumentsPassThroughInInputOrder() {
    Path file = write(configMap("first") + "---\n" + statefulSet("web", "", "[{name: c, image: nginx, ports: [{containerPort: 80}]}]")
        + "---\n" + configMap("second")
        + "---\napiVersion: v1\nkind: Service\nmetadata: {name: other}\nspec: {selector: {app: zzz}, ports: [{port: 9}],"
        + " clusterIP: 10.0.0.7, clusterIPs: [10.0.0.7]}\n");
    Run r = run("import", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    List<HasMetadata> out = objects(r.out());
    assertThat(out).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("ConfigMap/first", "Service/web", "StatefulSet/web", "ConfigMap/second", "Service/other");
    // a Service no StatefulSet takes passes through without the addresses its cluster allocated
    Service other = (Service) out.get(4);
    assertThat(other.getSpec().getClusterIP()).isNull();
    assertThat(other.getSpec().getClusterIPs()).isEmpty();
  }

  @Test
  void aServiceNamedEmptyIsAnErrorNamingTheDocument() {
    Path file = write(statefulSet("web", "", "[{name: c, image: nginx}]")
        + "---\napiVersion: v1\nkind: Service\nmetadata: {name: ''}\nspec: {selector: {app: web}, ports: [{port: 80}]}\n");
    Run r = run("import", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).singleElement().satisfies(l -> assertThat(l)
        .startsWith("sts-kit: import: " + file + ":")
        .contains("document 1 (Service/<no name>): metadata.name: required"));
  }

  @Test
  void ownerReferencesAreRemovedWithAWarning() {
    String owned = "  ownerReferences: [{apiVersion: example.com/v1, kind: Cluster, name: c1, uid: 0d6a}]\n";
    Path file = write(configMap("cfg").replace("  name: cfg\n", "  name: cfg\n" + owned)
        + "---\n" + statefulSet("web", owned, "[{name: c, image: nginx}]"));
    Run r = run("import", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("ownerReferences", "uid");
    assertThat(r.err().lines()).containsExactly(
        file + ": warning: document 0 (ConfigMap/cfg): metadata.ownerReferences removed (owner Cluster/c1): "
            + "re-created elsewhere the owner's uid does not exist, and the garbage collector deletes an object whose owner is missing",
        file + ": warning: document 1 (StatefulSet/web): metadata.ownerReferences removed (owner Cluster/c1): "
            + "re-created elsewhere the owner's uid does not exist, and the garbage collector deletes an object whose owner is missing");
  }

  /** k8s.io/kubernetes pkg/apis/core/validation/validation.go, validateServicePort and ValidateService. */
  @Test
  void theGeneratedHeadlessServiceHasNamedUniquePorts() {
    Path file = write(statefulSet("web", "", "[{name: a, image: nginx, ports: [{containerPort: 80}, {containerPort: 8080}]},"
        + " {name: b, image: nginx, ports: [{containerPort: 80}]}]"));
    Run r = run("import", file.toString());
    assertThat(r.code()).as(r.err()).isZero();
    Service gov = (Service) objects(r.out()).get(0);
    List<ServicePort> ports = gov.getSpec().getPorts();
    assertThat(ports).extracting(p -> p.getPort() + "/" + p.getProtocol()).containsExactly("80/TCP", "8080/TCP");
    Set<String> names = new HashSet<>();
    assertThat(ports).allSatisfy(p -> {
      assertThat(p.getName()).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
      assertThat(names.add(p.getName())).isTrue();
    });
  }

  /** Every corpus file, one-document and multi-document. */
  static List<String> corpus() {
    return Fixtures.allCorpus();
  }

  /** The governing Service import writes (the file's, or a generated one) is one kube-apiserver accepts. */
  @ParameterizedTest
  @MethodSource("corpus")
  void everyServiceImportWritesPassesKubernetesServiceValidation(String fixture) {
    Run r = run("import", file(fixture));
    assertThat(r.code()).as(r.err()).isZero();
    Validator kubernetes = Validator.defaults();
    List<HasMetadata> services = objects(r.out()).stream().filter(o -> o instanceof Service).toList();
    assertThat(services).isNotEmpty().allSatisfy(svc -> {
      Report report = kubernetes.validate(svc);
      assertThat(report.checked()).isTrue();
      assertThat(report.errors()).as(id(svc)).isEmpty();
    });
  }

  @Test
  void aStatefulSetWithoutNamespaceGetsAGeneratedServiceWithoutOne() {
    Run r = run("import", write(statefulSet("web", "", "[{name: c, image: nginx}]")).toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(objects(r.out())).extracting(o -> o.getKind() + "/" + o.getMetadata().getNamespace())
        .containsExactly("Service/null", "StatefulSet/null");
  }

  static String configMap(String name) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\n  uid: '1234'\n  resourceVersion: '9'\n"
        + "data: {k: v}\n";
  }

  static String statefulSet(String name, String metadataExtra, String containers) {
    return "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: " + name + "\n" + metadataExtra
        + "spec:\n  serviceName: " + name + "\n  selector: {matchLabels: {app: " + name + "}}\n  template:\n"
        + "    metadata: {labels: {app: " + name + "}}\n    spec: {containers: " + containers + "}\n";
  }

  static Path write(String text) {
    try {
      Path file = Files.createTempFile("import", ".yaml");
      file.toFile().deleteOnExit();
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
