package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateStatefulSetStrategy;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetOrdinals;
import io.fabric8.kubernetes.api.model.apps.StatefulSetPersistentVolumeClaimRetentionPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cases of Kubernetes' own tests, translated: {@code TestValidateStatefulSet},
 * {@code TestValidateStatefulSetMinReadySeconds} and {@code TestValidateStatefulSetUpdate} in
 * {@code pkg/apis/apps/validation/validation_test.go}. Each case is the upstream tweak applied to the
 * upstream base object ({@code mkStatefulSet(&validPodTemplate)}), and asserts the upstream errors as
 * (rule id, path, type), never message text.
 *
 * <p>Like the upstream test, these run {@code ValidateStatefulSet} on the object as built, without
 * defaulting and without a request namespace. Where current stable Kubernetes (v1.34+, which validates
 * the pod template and claim templates of a StatefulSet: kubernetes/kubernetes#131790, #132212) reports
 * more than the pre-1.34 test file lists, the extra error is listed too and marked "since v1.34". The
 * base container also sets {@code terminationMessagePolicy: File}, which defaulting provides and which
 * pod validation requires.
 */
class ApiserverStatefulSetCasesTest {
  private static final Validator RAW = Validator.builder().addRuleSet(RuleSet.kubernetes())
      .defaulting(false).noRequestNamespace().build();
  private static final Validator DEFAULTED = Validator.defaults();

  private static final String BASE = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: abc
        namespace: default
      spec:
        podManagementPolicy: OrderedReady
        selector:
          matchLabels: {a: b}
        updateStrategy:
          type: RollingUpdate
        template:
          metadata:
            labels: {a: b}
          spec:
            restartPolicy: Always
            dnsPolicy: ClusterFirst
            containers:
            - name: abc
              image: image
              imagePullPolicy: IfNotPresent
              terminationMessagePolicy: File
      """;

  /** (rule id, path, error type) of one expected error. */
  record Err(String rule, String path, ErrorType type) {
    @Override
    public String toString() {
      return rule + " " + type.wireName() + " " + path;
    }
  }

  static Err err(String rule, String path, ErrorType type) {
    return new Err(rule, path, type);
  }

  static StatefulSet base() {
    return RuleTester.parse(BASE);
  }

  @SafeVarargs
  static StatefulSet mk(Consumer<StatefulSet>... tweaks) {
    StatefulSet sts = base();
    for (Consumer<StatefulSet> t : tweaks) {
      t.accept(sts);
    }
    return sts;
  }

  // the tweaks of validation_test.go
  static Consumer<StatefulSet> name(String n) {
    return s -> s.getMetadata().setName(n);
  }

  static Consumer<StatefulSet> namespace(String n) {
    return s -> s.getMetadata().setNamespace(n);
  }

  static Consumer<StatefulSet> label(String k, String v) {
    return s -> {
      Map<String, String> l = s.getMetadata().getLabels() == null ? new HashMap<>() : s.getMetadata().getLabels();
      l.put(k, v);
      s.getMetadata().setLabels(l);
    };
  }

  static Consumer<StatefulSet> annotation(String k, String v) {
    return s -> s.getMetadata().setAnnotations(new HashMap<>(Map.of(k, v)));
  }

  static Consumer<StatefulSet> finalizers(String... f) {
    return s -> s.getMetadata().setFinalizers(new ArrayList<>(List.of(f)));
  }

  static Consumer<StatefulSet> podManagementPolicy(String p) {
    return s -> s.getSpec().setPodManagementPolicy(p);
  }

  static Consumer<StatefulSet> replicas(int r) {
    return s -> s.getSpec().setReplicas(r);
  }

  static Consumer<StatefulSet> selectorLabels(Map<String, String> labels) {
    return s -> s.getSpec().setSelector(labels == null ? null : new LabelSelector(null, new HashMap<>(labels)));
  }

  static Consumer<StatefulSet> restartPolicy(String rp) {
    return s -> s.getSpec().getTemplate().getSpec().setRestartPolicy(rp);
  }

  static Consumer<StatefulSet> minReadySeconds(int t) {
    return s -> s.getSpec().setMinReadySeconds(t);
  }

  static Consumer<StatefulSet> ordinalsStart(int start) {
    return s -> s.getSpec().setOrdinals(new StatefulSetOrdinals(start));
  }

  static Consumer<StatefulSet> pvcTemplates(PersistentVolumeClaim... pvcs) {
    return s -> s.getSpec().setVolumeClaimTemplates(new ArrayList<>(List.of(pvcs)));
  }

  static Consumer<StatefulSet> updateStrategyType(String t) {
    return s -> s.getSpec().getUpdateStrategy().setType(t);
  }

  static Consumer<StatefulSet> partition(int p) {
    return s -> rollingUpdate(s).setPartition(p);
  }

  static Consumer<StatefulSet> maxUnavailable(IntOrString mu) {
    return s -> rollingUpdate(s).setMaxUnavailable(mu);
  }

  private static RollingUpdateStatefulSetStrategy rollingUpdate(StatefulSet s) {
    if (s.getSpec().getUpdateStrategy().getRollingUpdate() == null) {
      s.getSpec().getUpdateStrategy().setRollingUpdate(new RollingUpdateStatefulSetStrategy());
    }
    return s.getSpec().getUpdateStrategy().getRollingUpdate();
  }

  static Consumer<StatefulSet> pvcPolicy(String whenDeleted, String whenScaled) {
    return s -> s.getSpec().setPersistentVolumeClaimRetentionPolicy(
        new StatefulSetPersistentVolumeClaimRetentionPolicy(whenDeleted, whenScaled));
  }

  /** {@code invalidPodTemplate}: no containers, labels that are not valid label keys. */
  static Consumer<StatefulSet> invalidPodTemplate() {
    return s -> {
      s.getSpec().getTemplate().getSpec().setContainers(new ArrayList<>());
      s.getSpec().getTemplate().getMetadata().setLabels(new HashMap<>(INVALID_LABELS));
    };
  }

  /** {@code invalidPodTemplate2}: no containers, activeDeadlineSeconds 60. */
  static Consumer<StatefulSet> invalidPodTemplate2() {
    return s -> {
      s.getSpec().getTemplate().getSpec().setContainers(new ArrayList<>());
      s.getSpec().getTemplate().getSpec().setActiveDeadlineSeconds(60L);
    };
  }

  /** {@code validHostNetPodTemplate}: hostNetwork with a TCP port 12345 and no hostPort. */
  static Consumer<StatefulSet> hostNetwork() {
    return s -> {
      s.getSpec().getTemplate().getSpec().setHostNetwork(true);
      s.getSpec().getTemplate().getSpec().getContainers().get(0).setPorts(new ArrayList<>(List.of(
          new io.fabric8.kubernetes.api.model.ContainerPortBuilder().withContainerPort(12345).withProtocol("TCP")
              .build())));
    };
  }

  static final Map<String, String> INVALID_LABELS = Map.of("NoUppercaseOrSpecialCharsLike=Equals", "b");

  static Stream<Arguments> createCases() {
    String meta = "k8s-object-metadata";
    String sel = "k8s-selector";
    String counts = "k8s-statefulset-counts";
    String pol = "k8s-statefulset-policies";
    String tpl = "k8s-statefulset-template-policy";
    return Stream.of(
        // successCases of TestValidateStatefulSet
        Arguments.of("alpha name", mk(name("abc")), List.of()),
        Arguments.of("alphanumeric name", mk(name("abc-123")), List.of()),
        // through the apiserver, defaulting sets hostPort = containerPort under hostNetwork
        // (SetDefaults_PodSpec), which pod validation (since v1.34) requires: checked defaulted below
        Arguments.of("parallel pod management", mk(podManagementPolicy("Parallel")), List.of()),
        Arguments.of("ordered ready pod management", mk(podManagementPolicy("OrderedReady")), List.of()),
        Arguments.of("update strategy", mk(replicas(3), updateStrategyType("RollingUpdate"), partition(2)), List.of()),
        Arguments.of("PVC policy", mk(pvcPolicy("Delete", "Retain")), List.of()),
        Arguments.of("maxUnavailable with parallel pod management",
            mk(replicas(3), updateStrategyType("RollingUpdate"), partition(2), maxUnavailable(new IntOrString(2))),
            List.of()),
        Arguments.of("ordinals.start positive value", mk(replicas(3), ordinalsStart(2)), List.of()),
        // errorCases of TestValidateStatefulSet
        Arguments.of("zero-length name", mk(name("")), List.of(err(meta, "metadata.name", ErrorType.REQUIRED))),
        Arguments.of("name-with-dots", mk(name("abc.123")), List.of(err(meta, "metadata.name", ErrorType.INVALID))),
        Arguments.of("long name", mk(name("a".repeat(64))), List.of(err(meta, "metadata.name", ErrorType.INVALID))),
        Arguments.of("missing-namespace", mk(namespace("")),
            List.of(err(meta, "metadata.namespace", ErrorType.REQUIRED))),
        Arguments.of("empty selector", mk(selectorLabels(null)), List.of(
            err(sel, "spec.selector", ErrorType.REQUIRED),
            err(sel, "spec.template.metadata.labels", ErrorType.INVALID))),
        Arguments.of("selector_doesnt_match", mk(selectorLabels(Map.of("foo", "bar"))),
            List.of(err(sel, "spec.template.metadata.labels", ErrorType.INVALID))),
        Arguments.of("negative_replicas", mk(replicas(-1)), List.of(err(counts, "spec.replicas", ErrorType.INVALID))),
        Arguments.of("invalid_label", mk(label("NoUppercaseOrSpecialCharsLike=Equals", "bar")),
            List.of(err(meta, "metadata.labels", ErrorType.INVALID))),
        Arguments.of("invalid_label 2", mk(invalidPodTemplate(), label("NoUppercaseOrSpecialCharsLike=Equals", "bar"),
            selectorLabels(INVALID_LABELS)), List.of(
                err(meta, "metadata.labels", ErrorType.INVALID),
                err(sel, "spec.selector", ErrorType.INVALID),
                err(sel, "spec.selector.matchLabels", ErrorType.INVALID))),
        Arguments.of("invalid_annotation", mk(annotation("NoUppercaseOrSpecialCharsLike=Equals", "bar")),
            List.of(err(meta, "metadata.annotations", ErrorType.INVALID))),
        Arguments.of("invalid restart policy 1", mk(restartPolicy("OnFailure")),
            List.of(err(tpl, "spec.template.spec.restartPolicy", ErrorType.NOT_SUPPORTED))),
        Arguments.of("invalid restart policy 2", mk(restartPolicy("Never")),
            List.of(err(tpl, "spec.template.spec.restartPolicy", ErrorType.NOT_SUPPORTED))),
        Arguments.of("empty restart policy", mk(restartPolicy("")), List.of(
            err(tpl, "spec.template.spec.restartPolicy", ErrorType.NOT_SUPPORTED),
            // since v1.34: validateRestartPolicy of the pod template
            err("k8s-pod-spec", "spec.template.spec.restartPolicy", ErrorType.REQUIRED))),
        Arguments.of("invalid update strategy", mk(replicas(3), updateStrategyType("foo")),
            List.of(err(pol, "spec.updateStrategy", ErrorType.INVALID))),
        Arguments.of("empty update strategy", mk(replicas(3), updateStrategyType("")),
            List.of(err(pol, "spec.updateStrategy", ErrorType.REQUIRED))),
        Arguments.of("invalid rolling update", mk(replicas(3), updateStrategyType("OnDelete"), partition(1)),
            List.of(err(pol, "spec.updateStrategy.rollingUpdate", ErrorType.INVALID))),
        Arguments.of("negative partition", mk(replicas(3), partition(-1)),
            List.of(err(pol, "spec.updateStrategy.rollingUpdate.partition", ErrorType.INVALID))),
        Arguments.of("empty pod management policy", mk(podManagementPolicy(""), replicas(3)),
            List.of(err(pol, "spec.podManagementPolicy", ErrorType.REQUIRED))),
        Arguments.of("invalid pod management policy", mk(podManagementPolicy("foo")),
            List.of(err(pol, "spec.podManagementPolicy", ErrorType.INVALID))),
        Arguments.of("set active deadline seconds", mk(invalidPodTemplate2(), replicas(3)), List.of(
            err(tpl, "spec.template.spec.activeDeadlineSeconds", ErrorType.FORBIDDEN),
            // since v1.34: the template (which has no containers) is validated
            err("k8s-containers", "spec.template.spec.containers", ErrorType.REQUIRED))),
        Arguments.of("empty PersistentVolumeClaimRetentionPolicy", mk(pvcPolicy(null, null)), List.of(
            err(pol, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", ErrorType.NOT_SUPPORTED),
            err(pol, "spec.persistentVolumeClaimRetentionPolicy.whenScaled", ErrorType.NOT_SUPPORTED))),
        Arguments.of("invalid PersistentVolumeClaimRetentionPolicy",
            mk(pvcPolicy("invalid-retention-policy", "invalid-retention-policy")), List.of(
                err(pol, "spec.persistentVolumeClaimRetentionPolicy.whenDeleted", ErrorType.NOT_SUPPORTED),
                err(pol, "spec.persistentVolumeClaimRetentionPolicy.whenScaled", ErrorType.NOT_SUPPORTED))),
        Arguments.of("zero maxUnavailable",
            mk(replicas(3), updateStrategyType("RollingUpdate"), maxUnavailable(new IntOrString(0))),
            List.of(err(pol, "spec.updateStrategy.rollingUpdate.maxUnavailable", ErrorType.INVALID))),
        Arguments.of("zero percent maxUnavailable",
            mk(replicas(3), updateStrategyType("RollingUpdate"), maxUnavailable(new IntOrString("0%"))),
            List.of(err(pol, "spec.updateStrategy.rollingUpdate.maxUnavailable", ErrorType.INVALID))),
        Arguments.of("greater than 100 percent maxUnavailable",
            mk(replicas(3), updateStrategyType("RollingUpdate"), maxUnavailable(new IntOrString("101%"))),
            List.of(err(pol, "spec.updateStrategy.rollingUpdate.maxUnavailable", ErrorType.INVALID))),
        Arguments.of("invalid ordinals.start", mk(replicas(3), ordinalsStart(-2)),
            List.of(err(counts, "spec.ordinals.start", ErrorType.INVALID))),
        // behaviour added after the upstream test file sts-kit translated (v1.33 serviceName, v1.34 templates)
        Arguments.of("serviceName must be a DNS label (v1.33+)", mk(s -> s.getSpec().setServiceName("Invalid.Name")),
            List.of(err("k8s-service-name", "spec.serviceName", ErrorType.INVALID))),
        Arguments.of("a mount may name a claim template (v1.34+)", mk(pvcTemplates(pvcWithModes("data")),
            s -> s.getSpec().getTemplate().getSpec().getContainers().get(0).setVolumeMounts(new ArrayList<>(List.of(
                new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("data").withMountPath("/data")
                    .build())))), List.of()),
        Arguments.of("a mount of nothing is NotFound (v1.34+)", mk(
            s -> s.getSpec().getTemplate().getSpec().getContainers().get(0).setVolumeMounts(new ArrayList<>(List.of(
                new io.fabric8.kubernetes.api.model.VolumeMountBuilder().withName("data").withMountPath("/data")
                    .build())))),
            List.of(err("k8s-volume-mounts", "spec.template.spec.containers[0].volumeMounts[0].name",
                ErrorType.NOT_FOUND))),
        Arguments.of("claim template without access modes (v1.34+)", mk(pvcTemplates(pvc("data", "fast", "1Gi"))),
            List.of(err("k8s-volume-claim-templates", "spec.volumeClaimTemplates[0].spec.accessModes",
                ErrorType.REQUIRED))),
        Arguments.of("claim template without storage request (v1.34+)", mk(pvcTemplates(
            new PersistentVolumeClaimBuilder(pvcWithModes("data")).editSpec().withResources(null).endSpec().build())),
            List.of(err("k8s-volume-claim-templates", "spec.volumeClaimTemplates[0].spec.resources[storage]",
                ErrorType.REQUIRED))),
        // TestValidateStatefulSetMinReadySeconds
        Arguments.of("minReadySeconds zero", mk(replicas(3), minReadySeconds(0)), List.of()),
        Arguments.of("minReadySeconds negative", mk(replicas(3), minReadySeconds(-1)),
            List.of(err(counts, "spec.minReadySeconds", ErrorType.INVALID))),
        Arguments.of("minReadySeconds very large", mk(replicas(3), minReadySeconds(Integer.MAX_VALUE)), List.of()),
        Arguments.of("minReadySeconds large negative", mk(replicas(3), minReadySeconds(Integer.MIN_VALUE)),
            List.of(err(counts, "spec.minReadySeconds", ErrorType.INVALID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("createCases")
  void createGivesTheApiserverVerdict(String name, StatefulSet sts, List<Err> expected) {
    assertThat(errors(RAW.validate(sts))).as(name).containsExactlyInAnyOrderElementsOf(expected);
  }

  @org.junit.jupiter.api.Test
  void hostNetworkTemplateIsValidOnceDefaulted() {
    // successCases "hostNetwork true": defaulting fills hostPort from containerPort
    assertThat(errors(DEFAULTED.validate(mk(hostNetwork())))).isEmpty();
    // without defaulting, pod validation (since v1.34) wants hostPort == containerPort
    assertThat(errors(RAW.validate(mk(hostNetwork())))).containsExactly(
        err("k8s-containers", "spec.template.spec.containers[0].ports[0].hostPort", ErrorType.INVALID));
  }

  @org.junit.jupiter.api.Test
  void emptyPoliciesAreDefaultedThroughTheApiserver() {
    // the "empty …" error cases cannot happen through kube-apiserver: apps/v1 defaulting fills them
    assertThat(errors(DEFAULTED.validate(mk(podManagementPolicy(""), updateStrategyType(""), restartPolicy(""),
        pvcPolicy(null, null), namespace(""))))).isEmpty();
  }

  static PersistentVolumeClaim pvc(String name, String storageClass, String size) {
    return new PersistentVolumeClaimBuilder().withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withStorageClassName(storageClass)
        .withNewResources().addToRequests("storage", new Quantity(size)).endResources().endSpec().build();
  }

  static PersistentVolumeClaim pvcWithModes(String name) {
    return new PersistentVolumeClaimBuilder(pvc(name, "fast", "1Gi")).editSpec().withAccessModes("ReadWriteOnce")
        .endSpec().build();
  }

  static Stream<Arguments> updateCases() {
    String meta = "k8s-object-metadata";
    String imm = "k8s-statefulset-immutable-fields";
    Map<String, String> validLabels2 = Map.of("c", "d");
    Consumer<StatefulSet> addContainer = s -> s.getSpec().getTemplate().getSpec().getContainers().add(
        new ContainerBuilder().withName("def").withImage("image2").withImagePullPolicy("IfNotPresent")
            .withTerminationMessagePolicy("File").build());
    Consumer<StatefulSet> template2 = s -> s.getSpec().getTemplate().getMetadata().setLabels(new HashMap<>(validLabels2));
    PersistentVolumeClaim valid = pvc("pvc-abc", "storage-class1", "1Gi");
    PersistentVolumeClaim changedSize = pvc("pvc-abc", "storage-class1", "2Gi");
    PersistentVolumeClaim changedClass = pvc("pvc-abc", "storage-class2", "1Gi");
    PersistentVolumeClaim valid2 = pvc("pvc-abc2", "storage-class2", "2Gi");
    return Stream.of(
        // successCases of TestValidateStatefulSetUpdate
        Arguments.of("update replica count", mk(), mk(replicas(3)), List.of()),
        Arguments.of("update containers 1", mk(), mk(addContainer), List.of()),
        Arguments.of("update containers 2", mk(addContainer), mk(), List.of()),
        Arguments.of("update containers and pvc retention policy 1", mk(addContainer),
            mk(pvcPolicy("Retain", "Retain")), List.of()),
        Arguments.of("update containers and pvc retention policy 2", mk(pvcPolicy(null, "Retain")), mk(), List.of()),
        Arguments.of("update update strategy", mk(), mk(updateStrategyType("OnDelete")), List.of()),
        Arguments.of("update min ready seconds 1", mk(), mk(minReadySeconds(10)), List.of()),
        Arguments.of("update min ready seconds 2", mk(minReadySeconds(5)), mk(minReadySeconds(10)), List.of()),
        Arguments.of("update existing instance with now-invalid name", mk(finalizers("final")), mk(finalizers()),
            List.of()),
        Arguments.of("update existing instance with .spec.ordinals.start", mk(), mk(ordinalsStart(3)), List.of()),
        // errorCases of TestValidateStatefulSetUpdate
        Arguments.of("update name", mk(name("abc")), mk(name("abc2")),
            List.of(err(meta, "metadata.name", ErrorType.INVALID))),
        Arguments.of("update namespace", mk(namespace("default")), mk(namespace("default1")),
            List.of(err(meta, "metadata.namespace", ErrorType.INVALID))),
        Arguments.of("update selector", mk(selectorLabels(Map.of("a", "b"))),
            mk(template2, selectorLabels(validLabels2)), List.of(err(imm, "spec.selector", ErrorType.INVALID))),
        Arguments.of("update pod management policy 1", mk(podManagementPolicy("")),
            mk(podManagementPolicy("OrderedReady")), List.of(err(imm, "spec.podManagementPolicy", ErrorType.INVALID))),
        Arguments.of("update pod management policy 2", mk(podManagementPolicy("Parallel")),
            mk(podManagementPolicy("OrderedReady")), List.of(err(imm, "spec.podManagementPolicy", ErrorType.INVALID))),
        Arguments.of("update to negative replicas", mk(), mk(replicas(-1)),
            List.of(err("k8s-statefulset-counts", "spec.replicas", ErrorType.INVALID))),
        // the upstream claim templates have no accessModes: invalid since v1.34, but ratcheted on update
        Arguments.of("update pvc template size", mk(pvcTemplates(valid)), mk(pvcTemplates(changedSize)),
            List.of(err(imm, "spec.volumeClaimTemplates", ErrorType.INVALID))),
        Arguments.of("update pvc template storage class", mk(pvcTemplates(valid)), mk(pvcTemplates(changedClass)),
            List.of(err(imm, "spec.volumeClaimTemplates", ErrorType.INVALID))),
        Arguments.of("add new pvc template", mk(pvcTemplates(valid)), mk(pvcTemplates(valid, valid2)),
            List.of(err(imm, "spec.volumeClaimTemplates", ErrorType.INVALID))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("updateCases")
  void updateGivesTheApiserverVerdict(String name, StatefulSet oldSts, StatefulSet newSts, List<Err> expected) {
    assertThat(errors(RAW.validateUpdate(oldSts, newSts))).as(name).containsExactlyInAnyOrderElementsOf(expected);
  }

  static List<Err> errors(Report report) {
    return report.errors().stream().map(f -> err(f.ruleId(), f.path(), f.type())).distinct().toList();
  }

  @org.junit.jupiter.api.Test
  void baseObjectIsValidBothWays() {
    assertThat(errors(RAW.validate(base()))).isEmpty();
    assertThat(errors(DEFAULTED.validate(base()))).isEmpty();
    assertThat(new StatefulSetBuilder(base()).build()).isEqualTo(base());
  }
}
