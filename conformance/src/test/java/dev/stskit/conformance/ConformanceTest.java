package dev.stskit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.fixtures.Fixtures;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import dev.stskit.render.YamlRenderer;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import dev.stskit.validation.Report;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Validator;
import dev.stskit.validation.internal.Defaults;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * sts-kit against the real kube-apiserver v1.37.2 on loopback: every manifest of the repository's
 * corpora and thousands of generated StatefulSets go to a server-side dry-run create with
 * {@code fieldValidation=Strict}, and the verdict, the (field path, error type) pairs, the strict-decoding
 * problems and the defaulted object are compared with what sts-kit says of the same text; Pod Security
 * fixtures go to namespaces that enforce baseline and restricted; compiled Services and rendered
 * manifests are created for real. Disagreements not explained in {@code known-differences.yaml} fail.
 * The figures go to {@code target/conformance.md}, and to {@code docs/conformance.md} with
 * {@code -Dconformance.update=true}.
 */
@ControlPlaneTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformanceTest {
  static final String NS = "conformance";
  static final Tally TALLY = new Tally();
  static final KnownDifferences KNOWN = KnownDifferences.load();
  static final int GENERATED = Integer.getInteger("conformance.generated", 5000);
  static final long SEED = Long.getLong("conformance.seed", 20261203L);
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  static String kubernetesVersion = "?";

  // ---- corpora --------------------------------------------------------------------------------

  @Test
  @Order(1)
  void corpusFilesGetTheServersVerdicts(ControlPlane cp) throws Exception {
    ApiServer api = api(cp);
    List<Document> docs = new ArrayList<>();
    for (String name : Fixtures.allCorpus()) {
      docs.addAll(Document.split("corpus/" + name.replaceFirst("^corpus/", ""), Fixtures.text(name)));
    }
    docs.addAll(Document.split("page/mysql-statefulset.yaml", Fixtures.text(Fixtures.MYSQL_PAGE)));
    for (Path golden : files(REPO.resolve("examples/src/test/resources/golden"))) {
      docs.addAll(Document.split("golden/" + golden.getFileName(), Files.readString(golden)));
    }
    for (Path fixture : files(REPO.resolve("validation/src/test/resources/rules"))) {
      if (fixture.getFileName().toString().equals("inventory.yaml")) {
        continue; // a GPU inventory for the gpu rules, not a Kubernetes object
      }
      String id = "rules/" + REPO.resolve("validation/src/test/resources/rules").relativize(fixture);
      docs.addAll(Document.split(id, Files.readString(fixture)));
    }
    compareAll(api, docs, "corpora");
    TALLY.assertKnown("corpora");
  }

  // ---- generated ------------------------------------------------------------------------------

  @Test
  @Order(2)
  void generatedStatefulSetsGetTheServersVerdicts(ControlPlane cp) {
    ApiServer api = api(cp);
    List<GeneratedStatefulSets.Mutation> mutations = GeneratedStatefulSets.mutations();
    List<Document> docs = new ArrayList<>();
    JqwikSession.run(Long.toString(SEED), () -> {
      Arbitrary<Integer> which = Arbitraries.integers().between(-mutations.size(), mutations.size() - 1);
      List<ObjectNode> objects = GeneratedStatefulSets.statefulSets().sampleStream().limit(GENERATED).toList();
      List<Integer> picks = which.sampleStream().limit(GENERATED).toList();
      for (int i = 0; i < objects.size(); i++) {
        ObjectNode o = objects.get(i);
        int pick = picks.get(i);
        String how = "valid";
        if (pick >= 0) {
          GeneratedStatefulSets.Mutation m = mutations.get(pick);
          m.apply().apply(o);
          how = m.name();
        }
        docs.add(new Document("generated/" + i + "/" + how, ApiServer.JSON.writeValueAsString(o), false));
      }
    });
    assertThat(docs).hasSizeGreaterThanOrEqualTo(GENERATED);
    compareAll(api, docs, "generated");
    TALLY.assertKnown("generated");
  }

  private void compareAll(ApiServer api, List<Document> docs, String source) {
    int batch = 32;
    for (int from = 0; from < docs.size(); from += batch) {
      List<Document> slice = docs.subList(from, Math.min(docs.size(), from + batch));
      List<Prepared> prepared = new ArrayList<>();
      for (Document d : slice) {
        Prepared p = prepare(api, d);
        if (p != null) {
          prepared.add(p);
        }
      }
      for (Prepared p : prepared) {
        compare(p, p.answer().join(), source);
      }
    }
  }

  record Prepared(Document doc, ReadResult read, HasMetadata object, String namespace,
                  CompletableFuture<ApiServer.Answer> answer) {}

  private Prepared prepare(ApiServer api, Document d) {
    ReadResult read;
    try {
      read = ManifestReader.strict().read(d.text(), d.id());
    } catch (RuntimeException e) {
      TALLY.disagree("corpora", "read", d.id(), "sts-kit cannot read it: " + e.getMessage());
      return null;
    }
    if (read.objects().size() != 1) {
      return null;
    }
    HasMetadata object = read.objects().get(0);
    if (object.getApiVersion() == null || object.getKind() == null) {
      return null;
    }
    String ns = object.getMetadata() != null && object.getMetadata().getNamespace() != null
        ? object.getMetadata().getNamespace() : NS;
    String path = ApiServer.collection(object.getApiVersion(), object.getKind(), ns);
    if (path == null) {
      return null;
    }
    api.ensureNamespace(ns, Map.of());
    return new Prepared(d, read, object, ns, api.dryRunCreate(path, d.text(), d.yaml()));
  }

  private void compare(Prepared p, ApiServer.Answer answer, String source) {
    Verdicts.Outcome server = Verdicts.server(answer);
    boolean checked = p.object() instanceof StatefulSet || p.object() instanceof Service;
    if (!checked) {
      // a kind no sts-kit rule checks: only the strict reading is compared
      TALLY.count(source, "strict", Verdicts.strictAgrees(server, Verdicts.stsKit(p.read(), p.object(), p.namespace()))
          || !p.read().problems().isEmpty() == !server.strict().isEmpty(), p.doc().id(), server.detail());
      return;
    }
    Verdicts.Outcome sts = Verdicts.stsKit(p.read(), p.object(), p.namespace());
    String id = p.doc().id();
    TALLY.count(source, "verdict", server.accepted() == sts.accepted(), id,
        "server " + (server.accepted() ? "accepts" : "rejects (" + server.detail() + ")") + "; sts-kit "
            + (sts.accepted() ? "accepts" : "rejects (" + sts.detail() + ")"));
    TALLY.count(source, "strict", Verdicts.strictAgrees(server, sts), id,
        "server " + server.strict() + ", sts-kit " + sts.strict());
    if (server.strict().isEmpty() && sts.strict().isEmpty()) {
      TALLY.count(source, "pairs", server.pairs().equals(sts.pairs()), id,
          "server " + server.pairs() + ", sts-kit " + sts.pairs());
    }
    if (server.accepted() && sts.accepted() && p.object() instanceof StatefulSet sts0) {
      StatefulSet defaulted = Defaults.apply(new StatefulSetBuilder(sts0).build(), Optional.of(p.namespace()));
      JsonNode ours = ApiServer.JSON.valueToTree(defaulted).path("spec");
      mirrorServiceAccount(ours);
      JsonNode theirs = answer.json().path("spec");
      Optional<String> diff = TreeDiff.firstDifference(ours, theirs, "spec");
      TALLY.count(source, "defaulting", diff.isEmpty(), id, diff.orElse(""));
    }
  }

  // ---- updates --------------------------------------------------------------------------------

  /** What a user changes on a live StatefulSet: some changes the apiserver allows, some it forbids. */
  static final List<Map.Entry<String, java.util.function.Consumer<ObjectNode>>> UPDATES = List.of(
      Map.entry("scale", o -> o.withObjectProperty("spec").put("replicas", 7)),
      Map.entry("new-image", o -> ((ObjectNode) o.path("spec").path("template").path("spec").path("containers").get(0))
          .put("image", "registry.example.com/new:2")),
      Map.entry("service-name", o -> o.withObjectProperty("spec").put("serviceName", "renamed")),
      Map.entry("selector", o -> o.withObjectProperty("spec").withObjectProperty("selector")
          .withObjectProperty("matchLabels").put("extra", "x")),
      Map.entry("pod-management", o -> o.withObjectProperty("spec").put("podManagementPolicy",
          "Parallel".equals(o.path("spec").path("podManagementPolicy").asString("")) ? "OrderedReady" : "Parallel")),
      Map.entry("claim-size", o -> {
        JsonNode claims = o.path("spec").path("volumeClaimTemplates");
        if (claims.size() > 0) {
          ((ObjectNode) claims.get(0)).withObjectProperty("spec").withObjectProperty("resources")
              .withObjectProperty("requests").put("storage", "123Gi");
        }
      }),
      Map.entry("min-ready", o -> o.withObjectProperty("spec").put("minReadySeconds", 30)));

  /**
   * A dry-run update of {@code changed}, retried with the stored resourceVersion when the server
   * answers 409 Conflict: the StatefulSet controller writes the object's status between the create
   * and the update, and the verdict wanted is the validation's, not the optimistic lock's.
   */
  private static ApiServer.Answer dryRunUpdate(ApiServer api, String path, ObjectNode changed) {
    ApiServer.Answer a = api.dryRunUpdate(path, ApiServer.JSON.writeValueAsString(changed));
    for (int attempt = 0; a.status() == 409 && attempt < 10; attempt++) {
      ApiServer.Answer now = api.get(path);
      assertThat(now.status()).as(now.body()).isEqualTo(200);
      changed.withObjectProperty("metadata").put("resourceVersion",
          now.json().path("metadata").path("resourceVersion").asString());
      a = api.dryRunUpdate(path, ApiServer.JSON.writeValueAsString(changed));
    }
    return a;
  }

  @Test
  @Order(3)
  void updatesGetTheServersVerdicts(ControlPlane cp) throws IOException {
    ApiServer api = api(cp);
    String ns = "updates";
    api.ensureNamespace(ns, Map.of());
    List<String> sources = new ArrayList<>();
    for (Path golden : files(REPO.resolve("examples/src/test/resources/golden"))) {
      sources.add(Files.readString(golden));
    }
    sources.add(Fixtures.text(Fixtures.MYSQL_PAGE));
    int n = 0;
    for (String text : sources) {
      for (HasMetadata o : ManifestReader.strict().read(text, "update").objects()) {
        if (!(o instanceof StatefulSet original)) {
          continue;
        }
        String name = "u" + (n++);
        original.getMetadata().setName(name);
        original.getMetadata().setNamespace(ns);
        original.setStatus(null);
        original.getMetadata().setResourceVersion(null);
        original.getMetadata().setUid(null);
        original.getMetadata().setManagedFields(null);
        original.getMetadata().setCreationTimestamp(null);
        original.getMetadata().setOwnerReferences(null);
        String collection = ApiServer.collection("apps/v1", "StatefulSet", ns);
        ApiServer.Answer created = api.create(collection, ApiServer.JSON.writeValueAsString(original));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode stored = created.json();
        StatefulSet old = ApiServer.JSON.treeToValue(stored, StatefulSet.class);
        for (Map.Entry<String, java.util.function.Consumer<ObjectNode>> u : UPDATES) {
          ObjectNode changed = ((ObjectNode) stored).deepCopy();
          u.getValue().accept(changed);
          String id = "update/" + name + "/" + u.getKey();
          ApiServer.Answer a = dryRunUpdate(api, collection + "/" + name, changed);
          Verdicts.Outcome server = Verdicts.server(a);
          StatefulSet neu = ApiServer.JSON.treeToValue(changed, StatefulSet.class);
          Report r = Verdicts.validator(ns).validateUpdate(old, neu);
          java.util.Set<String> pairs = new java.util.TreeSet<>();
          r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
              .forEach(f -> pairs.add(f.path() + " " + f.type().wireName()));
          TALLY.count("updates", "verdict", server.accepted() == pairs.isEmpty(), id,
              "server " + (server.accepted() ? "accepts" : server.detail()) + "; sts-kit " + pairs);
          TALLY.count("updates", "pairs", server.pairs().equals(pairs), id, "server " + server.pairs() + ", sts-kit " + pairs);
        }
      }
    }
    TALLY.assertKnown("updates");
  }

  // ---- Pod Security ---------------------------------------------------------------------------

  @Test
  @Order(4)
  void podSecurityFixturesGetTheAdmissionsVerdicts(ControlPlane cp) throws IOException {
    ApiServer api = api(cp);
    Path root = REPO.resolve("validation/src/test/resources/psa");
    for (String level : List.of("baseline", "restricted")) {
      String ns = "psa-" + level;
      api.ensureNamespace(ns, Map.of("pod-security.kubernetes.io/enforce", level,
          "pod-security.kubernetes.io/enforce-version", "v1.37"));
      Validator pss = Validator.builder().addRuleSet("pss-" + level).requestNamespace(ns).build();
      for (Path f : files(root.resolve(level))) {
        String id = "psa/" + level + "/" + root.resolve(level).relativize(f);
        ReadResult read = ManifestReader.strict().read(Files.readString(f), id);
        Pod pod = (Pod) read.objects().get(0);
        pod.getMetadata().setNamespace(ns);
        // upstream names some fixtures with '_', which no Pod name may hold; the policy does not read names
        pod.getMetadata().setName(pod.getMetadata().getName().replace('_', '-'));
        ApiServer.Answer a = api.dryRunCreate(ApiServer.collection("v1", "Pod", ns),
            ApiServer.JSON.writeValueAsString(pod), false).join();
        if (!a.ok() && a.status() != 403) {
          TALLY.count("pss", "pod-valid", false, id, "the server rejects the pod before admission: " + a.body());
          continue;
        }
        Report report = pss.validate(wrap(pod));
        boolean stsAccepts = report.findings().stream().noneMatch(x -> x.severity() == Severity.ERROR);
        TALLY.count("pss", "pss", a.ok() == stsAccepts, id,
            "server " + (a.ok() ? "admits" : "forbids: " + Verdicts.server(a).detail()) + "; sts-kit "
                + (stsAccepts ? "admits" : "forbids: " + report.findings()));
      }
    }
    TALLY.assertKnown("pss");
  }

  static StatefulSet wrap(Pod pod) {
    return new StatefulSetBuilder().withNewMetadata().withName("pss").withNamespace(pod.getMetadata().getNamespace())
        .endMetadata().withNewSpec().withServiceName("pss").withNewSelector().addToMatchLabels("app", "pss").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "pss")
        .withAnnotations(pod.getMetadata().getAnnotations()).endMetadata().withSpec(pod.getSpec()).endTemplate()
        .endSpec().build();
  }

  // ---- Services and rendering, created for real -----------------------------------------------

  @Test
  @Order(5)
  void compiledServicesAreCreatedForReal(ControlPlane cp) throws IOException {
    ApiServer api = api(cp);
    for (Path specFile : files(REPO.resolve("examples/specs"))) {
      StatefulSetSpec spec = SpecFiles.read(specFile);
      Manifests m = spec.compile();
      String ns = "svc-" + specFile.getFileName().toString().replace(".yaml", "");
      api.ensureNamespace(ns, Map.of());
      List<Service> services = new ArrayList<>();
      services.add(m.governingService());
      services.addAll(m.accessServices());
      for (Service s : services) {
        Service copy = new io.fabric8.kubernetes.api.model.ServiceBuilder(s).editMetadata().withNamespace(ns).endMetadata()
            .build();
        String id = "services/" + specFile.getFileName() + "/" + s.getMetadata().getName();
        ApiServer.Answer a = api.create(ApiServer.collection("v1", "Service", ns), ApiServer.JSON.writeValueAsString(copy));
        Report r = Verdicts.validator(ns).validate(copy);
        TALLY.count("services", "created", a.ok(), id, a.body());
        TALLY.count("services", "verdict", a.ok() == r.valid(), id, "server " + a.status() + ", sts-kit " + r.findings());
      }
    }
    TALLY.assertKnown("services");
  }

  @Test
  @Order(6)
  void renderedManifestsApplyAndReadBackUnchanged(ControlPlane cp) throws IOException {
    ApiServer api = api(cp);
    String ns = "render";
    api.ensureNamespace(ns, Map.of());
    List<Document> sources = new ArrayList<>();
    for (Path golden : files(REPO.resolve("examples/src/test/resources/golden"))) {
      sources.add(new Document("golden/" + golden.getFileName(), Files.readString(golden), true));
    }
    for (String name : Fixtures.allCorpus()) {
      ReadResult read = ManifestReader.strict().read(Fixtures.text(name), name);
      List<HasMetadata> objects = new ArrayList<>();
      for (HasMetadata o : read.objects()) {
        if (o instanceof StatefulSet sts) {
          objects.addAll(StatefulSetSpec.lift(sts).spec().compile().all());
        } else if (o instanceof Service) {
          objects.add(o);
        }
      }
      sources.add(new Document("imported/" + name.replaceFirst("^corpus/", ""), YamlRenderer.applyReady().render(objects),
          true));
    }
    int counter = 0;
    for (Document source : sources) {
      for (Document d : Document.split(source.id(), source.text())) {
        ReadResult read = ManifestReader.strict().read(d.text(), d.id());
        if (read.objects().size() != 1) {
          continue;
        }
        HasMetadata sent = read.objects().get(0);
        if (!(sent instanceof StatefulSet) && !(sent instanceof Service)) {
          continue;
        }
        // one namespace, unique names: the same object name may come from several sources
        String name = "r" + (counter++) + "-" + sent.getMetadata().getName();
        name = name.length() > 52 ? name.substring(0, 52).replaceAll("-+$", "") : name;
        sent.getMetadata().setName(name);
        sent.getMetadata().setNamespace(ns);
        String yaml = YamlRenderer.applyReady().render(List.of(sent));
        String objectPath = ApiServer.collection(sent.getApiVersion(), sent.getKind(), ns) + "/" + name;
        ApiServer.Answer applied = api.apply(objectPath, yaml);
        String id = "render/" + d.id();
        if (!applied.ok()) {
          TALLY.count("render", "applied", false, id, applied.status() + " " + applied.body());
          continue;
        }
        TALLY.count("render", "applied", true, id, "");
        JsonNode back = api.get(objectPath).json();
        JsonNode expected;
        if (sent instanceof StatefulSet sts) {
          expected = ApiServer.JSON.valueToTree(Defaults.apply(new StatefulSetBuilder(sts).build(), Optional.of(ns)));
        } else {
          expected = ApiServer.JSON.valueToTree(dev.stskit.validation.internal.ServiceDefaults.apply(
              new io.fabric8.kubernetes.api.model.ServiceBuilder((Service) sent).build(), Optional.of(ns)));
        }
        JsonNode stored = withoutServerFields(back);
        if (sent instanceof Service) {
          // nodePorts the server allocated for ports that named none
          for (int i = 0; i < stored.path("spec").path("ports").size(); i++) {
            if (expected.path("spec").path("ports").path(i).path("nodePort").isMissingNode()) {
              ((ObjectNode) stored.path("spec").path("ports").get(i)).remove("nodePort");
            }
          }
        }
        if (expected.path("spec").path("template").path("spec") instanceof ObjectNode) {
          mirrorServiceAccount(expected.path("spec"));
        }
        Optional<String> diff = TreeDiff.firstDifference(withoutServerFields(expected), stored, "");
        TALLY.count("render", "read-back", diff.isEmpty(), id, diff.orElse(""));
      }
    }
    TALLY.assertKnown("render");
  }

  /**
   * The apiserver's v1 output conversion ({@code Convert_core_PodSpec_To_v1_PodSpec}) writes the deprecated
   * {@code serviceAccount} equal to {@code serviceAccountName} (and reads one into the other): not
   * defaulting, so the validator's defaulting leaves it alone and the comparison does it here.
   */
  static void mirrorServiceAccount(JsonNode statefulSetSpec) {
    if (!(statefulSetSpec.path("template").path("spec") instanceof ObjectNode pod)) {
      return;
    }
    String name = pod.path("serviceAccountName").asString("");
    String deprecated = pod.path("serviceAccount").asString("");
    if (name.isEmpty() && !deprecated.isEmpty()) {
      pod.put("serviceAccountName", deprecated);
    } else if (!name.isEmpty()) {
      pod.put("serviceAccount", name);
    }
  }

  /** The fields the server sets on every object, and what it allocates (cluster IPs). */
  static JsonNode withoutServerFields(JsonNode object) {
    ObjectNode o = ((ObjectNode) object).deepCopy();
    o.remove("status");
    if (o.get("metadata") instanceof ObjectNode meta) {
      meta.remove(List.of("uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"));
    }
    if (o.get("spec") instanceof ObjectNode spec && "Service".equals(o.path("kind").asString(""))) {
      spec.remove(List.of("clusterIP", "clusterIPs", "ipFamilies", "ipFamilyPolicy", "internalTrafficPolicy"));
    }
    return o;
  }

  // ---- report ---------------------------------------------------------------------------------

  @AfterAll
  static void writeReport() throws IOException {
    if (TALLY.isEmpty()) {
      return;
    }
    String md = TALLY.markdown(kubernetesVersion, GENERATED, SEED, KNOWN);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/conformance.md"), md);
    if (Boolean.getBoolean("conformance.update")) {
      Files.writeString(REPO.resolve("docs/conformance.md"), md);
    }
    System.err.println("sts-kit conformance: " + TALLY.summary());
  }

  private static ApiServer api(ControlPlane cp) {
    kubernetesVersion = cp.kubernetesVersion();
    return new ApiServer(cp);
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(yaml|yml|json)$")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
