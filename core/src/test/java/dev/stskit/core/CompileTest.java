package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.NodeTerm;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.scheduling.Topology;
import dev.stskit.core.units.Port;
import dev.stskit.core.units.Storage;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.SchedulingPolicy;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompileTest {
  private static StatefulSetSpec.Builder minimal() {
    return StatefulSetSpec.builder().name("web").addContainer(ContainerSpec.of("nginx", "nginx:1.27"));
  }

  @Test
  void writesTheFormDefaults() {
    StatefulSet sts = minimal().build().compile().statefulSet();

    assertThat(sts.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(sts.getSpec().getReplicas()).isEqualTo(1);
    assertThat(sts.getSpec().getRevisionHistoryLimit()).isEqualTo(10);
    assertThat(sts.getSpec().getPodManagementPolicy()).isEqualTo("OrderedReady");
    assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("RollingUpdate");
    assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate().getPartition()).isZero();
    assertThat(sts.getSpec().getServiceName()).isEqualTo("web");
    assertThat(sts.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isEqualTo(30L);
    Container c = sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("nginx:1.27");
    assertThat(c.getImagePullPolicy()).isEqualTo("IfNotPresent");
    assertThat(sts.getSpec().getTemplate().getSpec().getTolerations())
        .extracting(Toleration::getKey, Toleration::getOperator, Toleration::getEffect, Toleration::getTolerationSeconds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("node.kubernetes.io/not-ready", "Exists", "NoExecute", 300L),
            org.assertj.core.groups.Tuple.tuple("node.kubernetes.io/unreachable", "Exists", "NoExecute", 300L));
  }

  @Test
  void generatesTheSelectorAppNameAndKeepsItCoherent() {
    Manifests m = minimal().putPodLabel("version", "v1").build().compile();
    Map<String, String> selector = m.statefulSet().getSpec().getSelector().getMatchLabels();

    assertThat(selector).containsExactly(Map.entry("app", "web"));
    assertThat(m.statefulSet().getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app", "web").containsEntry("version", "v1");
    assertThat(m.governingService().getSpec().getSelector()).isEqualTo(selector);
  }

  @Test
  void alwaysPullWritesAlways() {
    StatefulSet sts = StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.builder().name("nginx").image("nginx").alwaysPull(true).build())
        .build().compile().statefulSet();
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("Always");
  }

  @Test
  void descriptionGoesToTheConfiguredAnnotation() {
    assertThat(minimal().description("订单数据库").build().compile().statefulSet().getMetadata().getAnnotations())
        .containsEntry("kpanda.io/describe", "订单数据库");
    assertThat(minimal().description("d").descriptionAnnotation("example.com/description").build()
            .compile().statefulSet().getMetadata().getAnnotations())
        .containsOnlyKeys("example.com/description");
  }

  @Test
  void descriptionConflictingWithAHandWrittenAnnotationThrowsNamingBothSides() {
    StatefulSetSpec spec = minimal().description("new").putAnnotation("kpanda.io/describe", "old").build();
    assertThatThrownBy(spec::compile)
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("metadata.annotations[kpanda.io/describe]")
        .hasMessageContaining("old").hasMessageContaining("new");
  }

  @Test
  void recreateBecomesOnDelete() {
    StatefulSet sts = minimal().updateStrategy(UpdateStrategy.recreate()).build().compile().statefulSet();
    assertThat(sts.getSpec().getUpdateStrategy().getType()).isEqualTo("OnDelete");
    assertThat(sts.getSpec().getUpdateStrategy().getRollingUpdate()).isNull();
  }

  @Test
  void governingServiceIsHeadlessWithTheContainerPorts() {
    Service gov = StatefulSetSpec.builder().name("db").serviceName("db-hl")
        .addContainer(ContainerSpec.builder().name("mysql").image("mysql:8.4")
            .addPort(ContainerPort.of("mysql", 3306)).build())
        .build().compile().governingService();

    assertThat(gov.getMetadata().getName()).isEqualTo("db-hl");
    assertThat(gov.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(gov.getSpec().getPorts()).singleElement()
        .satisfies(p -> {
          assertThat(p.getName()).isEqualTo("mysql");
          assertThat(p.getPort()).isEqualTo(3306);
          assertThat(p.getProtocol()).isEqualTo("TCP");
        });
  }

  @Test
  void accessServiceCarriesTypePortsAffinityAndMetalLb() {
    Manifests m = minimal()
        .addService(AccessService.builder().name("web-lb").type(ServiceType.LOAD_BALANCER)
            .addPort(ServicePort.builder().name("http").port(80).targetPort(Port.number(8080)).build())
            .sessionAffinity(true).externalTrafficPolicy(TrafficPolicy.LOCAL)
            .metallbAddressPool("pool-a").addLoadBalancerIp("10.6.0.10").build())
        .build().compile();
    Service lb = m.accessServices().get(0);

    assertThat(lb.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(lb.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
    assertThat(lb.getSpec().getSessionAffinityConfig().getClientIP().getTimeoutSeconds()).isEqualTo(30);
    assertThat(lb.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
    assertThat(lb.getSpec().getPorts().get(0).getTargetPort()).isEqualTo(new IntOrString(8080));
    assertThat(lb.getMetadata().getAnnotations())
        .containsEntry("metallb.universe.tf/address-pool", "pool-a")
        .containsEntry("metallb.universe.tf/loadBalancerIPs", "10.6.0.10");
    assertThat(lb.getSpec().getSelector()).containsExactly(Map.entry("app", "web"));
    // container ports follow the Service ports
    assertThat(m.statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0).getPorts())
        .singleElement().satisfies(p -> {
          assertThat(p.getContainerPort()).isEqualTo(8080);
          assertThat(p.getName()).isEqualTo("http");
        });
    assertThat(m.all()).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactly("Service/web", "Service/web-lb", "StatefulSet/web");
  }

  @Test
  void sessionAffinityOffWritesNone() {
    Service svc = minimal().addService(AccessService.builder().name("web-svc").addPort(ServicePort.of("http", 80)).build())
        .build().compile().accessServices().get(0);
    assertThat(svc.getSpec().getSessionAffinity()).isEqualTo("None");
    assertThat(svc.getSpec().getSessionAffinityConfig()).isNull();
    assertThat(svc.getSpec().getType()).isEqualTo("ClusterIP");
  }

  @Test
  void wholeCardGpuGoesToLimitsOnly() {
    StatefulSet sts = StatefulSetSpec.builder().name("train")
        .addContainer(ContainerSpec.builder().name("pytorch").image("pytorch/pytorch:2.4.0")
            .gpu(GpuRequest.wholeCard(2)).build())
        .build().compile().statefulSet();
    var resources = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    assertThat(resources.getLimits()).containsEntry("nvidia.com/gpu", new Quantity("2"));
    assertThat(resources.getRequests()).doesNotContainKey("nvidia.com/gpu");
    assertThat(sts.getMetadata().getAnnotations()).isEmpty();
  }

  @Test
  void liftDetectsTheWholeCardGpuAndConsumesEqualRequests() {
    StatefulSet sts = StatefulSetSpec.builder().name("train")
        .addContainer(ContainerSpec.builder().name("pytorch").image("pytorch/pytorch:2.4.0")
            .gpu(GpuRequest.wholeCard(4)).gpuRequestsEqualLimits(true).build())
        .build().compile().statefulSet();
    ContainerSpec lifted = StatefulSetSpec.lift(sts).spec().containers().get(0);
    assertThat(lifted.gpu()).contains(GpuRequest.wholeCard(4));
    assertThat(lifted.gpuRequestsEqualLimits()).isTrue();
  }

  @Test
  void vgpuAnnotationsGoToThePodTemplateOnly() {
    StatefulSet sts = StatefulSetSpec.builder().name("infer")
        .addContainer(ContainerSpec.builder().name("server").image("vllm/vllm-openai:v0.6.0")
            .gpu(GpuRequest.vgpu(1).cores(30).memoryMiB(4096).nodePolicy(SchedulingPolicy.BINPACK).build())
            .build())
        .build().compile().statefulSet();
    assertThat(sts.getMetadata().getAnnotations()).isEmpty();
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("hami.io/node-scheduler-policy", "binpack");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getLimits())
        .containsEntry("nvidia.com/gpucores", new Quantity("30"))
        .containsEntry("nvidia.com/gpumem", new Quantity("4096"));
  }

  @Test
  void migSingleStrategyIsAndedIntoEveryRequiredNodeTerm() {
    StatefulSet sts = minimal()
        .containers(List.of(ContainerSpec.builder().name("t").image("pytorch")
            .gpu(GpuRequest.migSingle("1g.10gb", 1, "A100-SXM4-80GB")).build()))
        .scheduling(Scheduling.builder()
            .addRequiredNodeTerm(NodeTerm.required(LabelRule.in("zone", "a")))
            .addRequiredNodeTerm(NodeTerm.required(LabelRule.in("zone", "b")))
            .build())
        .build().compile().statefulSet();
    var terms = sts.getSpec().getTemplate().getSpec().getAffinity().getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
    assertThat(terms).hasSize(2).allSatisfy(t -> assertThat(t.getMatchExpressions())
        .anySatisfy(r -> assertThat(r.getKey()).isEqualTo("nvidia.com/gpu.product")));

    StatefulSetSpec lifted = StatefulSetSpec.lift(sts).spec();
    assertThat(lifted.containers().get(0).gpu()).contains(GpuRequest.migSingle("1g.10gb", 1, "A100-SXM4-80GB"));
    assertThat(lifted.scheduling().requiredNodeTerms()).allSatisfy(t -> assertThat(t.rules())
        .noneSatisfy(r -> assertThat(r.key()).isEqualTo("nvidia.com/gpu.product")));
    assertThat(lifted.extras()).isEqualTo(Extras.none());
  }

  @Test
  void twoGpuRequestsWantingDifferentPodAnnotationsConflict() {
    StatefulSetSpec spec = StatefulSetSpec.builder().name("infer")
        .addContainer(ContainerSpec.builder().name("a").image("x")
            .gpu(GpuRequest.vgpu(1).nodePolicy(SchedulingPolicy.BINPACK).build()).build())
        .addContainer(ContainerSpec.builder().name("b").image("x")
            .gpu(GpuRequest.vgpu(1).nodePolicy(SchedulingPolicy.SPREAD).build()).build())
        .build();
    assertThatThrownBy(spec::compile)
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("spec.template.metadata.annotations[hami.io/node-scheduler-policy]")
        .hasMessageContaining("binpack").hasMessageContaining("spread");
  }

  @Test
  void networkSettingsBecomePodTemplateAnnotations() {
    StatefulSet sts = minimal().network(Network.builder()
            .defaultNetwork("kube-system/calico")
            .addAdditionalNetwork("kube-system/macvlan-vlan0")
            .addIpPool(Network.IpPools.builder().nic("eth0").addIpv4("default-v4").build())
            .addIpPool(Network.IpPools.builder().nic("net1").addIpv4("vlan0-v4").cleanGateway(false).build())
            .flexibleIps(1)
            .build())
        .build().compile().statefulSet();
    assertThat(sts.getSpec().getTemplate().getMetadata().getAnnotations())
        .containsEntry("v1.multus-cni.io/default-network", "kube-system/calico")
        .containsEntry("k8s.v1.cni.cncf.io/networks", "kube-system/macvlan-vlan0")
        .containsEntry("ipam.spidernet.io/ippools",
            "[{\"interface\":\"eth0\",\"ipv4\":[\"default-v4\"]},"
                + "{\"interface\":\"net1\",\"ipv4\":[\"vlan0-v4\"],\"cleangateway\":false}]")
        .containsEntry("ipam.spidernet.io/ippool-ip-number", "+1");
    assertThat(sts.getMetadata().getAnnotations()).isEmpty();
  }

  @Test
  void schedulingBecomesAffinityAndTolerations() {
    StatefulSet sts = minimal().scheduling(Scheduling.builder()
            .tolerationSeconds(60)
            .addRequiredNodeTerm(NodeTerm.required(LabelRule.in("gpu.model", "A100")))
            .addPreferredNodeTerm(NodeTerm.preferred(50, LabelRule.exists("ssd")))
            .addPodAntiAffinity(PodAffinityRule.builder().weight(100).putMatchLabel("app", "web")
                .topologyKey(Topology.HOSTNAME).build())
            .build())
        .build().compile().statefulSet();
    var pod = sts.getSpec().getTemplate().getSpec();
    assertThat(pod.getTolerations()).extracting(Toleration::getTolerationSeconds).containsOnly(60L);
    assertThat(pod.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms().get(0).getMatchExpressions().get(0).getValues()).containsExactly("A100");
    assertThat(pod.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().get(0)
        .getWeight()).isEqualTo(50);
    assertThat(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution().get(0)
        .getPodAffinityTerm().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
    assertThat(pod.getAffinity().getPodAffinity()).isNull();
  }

  @Test
  void claimTemplateDefaultsToReadWriteOnce() {
    StatefulSet sts = minimal().addVolumeClaimTemplate(ClaimTemplate.of("data", Storage.gibibytes(20))).build()
        .compile().statefulSet();
    var claim = sts.getSpec().getVolumeClaimTemplates().get(0);
    assertThat(claim.getMetadata().getName()).isEqualTo("data");
    assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
    assertThat(claim.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("20Gi"));
  }

  @Test
  void extrasAreAppliedBeforeTheCustomizerWhichRunsLast() {
    StatefulSetSpec spec = minimal()
        .extras(Extras.builder()
            .putSet("spec.minReadySeconds", tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(5))
            .addOmit("spec.revisionHistoryLimit").build())
        .build();
    StatefulSet sts = spec.compile(CompileOptions.builder()
        .customize(s -> new StatefulSetBuilder(s).editSpec().withMinReadySeconds(s.getSpec().getMinReadySeconds() * 2)
            .endSpec().build())
        .build()).statefulSet();
    assertThat(sts.getSpec().getMinReadySeconds()).isEqualTo(10);
    assertThat(sts.getSpec().getRevisionHistoryLimit()).isNull();
  }

  @Test
  void manifestsHandOutCopies() {
    Manifests m = minimal().build().compile();
    m.statefulSet().getSpec().setReplicas(7);
    assertThat(m.statefulSet().getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void hooksTakeExecOrHttpGetOnly() {
    assertThatThrownBy(() -> ContainerSpec.builder().name("a").image("a").preStop(Action.tcpSocket(80)).build())
        .isInstanceOf(SpecException.class).hasMessageStartingWith("container \"a\": lifecycle: ");
  }

  @Test
  void initContainersCompileInOrder() {
    StatefulSet sts = minimal().addInitContainer(ContainerSpec.of("init-a", "busybox"))
        .addInitContainer(ContainerSpec.of("init-b", "busybox")).build().compile().statefulSet();
    assertThat(sts.getSpec().getTemplate().getSpec().getInitContainers()).extracting(Container::getName)
        .isEqualTo(List.of("init-a", "init-b"));
  }

  @Test
  void extraThatDoesNotFitItsKubernetesTypeNamesTheExtras() {
    StatefulSetSpec spec = StatefulSetSpec.builder().name("web")
        .addContainer(ContainerSpec.of("web", "nginx:1.27"))
        .extras(Extras.builder()
            .putSet("spec.minReadySeconds", tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("x"))
            .build())
        .build();

    assertThatThrownBy(spec::compile)
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).path()).isEqualTo("extras.set[spec.minReadySeconds]"))
        .hasMessageContaining("spec.minReadySeconds: expected a 32-bit integer, got the string \"x\"");
  }

  @Test
  void twoGpuRequestsPinningDifferentProductsConflictNamingBoth() {
    StatefulSetSpec spec = StatefulSetSpec.builder().name("train")
        .addContainer(ContainerSpec.builder().name("a").image("pytorch:2")
            .gpu(GpuRequest.migSingle("1g.5gb", 1, "A100-SXM4-40GB")).build())
        .addContainer(ContainerSpec.builder().name("b").image("pytorch:2")
            .gpu(GpuRequest.wholeCard(1, List.of("NVIDIA-A100-SXM4-80GB"))).build())
        .build();

    assertThatThrownBy(spec::compile)
        .isInstanceOf(SpecException.class)
        .satisfies(e -> assertThat(((SpecException) e).path())
            .isEqualTo("spec.template.spec.containers[1].resources.limits"))
        .hasMessageContaining("containers[0]").hasMessageContaining("nvidia.com/gpu.product");
  }
}
