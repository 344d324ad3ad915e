package dev.stskit.validation;

import static dev.stskit.validation.ApiserverStatefulSetCasesTest.err;
import static dev.stskit.validation.ApiserverStatefulSetCasesTest.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.validation.ApiserverStatefulSetCasesTest.Err;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.ContainerResizePolicy;
import io.fabric8.kubernetes.api.model.HostAlias;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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
 * The cases of {@code TestValidatePodSpec} ({@code pkg/apis/core/validation/validation_test.go}),
 * translated to a StatefulSet's pod template, which kube-apiserver validates with
 * {@code ValidatePodTemplateSpec} since v1.34. Upstream asserts only "some error" for the failure
 * cases; here each asserts the (rule, path, type) that {@code ValidatePodSpec} produces. The pod is
 * {@code podtest.MakePod("")}: one container {@code ctr} with image, pull policy and termination message
 * policy set, restartPolicy Always, dnsPolicy ClusterFirst. Run without defaulting, like upstream.
 */
class ApiserverPodSpecCasesTest {
  private static final Validator RAW = Validator.builder().addRuleSet(RuleSet.kubernetes())
      .defaulting(false).noRequestNamespace().build();
  private static final String PS = "spec.template.spec.";

  @SafeVarargs
  static StatefulSet pod(Consumer<PodSpec>... tweaks) {
    StatefulSet sts = ApiserverStatefulSetCasesTest.base();
    PodSpec spec = sts.getSpec().getTemplate().getSpec();
    spec.getContainers().get(0).setName("ctr");
    for (Consumer<PodSpec> t : tweaks) {
      t.accept(spec);
    }
    return sts;
  }

  static Container container(String name) {
    return new ContainerBuilder().withName(name).withImage("image").withImagePullPolicy("IfNotPresent")
        .withTerminationMessagePolicy("File").build();
  }

  static Consumer<PodSpec> securityContext(Consumer<PodSecurityContext> c) {
    return s -> {
      PodSecurityContext psc = new PodSecurityContext();
      c.accept(psc);
      s.setSecurityContext(psc);
    };
  }

  static Consumer<PodSpec> hostNetworkPort(int hostPort, int containerPort) {
    return s -> {
      s.setHostNetwork(true);
      s.getContainers().get(0).setPorts(new ArrayList<>(List.of(new ContainerPortBuilder().withHostPort(hostPort)
          .withContainerPort(containerPort).withProtocol("TCP").build())));
    };
  }

  static Consumer<PodSpec> hostAlias(String ip, String... hostnames) {
    return s -> s.setHostAliases(new ArrayList<>(List.of(new HostAlias(new ArrayList<>(List.of(hostnames)), ip))));
  }

