package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.fixtures.Fixtures;
import dev.stskit.testing.spec.SpecDomain;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link ServerFields#strip} canonicalises without Jackson databind (so that {@code import} loads
 * none); it must give what it gave through a Jackson round trip. The oracle here is that round
 * trip, with the server fields removed from the Jackson tree: for every StatefulSet and Service of
 * the corpus and the page, and for compiled specs with server fields, explicit nulls and unknown
 * fields added.
 */
@Domain(DomainContext.Global.class)
@Domain(SpecDomain.class)
class ServerFieldsEquivalenceTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> SERVER_METADATA = List.of("uid", "resourceVersion", "generation",
      "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "managedFields", "selfLink",
      "ownerReferences");

  private static void stripMetadata(JsonNode meta) {
    if (meta instanceof ObjectNode m) {
      m.remove(SERVER_METADATA);
      if (m.get("annotations") instanceof ObjectNode a) {
        a.remove(ServerFields.LAST_APPLIED_ANNOTATION);
      }
    }
  }

  /** The stripped StatefulSet as the Jackson round trip gave it. */
  static StatefulSet oracle(StatefulSet sts) {
    ObjectNode tree = JSON.valueToTree(sts);
    tree.remove("status");
    stripMetadata(tree.get("metadata"));
    if (tree.get("spec") instanceof ObjectNode spec) {
      if (spec.get("template") instanceof ObjectNode template) {
        stripMetadata(template.get("metadata"));
      }
      if (spec.get("volumeClaimTemplates") != null) {
        for (JsonNode claim : spec.get("volumeClaimTemplates")) {
          ((ObjectNode) claim).remove("status");
          stripMetadata(claim.get("metadata"));
        }
      }
    }
    return JSON.treeToValue(tree, StatefulSet.class);
  }

  /** The stripped Service as the Jackson round trip gave it. */
  static Service oracle(Service service) {
    ObjectNode tree = JSON.valueToTree(service);
    tree.remove("status");
    stripMetadata(tree.get("metadata"));
    if (tree.get("spec") instanceof ObjectNode spec
        && !(spec.get("clusterIP") != null && "None".equals(spec.get("clusterIP").asString()))) {
      spec.remove(List.of("clusterIP", "clusterIPs"));
    }
    return JSON.treeToValue(tree, Service.class);
  }

  private static void assertSame(Object stripped, Object oracle) {
    assertThat(stripped).isEqualTo(oracle);
    // Quantity.equals compares amounts (1Gi equals 1024Mi): the JSON must be the same too
    assertThat(JSON.writeValueAsString(stripped)).isEqualTo(JSON.writeValueAsString(oracle));
  }

  static Stream<String> corpus() {
    return Stream.concat(Stream.of(Fixtures.MYSQL_PAGE), Fixtures.allCorpus().stream());
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void stripGivesTheJacksonRoundTripForEveryCorpusObject(String resource) {
    StatefulSet sts = Fixtures.statefulSet(resource);
    assertSame(ServerFields.strip(sts), oracle(sts));
    for (Service s : Fixtures.services(resource)) {
      assertSame(ServerFields.strip(s), oracle(s));
    }
  }

  @Property(tries = 100)
  void stripGivesTheJacksonRoundTripForCompiledSpecsWithServerFieldsAndNulls(@ForAll StatefulSetSpec spec,
      @ForAll("edits") List<Integer> edits) {
    Manifests m = spec.compile();
    StatefulSet sts = new StatefulSetBuilder(m.statefulSet()).build();
    List<Service> services = new ArrayList<>(m.all().stream().filter(o -> o instanceof Service)
        .map(o -> (Service) o).toList());
    for (int e : edits) {
      edit(sts, services, e);
    }
    assertSame(ServerFields.strip(sts), oracle(sts));
    for (Service s : services) {
      assertSame(ServerFields.strip(s), oracle(s));
    }
  }

  @Provide
  Arbitrary<List<Integer>> edits() {
    return Arbitraries.integers().between(0, EDITS - 1).list().ofMaxSize(6);
  }

  private static final int EDITS = 12;

  /** One of {@link #EDITS} changes: a server field, an explicit null, an unknown field, a quantity's form. */
  private static void edit(StatefulSet sts, List<Service> services, int edit) {
    ObjectMeta meta = sts.getMetadata();
    var pod = sts.getSpec().getTemplate().getSpec();
    switch (edit) {
      case 0 -> {
        meta.setUid("d3f45527-0000");
        meta.setResourceVersion("20504385");
        meta.setGeneration(4L);
        meta.setCreationTimestamp("2026-12-03T10:00:00Z");
      }
      case 1 -> {
        meta.setManagedFields(new ArrayList<>(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl")
            .withOperation("Apply").build())));
        meta.setOwnerReferences(new ArrayList<>(List.of(new OwnerReferenceBuilder().withKind("MysqlCluster")
            .withName("db").withUid("u-1").build())));
        sts.getSpec().getTemplate().getMetadata().setOwnerReferences(meta.getOwnerReferences());
      }
      case 2 -> sts.setStatus(new StatefulSetStatusBuilder().withReplicas(3).withReadyReplicas(2).build());
      case 3 -> {
        Map<String, String> annotations = new LinkedHashMap<>(meta.getAnnotations() == null ? Map.of()
            : meta.getAnnotations());
        annotations.put(ServerFields.LAST_APPLIED_ANNOTATION, "{\"kind\":\"StatefulSet\"}");
        meta.setAnnotations(annotations);
      }
      case 4 -> {
        // explicit nulls where fabric8 starts with empty lists and maps
        meta.setLabels(null);
        pod.setVolumes(null);
        pod.setTolerations(null);
        pod.getContainers().get(0).setEnv(null);
        pod.getContainers().get(0).setPorts(null);
      }
      case 5 -> {
        meta.setAnnotations(null);
        sts.getSpec().setVolumeClaimTemplates(null);
      }
      case 6 -> {
        // unknown fields: numbers in every width, nested lists and maps, a null
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("long", 5L);
        raw.put("big", 1L << 40);
        raw.put("double", 1.5);
        raw.put("list", new ArrayList<>(List.of(1, "two", Map.of("three", true))));
        raw.put("none", null);
        pod.getContainers().get(0).setAdditionalProperty("x-raw", raw);
        sts.getSpec().setAdditionalProperty("x-flag", Boolean.TRUE);
      }
      case 7 -> pod.getContainers().add(new ContainerBuilder().withName("side").withImage("busybox")
          .withNewResources().addToLimits("cpu", new Quantity("500", "m"))
          .addToRequests("memory", new Quantity("1024Mi")).endResources().build());
      case 8 -> {
        if (sts.getSpec().getVolumeClaimTemplates() != null && !sts.getSpec().getVolumeClaimTemplates().isEmpty()) {
          var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
          claim.setStatus(new PersistentVolumeClaimStatusBuilder().withPhase("Bound")
              .addToCapacity("storage", new Quantity("20Gi")).build());
          claim.getMetadata().setUid("u-2");
          claim.getMetadata().setCreationTimestamp("2026-12-03T10:00:00Z");
        }
      }
      case 9 -> services.forEach(s -> {
        s.getSpec().setClusterIP("10.96.0.17");
        s.getSpec().setClusterIPs(new ArrayList<>(List.of("10.96.0.17")));
        s.setStatus(new ServiceStatusBuilder().withNewLoadBalancer().endLoadBalancer().build());
      });
      case 10 -> services.forEach(s -> {
        s.getMetadata().setUid("u-3");
        s.getMetadata().setLabels(null);
        s.getSpec().setPorts(null);
        s.getSpec().setAdditionalProperty("x-note", List.of("a", 2));
      });
      case 11 -> {
        if (pod.getContainers().get(0).getResources() != null) {
          pod.getContainers().get(0).getResources().setAdditionalProperty("x-empty", Map.of());
        }
      }
      default -> throw new IllegalArgumentException("no edit " + edit);
    }
  }

  @Test
  void aQuantityWithoutAnAmountFailsBothWaysAndStripNamesTheFieldInKubernetesForm() {
    StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withName("x").endMetadata().withNewSpec()
        .withNewTemplate().withNewSpec().addNewContainer().withName("c").withImage("nginx").withNewResources()
        .addToLimits("nvidia.com/gpu", new Quantity()).endResources().endContainer().endSpec().endTemplate()
        .endSpec().build();
    assertThatThrownBy(() -> oracle(sts)).isInstanceOf(JacksonException.class);
    assertThatThrownBy(() -> ServerFields.strip(sts)).isInstanceOf(SpecException.class)
        .hasMessage("spec.template.spec.containers[0].resources.limits[nvidia.com/gpu]: not a quantity (a Quantity"
            + " needs an amount, such as 500m or 1Gi)");
  }

  @Test
  void aQuantityWithoutAnAmountInWhatStripRemovesIsNoError() {
    StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withName("x").endMetadata().withNewSpec()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata()
        .withNewStatus().addToCapacity("storage", new Quantity()).endStatus().endVolumeClaimTemplate()
        .endSpec().build();
    assertSame(ServerFields.strip(sts), oracle(sts));
  }
}