  static Stream<Arguments> cases() {
    String sc = "k8s-security-context";
    String pods = "k8s-pod-spec";
    Affinity affinity = new AffinityBuilder().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm()
        .addNewMatchExpression().withKey("key2").withOperator("In").withValues("value1", "value2").endMatchExpression()
        .addNewMatchField().withKey("metadata.name").withOperator("In").withValues("host1").endMatchField()
        .endNodeSelectorTerm().endRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(10).withNewPreference()
        .addNewMatchExpression().withKey("foo").withOperator("In").withValues("bar").endMatchExpression()
        .endPreference().endPreferredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().build();
    return Stream.of(
        // successCases
        Arguments.of("populate basic fields, leave defaults for most", pod(), List.of()),
        // "populate all fields" minus activeDeadlineSeconds, which a StatefulSet forbids
        Arguments.of("populate all fields", pod(s -> s.setInitContainers(new ArrayList<>(List.of(container("ictr")))),
            s -> s.setVolumes(new ArrayList<>(List.of(new VolumeBuilder().withName("vol").withNewEmptyDir()
                .endEmptyDir().build()))),
            s -> s.setNodeSelector(new HashMap<>(Map.of("key", "value"))), s -> s.setNodeName("foobar"),
            s -> s.setServiceAccountName("acct")), List.of()),
        Arguments.of("populate HostNetwork", pod(hostNetworkPort(8080, 8080)), List.of()),
        Arguments.of("populate RunAsUser SupplementalGroups FSGroup with minID 0", pod(securityContext(c -> {
          c.setSupplementalGroups(new ArrayList<>(List.of(0L)));
          c.setRunAsUser(0L);
          c.setFsGroup(0L);
        })), List.of()),
        Arguments.of("populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647", pod(securityContext(c -> {
          c.setSupplementalGroups(new ArrayList<>(List.of(2147483647L)));
          c.setRunAsUser(2147483647L);
          c.setFsGroup(2147483647L);
        })), List.of()),
        Arguments.of("populate HostIPC", pod(s -> s.setHostIPC(true)), List.of()),
        Arguments.of("populate HostPID", pod(s -> s.setHostPID(true)), List.of()),
        Arguments.of("populate Affinity", pod(s -> s.setAffinity(affinity)), List.of()),
        Arguments.of("populate HostAliases", pod(hostAlias("12.34.56.78", "host1", "host2")), List.of()),
        Arguments.of("populate HostAliases with foo.bar hostnames",
            pod(hostAlias("12.34.56.78", "host1.foo", "host2.bar")), List.of()),
        Arguments.of("populate HostAliases with HostNetwork",
            pod(hostAlias("12.34.56.78", "host1.foo", "host2.bar"), s -> s.setHostNetwork(true)), List.of()),
        Arguments.of("populate PriorityClassName", pod(s -> s.setPriorityClassName("valid-name")), List.of()),
        Arguments.of("populate ShareProcessNamespace", pod(s -> s.setShareProcessNamespace(true)), List.of()),
        Arguments.of("populate RuntimeClassName", pod(s -> s.setRuntimeClassName("valid-sandbox")), List.of()),
        Arguments.of("populate Overhead", pod(s -> s.setOverhead(new HashMap<>())), List.of()),
        Arguments.of("populate FSGroupChangePolicy", pod(securityContext(c -> c.setFsGroupChangePolicy("Always"))),
            List.of()),
        Arguments.of("resources resize policy for containers", pod(s -> s.getContainers().get(0).setResizePolicy(
            new ArrayList<>(List.of(new ContainerResizePolicy("cpu", "NotRequired"))))), List.of()),
        // failureCases
        Arguments.of("bad volume", pod(s -> s.setVolumes(new ArrayList<>(List.of(new Volume())))), List.of(
            err("k8s-volumes", PS + "volumes[0]", ErrorType.REQUIRED),
            err("k8s-volumes", PS + "volumes[0].name", ErrorType.REQUIRED))),
        Arguments.of("no containers", pod(s -> s.setContainers(new ArrayList<>())),
            List.of(err("k8s-containers", PS + "containers", ErrorType.REQUIRED))),
        Arguments.of("bad container", pod(s -> s.setContainers(new ArrayList<>(List.of(new Container())))), List.of(
            err("k8s-containers", PS + "containers[0].name", ErrorType.REQUIRED),
            err("k8s-containers", PS + "containers[0].image", ErrorType.REQUIRED),
            err("k8s-containers", PS + "containers[0].terminationMessagePolicy", ErrorType.REQUIRED),
            err("k8s-containers", PS + "containers[0].imagePullPolicy", ErrorType.REQUIRED))),
        Arguments.of("bad init container", pod(s -> s.setInitContainers(new ArrayList<>(List.of(new Container())))),
            List.of(
                err("k8s-containers", PS + "initContainers[0].name", ErrorType.REQUIRED),
                err("k8s-containers", PS + "initContainers[0].image", ErrorType.REQUIRED),
                err("k8s-containers", PS + "initContainers[0].terminationMessagePolicy", ErrorType.REQUIRED),
                err("k8s-containers", PS + "initContainers[0].imagePullPolicy", ErrorType.REQUIRED))),
        Arguments.of("bad DNS policy", pod(s -> s.setDnsPolicy("invalid")),
            List.of(err("k8s-pod-dns", PS + "dnsPolicy", ErrorType.NOT_SUPPORTED))),
        Arguments.of("bad service account name", pod(s -> s.setServiceAccountName("invalidName")),
            List.of(err(pods, PS + "serviceAccountName", ErrorType.INVALID))),
        Arguments.of("bad restart policy", pod(s -> s.setRestartPolicy("UnknowPolicy")), List.of(
            err(pods, PS + "restartPolicy", ErrorType.NOT_SUPPORTED),
            err("k8s-statefulset-template-policy", PS + "restartPolicy", ErrorType.NOT_SUPPORTED))),
        Arguments.of("with hostNetwork hostPort unspecified", pod(hostNetworkPort(0, 2600)),
            List.of(err("k8s-containers", PS + "containers[0].ports[0].hostPort", ErrorType.INVALID))),
        Arguments.of("with hostNetwork hostPort not equal to containerPort", pod(hostNetworkPort(8080, 2600)),
            List.of(err("k8s-containers", PS + "containers[0].ports[0].hostPort", ErrorType.INVALID))),
        Arguments.of("with hostAliases with invalid IP", pod(hostAlias("999.999.999.999", "host1", "host2")),
            List.of(err("k8s-pod-dns", PS + "hostAliases[0].ip", ErrorType.INVALID))),
        Arguments.of("with hostAliases with invalid hostname", pod(hostAlias("12.34.56.78", "@#$^#@#$")),
            List.of(err("k8s-pod-dns", PS + "hostAliases[0].hostnames[0]", ErrorType.INVALID))),
        Arguments.of("bad supplementalGroups large than math.MaxInt32",
            pod(securityContext(c -> c.setSupplementalGroups(new ArrayList<>(List.of(2147483648L, 1234L))))),
            List.of(err(sc, PS + "securityContext.supplementalGroups[0]", ErrorType.INVALID))),
        Arguments.of("bad supplementalGroups less than 0",
            pod(securityContext(c -> c.setSupplementalGroups(new ArrayList<>(List.of(-1L, 1234L))))),
            List.of(err(sc, PS + "securityContext.supplementalGroups[0]", ErrorType.INVALID))),
        Arguments.of("bad runAsUser large than math.MaxInt32", pod(securityContext(c -> c.setRunAsUser(2147483648L))),
            List.of(err(sc, PS + "securityContext.runAsUser", ErrorType.INVALID))),
        Arguments.of("bad runAsUser less than 0", pod(securityContext(c -> c.setRunAsUser(-1L))),
            List.of(err(sc, PS + "securityContext.runAsUser", ErrorType.INVALID))),
        Arguments.of("bad fsGroup large than math.MaxInt32", pod(securityContext(c -> c.setFsGroup(2147483648L))),
            List.of(err(sc, PS + "securityContext.fsGroup", ErrorType.INVALID))),
        Arguments.of("bad fsGroup less than 0", pod(securityContext(c -> c.setFsGroup(-1L))),
            List.of(err(sc, PS + "securityContext.fsGroup", ErrorType.INVALID))),
        Arguments.of("bad-active-deadline-seconds", pod(s -> s.setActiveDeadlineSeconds(0L)), List.of(
            err(pods, PS + "activeDeadlineSeconds", ErrorType.INVALID),
            err("k8s-statefulset-template-policy", PS + "activeDeadlineSeconds", ErrorType.FORBIDDEN))),
        Arguments.of("active-deadline-seconds-too-large", pod(s -> s.setActiveDeadlineSeconds(2147483648L)), List.of(
            err(pods, PS + "activeDeadlineSeconds", ErrorType.INVALID),
            err("k8s-statefulset-template-policy", PS + "activeDeadlineSeconds", ErrorType.FORBIDDEN))),
        Arguments.of("bad nodeName", pod(s -> s.setNodeName("node name")),
            List.of(err(pods, PS + "nodeName", ErrorType.INVALID))),
        Arguments.of("bad PriorityClassName", pod(s -> s.setPriorityClassName("InvalidName")),
            List.of(err(pods, PS + "priorityClassName", ErrorType.INVALID))),
        Arguments.of("ShareProcessNamespace and HostPID both set",
            pod(s -> s.setHostPID(true), s -> s.setShareProcessNamespace(true)),
            List.of(err(sc, PS + "securityContext.shareProcessNamespace", ErrorType.INVALID))),
        Arguments.of("bad RuntimeClassName", pod(s -> s.setRuntimeClassName("invalid/sandbox")),
            List.of(err(pods, PS + "runtimeClassName", ErrorType.INVALID))),
        Arguments.of("bad empty fsGroupchangepolicy", pod(securityContext(c -> c.setFsGroupChangePolicy(""))),
            List.of(err(sc, PS + "securityContext.fsGroupChangePolicy", ErrorType.NOT_SUPPORTED))),
        Arguments.of("bad invalid fsgroupchangepolicy", pod(securityContext(c -> c.setFsGroupChangePolicy("invalid"))),
            List.of(err(sc, PS + "securityContext.fsGroupChangePolicy", ErrorType.NOT_SUPPORTED))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void podTemplateGivesTheApiserverVerdict(String name, StatefulSet sts, List<Err> expected) {
    assertThat(errors(RAW.validate(sts))).as(name).containsExactlyInAnyOrderElementsOf(expected);
  }
}
