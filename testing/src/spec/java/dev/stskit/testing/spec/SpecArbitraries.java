package dev.stskit.testing.spec;

import dev.stskit.core.AccessMode;
import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Dns;
import dev.stskit.core.DnsPolicy;
import dev.stskit.core.EnvFrom;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Extras;
import dev.stskit.core.Image;
import dev.stskit.core.Network;
import dev.stskit.core.PodManagementPolicy;
import dev.stskit.core.Probe;
import dev.stskit.core.Projection;
import dev.stskit.core.Protocol;
import dev.stskit.core.PullPolicy;
import dev.stskit.core.Scheme;
import dev.stskit.core.ServicePort;
import dev.stskit.core.ServiceType;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.TrafficPolicy;
import dev.stskit.core.UpdateStrategy;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMode;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.scheduling.LabelRule;
import dev.stskit.core.scheduling.NodeTerm;
import dev.stskit.core.scheduling.Operator;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.scheduling.Topology;
import dev.stskit.core.scheduling.TopologySpread;
import dev.stskit.core.security.LinuxCapabilities;
import dev.stskit.core.security.ContainerSecurity;
import dev.stskit.core.security.PodSecurity;
import dev.stskit.core.security.Profile;
import dev.stskit.core.security.SeLinux;
import dev.stskit.core.security.SysctlSetting;
import dev.stskit.core.units.Cpu;
import dev.stskit.core.units.Memory;
import dev.stskit.core.units.Port;
import dev.stskit.core.units.Storage;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigCatalog;
import dev.stskit.gpu.SchedulingPolicy;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * jqwik arbitraries of {@link StatefulSetSpec}s and their parts, for property tests of code that
 * makes specs (or consumes what they compile to). Every spec drawn builds and compiles; shrinking
 * works as for any jqwik arbitrary.
 *
 * <pre>
 * &#64;Property
 * void everySpecOurAdmissionHookSeesIsAccepted(&#64;ForAll("specs") StatefulSetSpec spec) {
 *   assertThat(hook.admit(spec.compile().statefulSet())).isTrue();
 * }
 *
 * &#64;Provide
 * Arbitrary&lt;StatefulSetSpec&gt; specs() {
 *   return SpecArbitraries.specs();
 * }
 * </pre>
 *
 * <p>Or put {@code @Domain(SpecDomain.class)} on the test class and take {@code @ForAll StatefulSetSpec}.
 */
public final class SpecArbitraries {
  private SpecArbitraries() {}

  /**
   * Whole specs: every part of the form drawn with some probability; at most one container pins GPU nodes.
   *
   * @return the arbitrary
   */
  public static Arbitrary<StatefulSetSpec> specs() {
    return Builders.withBuilder(StatefulSetSpec::builder)
        .use(dnsLabel()).in((b, n) -> b.name(n))
        .use(dnsLabel()).withProbability(0.5).in((b, n) -> b.namespace(n))
        .use(Arbitraries.integers().between(0, 20)).in((b, r) -> b.replicas(r))
        .use(text().filter(d -> !d.isEmpty())).withProbability(0.3).in((b, d) -> b.description(d))
        .use(labels()).withProbability(0.4).in((b, s) -> b.selector(s))
        .use(labels()).withProbability(0.3).in((b, l) -> b.labels(l))
        .use(annotations()).withProbability(0.3).in((b, a) -> b.annotations(a))
        .use(podLabels()).withProbability(0.3).in((b, l) -> b.podLabels(l))
        .use(annotations()).withProbability(0.3).in((b, a) -> b.podAnnotations(a))
        .use(containers().list().ofMinSize(1).ofMaxSize(3).uniqueElements(ContainerSpec::name))
        .in((b, cs) -> b.containers(cs))
        .use(containers().map(SpecArbitraries::asInitContainer).list().ofMaxSize(2).uniqueElements(ContainerSpec::name))
        .withProbability(0.3).in((b, cs) -> b.initContainers(cs))
        .use(dnsLabel().list().ofMaxSize(2)).withProbability(0.2).in((b, s) -> b.imagePullSecrets(s))
        .use(Arbitraries.longs().between(0, 65535)).withProbability(0.3).in((b, u) -> b.runAsUser(u))
        .use(podSecurity()).withProbability(0.3).in((b, s) -> b.podSecurity(s))
        .use(volumes().list().ofMaxSize(4).uniqueElements(Volume::name)).in((b, v) -> b.volumes(v))
        .use(claims().list().ofMaxSize(2).uniqueElements(ClaimTemplate::name))
        .in((b, c) -> b.volumeClaimTemplates(c))
        .use(Arbitraries.of("headless", "mysql-hl")).withProbability(0.3).in((b, s) -> b.serviceName(s))
        .use(services().list().ofMaxSize(2).uniqueElements(AccessService::name)).in((b, s) -> b.services(s))
        .use(networks()).withProbability(0.3).in((b, n) -> b.network(n))
        .use(dns()).withProbability(0.3).in((b, d) -> b.dns(d))
        .use(Arbitraries.oneOf(Arbitraries.integers().between(0, 5).map(UpdateStrategy::rolling),
            Arbitraries.just(UpdateStrategy.recreate())))
        .withProbability(0.4).in((b, u) -> b.updateStrategy(u))
        .use(Arbitraries.integers().between(0, 20)).withProbability(0.3).in((b, r) -> b.revisionHistoryLimit(r))
        .use(Arbitraries.longs().between(0, 9999)).withProbability(0.3)
        .in((b, t) -> b.terminationGracePeriodSeconds(t))
        .use(Arbitraries.of(PodManagementPolicy.class)).withProbability(0.4).in((b, p) -> b.podManagementPolicy(p))
        .use(scheduling()).withProbability(0.5).in((b, s) -> b.scheduling(s))
        .use(extras()).withProbability(0.2).in((b, e) -> b.extras(e))
        .build(StatefulSetSpec.Builder::build)
        .filter(SpecArbitraries::schedulable);
  }

  /** Init containers have no hooks or probes (the spec refuses them). */
  static ContainerSpec asInitContainer(ContainerSpec c) {
    return ContainerSpec.builder().from(c).postStart(java.util.Optional.empty()).preStop(java.util.Optional.empty())
        .livenessProbe(java.util.Optional.empty()).readinessProbe(java.util.Optional.empty())
        .startupProbe(java.util.Optional.empty()).build();
  }

  /**
   * At most one container pins GPU nodes (MIG single, whole cards on a product): two pins of one
   * pod are a conflict the compiler refuses.
   *
   * @param spec a spec
   * @return whether at most one container of the spec pins GPU nodes
   */
  public static boolean schedulable(StatefulSetSpec spec) {
    return java.util.stream.Stream.concat(spec.containers().stream(), spec.initContainers().stream())
        .flatMap(c -> c.gpu().stream())
        .filter(g -> g instanceof GpuRequest.WholeCard w && !w.products().isEmpty()
            || g instanceof GpuRequest.Mig m && m.strategy() == dev.stskit.gpu.MigStrategy.SINGLE)
        .count() <= 1;
  }

  /**
   * Short RFC 1123 labels ({@code a}–{@code zzzzzz}).
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> dnsLabel() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
  }

  /**
   * Free text, including strings a YAML 1.1 reader would take for something else ({@code yes}, {@code 0755}, {@code ~}).
   *
   * @return the arbitrary
   */
  public static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).alpha().numeric().withChars(' ', ':', '-', '#', '\'', '"', '\n'),
        Arbitraries.of("yes", "no", "on", "0755", "1.0", "~", "null", "true", "2001-01-01", "数据库"));
  }

  /**
   * Label maps of one to three entries.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Map<String, String>> labels() {
    return Arbitraries.maps(Arbitraries.of("app", "tier", "app.kubernetes.io/name", "team"),
        dnsLabel()).ofMinSize(1).ofMaxSize(3).map(LinkedHashMap::new);
  }

  /**
   * Pod-template label maps of one or two entries.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Map<String, String>> podLabels() {
    return Arbitraries.maps(Arbitraries.of("version", "track", "example.com/zone"), dnsLabel())
        .ofMinSize(1).ofMaxSize(2).map(LinkedHashMap::new);
  }

  /**
   * Annotation maps of one to three entries with tricky values.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Map<String, String>> annotations() {
    return Arbitraries.maps(Arbitraries.of("example.com/a", "prometheus.io/port", "note"), text())
        .ofMinSize(1).ofMaxSize(3).map(LinkedHashMap::new);
  }

  /**
   * Containers: image, ports, CPU and memory, GPU, hooks, probes, env, mounts.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ContainerSpec> containers() {
    return Builders.withBuilder(ContainerSpec::builder)
        .use(dnsLabel()).in((b, n) -> b.name(n))
        .use(images()).in((b, i) -> b.image(i))
        .use(Arbitraries.of(PullPolicy.class)).withProbability(0.5).in((b, p) -> b.pullPolicy(p))
        .use(text().list().ofMaxSize(3)).withProbability(0.3).in((b, c) -> b.command(c))
        .use(text().list().ofMaxSize(3)).withProbability(0.3).in((b, a) -> b.args(a))
        .use(ports().list().ofMaxSize(2).uniqueElements(ContainerPort::containerPort)).in((b, p) -> b.ports(p))
        .use(Arbitraries.integers().between(1, 4000).map(Cpu::millis)).withProbability(0.5).in((b, c) -> b.cpuRequest(c))
        .use(Arbitraries.of(Cpu.cores(1), Cpu.of("0.5"), Cpu.of("2"))).withProbability(0.5).in((b, c) -> b.cpuLimit(c))
        .use(Arbitraries.integers().between(1, 4096).map(Memory::mebibytes)).withProbability(0.5)
        .in((b, m) -> b.memoryRequest(m))
        .use(Arbitraries.of(Memory.gibibytes(1), Memory.of("1G"), Memory.of("128974848"))).withProbability(0.5)
        .in((b, m) -> b.memoryLimit(m))
        .use(gpus()).withProbability(0.3).in((b, g) -> b.gpu(g))
        .use(Arbitraries.of(true)).withProbability(0.2).in((b, g) -> b.gpuRequestsEqualLimits(g))
        .use(Arbitraries.of(true)).withProbability(0.2).in((b, p) -> b.privileged(p))
        .use(Arbitraries.longs().between(0, 65535)).withProbability(0.2).in((b, u) -> b.runAsUser(u))
        .use(containerSecurity()).withProbability(0.3).in((b, s) -> b.security(s))
        .use(hooks()).withProbability(0.2).in((b, h) -> b.postStart(h))
        .use(hooks()).withProbability(0.2).in((b, h) -> b.preStop(h))
        .use(probes()).withProbability(0.3).in((b, p) -> b.livenessProbe(p))
        .use(probes()).withProbability(0.3).in((b, p) -> b.readinessProbe(p))
        .use(probes()).withProbability(0.2).in((b, p) -> b.startupProbe(p))
        .use(envVars().list().ofMaxSize(5)).in((b, e) -> b.env(e))
        .use(envFroms().list().ofMaxSize(2)).withProbability(0.3).in((b, e) -> b.envFrom(e))
        .use(mounts().list().ofMaxSize(3)).in((b, m) -> b.volumeMounts(m))
        .build(ContainerSpec.Builder::build);
  }

  /**
   * Seccomp and AppArmor profiles: RuntimeDefault, Localhost with a profile, Unconfined.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Profile> profiles() {
    return Arbitraries.of(Profile.runtimeDefault(), Profile.localhost("profiles/audit.json"), Profile.unconfined());
  }

  /**
   * SELinux options, allowed ones ({@code container_t}, a level) and custom ones.
   *
   * @return the arbitrary
   */
  public static Arbitrary<SeLinux> seLinux() {
    return Arbitraries.of(SeLinux.builder().level("s0:c123,c456").build(),
        SeLinux.builder().type("container_t").build(),
        SeLinux.builder().user("system_u").role("system_r").type("spc_t").level("s0").build());
  }

  /**
   * Container security contexts: every field drawn with some probability, including values the
   * restricted Pod Security Standard forbids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ContainerSecurity> containerSecurity() {
    Arbitrary<LinuxCapabilities> caps = Combinators.combine(
            Arbitraries.of("NET_BIND_SERVICE", "NET_ADMIN", "SYS_TIME").list().ofMaxSize(2).uniqueElements(),
            Arbitraries.of("ALL", "NET_RAW", "MKNOD").list().ofMaxSize(2).uniqueElements())
        .as((add, drop) -> LinuxCapabilities.builder().add(add).drop(drop).build());
    return Builders.withBuilder(ContainerSecurity::builder)
        .use(Arbitraries.of(true, false)).withProbability(0.4).in((b, v) -> b.runAsNonRoot(v))
        .use(Arbitraries.longs().between(0, 65535)).withProbability(0.3).in((b, v) -> b.runAsGroup(v))
        .use(Arbitraries.of(true, false)).withProbability(0.4).in((b, v) -> b.allowPrivilegeEscalation(v))
        .use(Arbitraries.of(true, false)).withProbability(0.4).in((b, v) -> b.readOnlyRootFilesystem(v))
        .use(caps).withProbability(0.4).in((b, v) -> b.capabilities(v))
        .use(profiles()).withProbability(0.3).in((b, v) -> b.seccompProfile(v))
        .use(profiles()).withProbability(0.2).in((b, v) -> b.appArmorProfile(v))
        .use(seLinux()).withProbability(0.2).in((b, v) -> b.seLinuxOptions(v))
        .build(ContainerSecurity.Builder::build);
  }

  /**
   * Pod security contexts: every field drawn with some probability, including values the
   * restricted Pod Security Standard forbids.
   *
   * @return the arbitrary
   */
  public static Arbitrary<PodSecurity> podSecurity() {
    return Builders.withBuilder(PodSecurity::builder)
        .use(Arbitraries.of(true, false)).withProbability(0.4).in((b, v) -> b.runAsNonRoot(v))
        .use(Arbitraries.longs().between(0, 65535)).withProbability(0.3).in((b, v) -> b.runAsGroup(v))
        .use(Arbitraries.longs().between(0, 65535)).withProbability(0.4).in((b, v) -> b.fsGroup(v))
        .use(Arbitraries.of("Always", "OnRootMismatch")).withProbability(0.3).in((b, v) -> b.fsGroupChangePolicy(v))
        .use(Arbitraries.longs().between(1, 65535).list().ofMinSize(1).ofMaxSize(2)).withProbability(0.3)
        .in((b, v) -> b.supplementalGroups(v))
        .use(Arbitraries.of(SysctlSetting.of("net.ipv4.ip_unprivileged_port_start", "0"),
            SysctlSetting.of("kernel.msgmax", "65536")).list().ofMinSize(1).ofMaxSize(2).uniqueElements(SysctlSetting::name))
        .withProbability(0.2).in((b, v) -> b.sysctls(v))
        .use(profiles()).withProbability(0.3).in((b, v) -> b.seccompProfile(v))
        .use(profiles()).withProbability(0.2).in((b, v) -> b.appArmorProfile(v))
        .use(seLinux()).withProbability(0.2).in((b, v) -> b.seLinuxOptions(v))
        .build(PodSecurity.Builder::build);
  }

  /**
   * Whole cards (also pinned to products), HAMi vGPU, MIG mixed and single.
   *
   * @return the arbitrary
   */
  public static Arbitrary<GpuRequest> gpus() {
    List<String> profiles = MigCatalog.standard().models().stream()
        .flatMap(m -> m.profileNames().stream()).filter(p -> !p.contains("+")).distinct().toList();
    return Arbitraries.oneOf(
        Arbitraries.integers().between(1, 8).map(GpuRequest::wholeCard),
        Arbitraries.integers().between(1, 8).map(n -> GpuRequest.wholeCard(n, List.of("NVIDIA-A100-SXM4-80GB"))),
        Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 100),
                Arbitraries.longs().between(1, 40960))
            .as((cards, cores, mib) -> (GpuRequest) GpuRequest.vgpu(cards).cores(cores).memoryMiB(mib)
                .nodePolicy(SchedulingPolicy.SPREAD).addModel("A100").build()),
        Combinators.combine(Arbitraries.of(profiles), Arbitraries.integers().between(1, 7))
            .as((p, n) -> (GpuRequest) GpuRequest.mig(p, n)),
        Combinators.combine(Arbitraries.of(MigCatalog.standard().model("A100-SXM4-40GB").profileNames().stream()
                .filter(p -> !p.contains("+")).toList()), Arbitraries.integers().between(1, 7))
            .as((p, n) -> (GpuRequest) GpuRequest.migSingle(p, n, "A100-SXM4-40GB")));
  }

  /**
   * Images: repository with a tag or a digest.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Image> images() {
    Arbitrary<String> repo = Arbitraries.of("mysql", "docker.io/library/nginx", "registry:5000/team/app",
        "docker.m.daocloud.io/bitpoke/mysql-operator-sidecar-5.7");
    return Arbitraries.oneOf(
        repo.map(Image::untagged),
        Combinators.combine(repo, Arbitraries.of("5.7.31", "latest", "v0.6.1", "1")).as(Image::of),
        repo.map(r -> Image.withDigest(r, "sha256:" + "a".repeat(64))));
  }

  /**
   * Container ports.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ContainerPort> ports() {
    return Combinators.combine(Arbitraries.integers().between(1, 65535),
            Arbitraries.of("http", "mysql", "metrics").optional(),
            Arbitraries.of(Protocol.class).optional())
        .as((n, name, proto) -> {
          ContainerPort.Builder b = ContainerPort.builder().containerPort(n);
          name.ifPresent(b::name);
          proto.ifPresent(b::protocol);
          return b.build();
        });
  }

  /**
   * Lifecycle hook actions (exec, HTTP GET, TCP socket).
   *
   * @return the arbitrary
   */
  public static Arbitrary<Action> hooks() {
    return Arbitraries.oneOf(
        text().list().ofMinSize(1).ofMaxSize(3).map(c -> Action.exec(c.toArray(String[]::new))),
        Combinators.combine(Arbitraries.of("/", "/health", "/pre-stop"), Arbitraries.integers().between(1, 65535))
            .as(Action::httpGet),
        Arbitraries.of("web", "http").map(n -> Action.HttpGet.builder().port(Port.named(n))
            .host("127.0.0.1").scheme(Scheme.HTTPS).build()));
  }

  /**
   * Probes with their timings.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Probe> probes() {
    Arbitrary<Action> actions = Arbitraries.oneOf(hooks(),
        Arbitraries.integers().between(1, 65535).map(Action::tcpSocket),
        Arbitraries.integers().between(1, 65535).map(Action::grpc),
        Arbitraries.integers().between(1, 65535).map(p -> Action.Grpc.builder().port(p).service("health").build()));
    Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 120);
    return Builders.withBuilder(Probe::builder)
        .use(actions).in((b, a) -> b.action(a))
        .use(seconds).withProbability(0.5).in((b, s) -> b.initialDelaySeconds(s))
        .use(seconds).withProbability(0.5).in((b, s) -> b.timeoutSeconds(s))
        .use(seconds).withProbability(0.5).in((b, s) -> b.periodSeconds(s))
        .use(seconds).withProbability(0.3).in((b, s) -> b.successThreshold(s))
        .use(seconds).withProbability(0.3).in((b, s) -> b.failureThreshold(s))
        .build(Probe.Builder::build);
  }

  /**
   * Environment variables of every kind the form offers.
   *
   * @return the arbitrary
   */
  public static Arbitrary<EnvVar> envVars() {
    Arbitrary<String> names = Arbitraries.of("A", "MY_POD_NAME", "PASSWORD", "X.Y", "LIMIT");
    io.fabric8.kubernetes.api.model.EnvVar raw = new io.fabric8.kubernetes.api.model.EnvVarBuilder()
        .withName("RAW").withNewValueFrom().withNewFileKeyRef().withKey("k").withPath("p")
        .withVolumeName("v").endFileKeyRef().endValueFrom().build();
    return Arbitraries.oneOf(
        Combinators.combine(names, text()).as(EnvVar::of),
        Combinators.combine(names, Arbitraries.of("metadata.name", "status.podIP", "spec.nodeName"))
            .as(EnvVar::podField),
        Combinators.combine(names, Arbitraries.of("limits.cpu", "requests.memory"), Arbitraries.of("1", "1Mi").optional())
            .as((n, r, d) -> EnvVar.ResourceField.builder().name(n).resource(r).divisor(d).containerName("main").build()),
        Combinators.combine(names, dnsLabel(), dnsLabel()).as(EnvVar::configMapKey),
        Combinators.combine(names, dnsLabel(), dnsLabel(), Arbitraries.of(true, false))
            .as(EnvVar::secretKey),
        Arbitraries.just(EnvVar.raw(raw)));
  }

  /**
   * {@code envFrom} sources (ConfigMap, Secret).
   *
   * @return the arbitrary
   */
  public static Arbitrary<EnvFrom> envFroms() {
    return Arbitraries.oneOf(
        Combinators.combine(dnsLabel(), Arbitraries.of("P_", "X").optional())
            .as((n, p) -> EnvFrom.ConfigMap.builder().configMap(n).prefix(p).build()),
        Combinators.combine(dnsLabel(), Arbitraries.of(true, false).optional())
            .as((n, o) -> EnvFrom.Secret.builder().secret(n).optional(o).build()));
  }

  /**
   * Volume mounts.
   *
   * @return the arbitrary
   */
  public static Arbitrary<VolumeMount> mounts() {
    return Combinators.combine(dnsLabel(), Arbitraries.of("/data", "/etc/mysql", "/var/lib/x"),
            Arbitraries.of("sub", "a/b").optional(), Arbitraries.of(true, false).optional())
        .as((n, p, s, r) -> VolumeMount.builder().name(n).mountPath(p).subPath(s).readOnly(r).build());
  }

  /**
   * Pod volumes of the kinds the form offers.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Volume> volumes() {
    io.fabric8.kubernetes.api.model.Volume projected = new io.fabric8.kubernetes.api.model.VolumeBuilder()
        .withName("podinfo").withNewDownwardAPI().addNewItem().withPath("labels").withNewFieldRef()
        .withFieldPath("metadata.labels").endFieldRef().endItem().endDownwardAPI().build();
    Arbitrary<List<Volume.Item>> items = Combinators.combine(Arbitraries.of("app.conf", "tls.crt", "key"),
            Arbitraries.of("conf/app.conf", "tls.crt", "a/b/c"), Arbitraries.of(256, 420).optional())
        .as((k, p, m) -> m.map(x -> Volume.Item.of(k, p, x)).orElse(Volume.Item.of(k, p)))
        .list().ofMaxSize(2).uniqueElements(Volume.Item::path);
    Arbitrary<Projection> sources = Arbitraries.oneOf(
        Combinators.combine(dnsLabel(), items, Arbitraries.of(true, false).optional())
            .as((c, i, o) -> Projection.ConfigMap.builder().configMap(c).items(i).optional(o).build()),
        Combinators.combine(dnsLabel(), items).as((s, i) -> Projection.Secret.builder().secret(s).items(i).build()),
        Arbitraries.of(Projection.DownwardApi.builder()
            .addItem(Projection.DownwardFile.builder().path("labels").fieldPath("metadata.labels").build())
            .addItem(Projection.DownwardFile.builder().path("mem").resource("limits.memory").containerName("main")
                .divisor("1Mi").mode(256).build()).build()),
        Combinators.combine(Arbitraries.of("vault", "api").optional(), Arbitraries.longs().between(600, 86400).optional())
            .as((a, e) -> Projection.ServiceAccountToken.builder().path("token").audience(a).expirationSeconds(e).build()));
    return Arbitraries.oneOf(
        Combinators.combine(dnsLabel(), dnsLabel(), Arbitraries.of(420, 493, 256).optional(), items)
            .as((n, c, m, i) -> Volume.ConfigMap.builder().name(n).configMap(c).defaultMode(m).items(i).build()),
        Combinators.combine(dnsLabel(), dnsLabel(), Arbitraries.of(true, false).optional(), items,
                Arbitraries.of(256, 288).optional())
            .as((n, s, o, i, m) -> Volume.Secret.builder().name(n).secret(s).optional(o).items(i).defaultMode(m).build()),
        Combinators.combine(dnsLabel(), Arbitraries.of(420, 292).optional(), sources.list().ofMinSize(1).ofMaxSize(3))
            .as((n, m, s) -> Volume.Projected.builder().name(n).defaultMode(m).sources(s).build()),
        Combinators.combine(dnsLabel(), Arbitraries.of(Storage.gibibytes(1), Storage.of("500Mi")),
                Arbitraries.of(AccessMode.class).list().ofMinSize(1).ofMaxSize(2).uniqueElements(),
                Arbitraries.of("fast", "local-path").optional(), labels().optional())
            .as((n, s, a, c, l) -> Volume.Ephemeral.builder().name(n).size(s).accessModes(a).storageClass(c)
                .labels(l.orElse(Map.of())).build()),
        Combinators.combine(dnsLabel(), Arbitraries.of("/var/log", "/dev/shm"),
                Arbitraries.of("Directory", "DirectoryOrCreate").optional())
            .as((n, p, t) -> Volume.HostPath.builder().name(n).path(p).hostPathType(t).build()),
        Combinators.combine(dnsLabel(), Arbitraries.of("Memory").optional(),
                Arbitraries.of(Storage.mebibytes(64), Storage.gibibytes(1)).optional())
            .as((n, m, s) -> Volume.EmptyDir.builder().name(n).medium(m).sizeLimit(s).build()),
        Combinators.combine(dnsLabel(), dnsLabel(), Arbitraries.of(true, false).optional())
            .as((n, c, r) -> Volume.Claim.builder().name(n).claimName(c).readOnly(r).build()),
        Arbitraries.just(Volume.raw(projected)));
  }

  /**
   * Volume claim templates.
   *
   * @return the arbitrary
   */
  public static Arbitrary<ClaimTemplate> claims() {
    return Builders.withBuilder(ClaimTemplate::builder)
        .use(dnsLabel()).in((b, n) -> b.name(n))
        .use(Arbitraries.of(Storage.gibibytes(1), Storage.of("500Mi"), Storage.of("10G"))).in((b, s) -> b.size(s))
        .use(Arbitraries.of(AccessMode.class).list().ofMaxSize(2).uniqueElements()).in((b, m) -> b.accessModes(m))
        .use(Arbitraries.of("local-path", "", "fast")).withProbability(0.5).in((b, s) -> b.storageClass(s))
        .use(Arbitraries.of(VolumeMode.class)).withProbability(0.3).in((b, m) -> b.volumeMode(m))
        .use(labels()).withProbability(0.2).in((b, l) -> b.labels(l))
        .build(ClaimTemplate.Builder::build);
  }

  /**
   * Access Services (ClusterIP, NodePort, LoadBalancer).
   *
   * @return the arbitrary
   */
  public static Arbitrary<AccessService> services() {
    Arbitrary<ServicePort> port = Combinators.combine(
            Arbitraries.of("http", "mysql", "web").optional(),
            Arbitraries.of(Protocol.class),
            Arbitraries.integers().between(1, 65535),
            Arbitraries.oneOf(Arbitraries.integers().between(1, 65535).map(Port::number),
                Arbitraries.of("http", "metrics").map(Port::named)).optional(),
            Arbitraries.integers().between(30000, 32767).optional())
        .as((n, pr, p, t, np) -> ServicePort.builder().name(n).protocol(pr).port(p).targetPort(t).nodePort(np).build());
    return Builders.withBuilder(AccessService::builder)
        .use(Arbitraries.of("svc-a", "svc-b", "mysql-lb")).in((b, n) -> b.name(n))
        .use(Arbitraries.of(ServiceType.class)).in((b, t) -> b.type(t))
        .use(port.list().ofMaxSize(3)).in((b, p) -> b.ports(p))
        .use(labels()).withProbability(0.2).in((b, s) -> b.selector(s))
        .use(Arbitraries.of(true)).withProbability(0.4).in((b, s) -> b.sessionAffinity(s))
        .use(Arbitraries.integers().between(1, 86400)).withProbability(0.3)
        .in((b, t) -> b.sessionAffinityTimeoutSeconds(t))
        .use(Arbitraries.of(TrafficPolicy.class)).withProbability(0.3).in((b, p) -> b.externalTrafficPolicy(p))
        .use(dnsLabel()).withProbability(0.3).in((b, p) -> b.metallbAddressPool(p))
        .use(Arbitraries.of("10.6.0.10", "192.168.1.5").list().ofMinSize(1).ofMaxSize(2).uniqueElements())
        .withProbability(0.3).in((b, ips) -> b.loadBalancerIps(ips))
        .use(labels()).withProbability(0.2).in((b, l) -> b.labels(l))
        .use(annotations()).withProbability(0.2).in((b, a) -> b.annotations(a))
        .build(AccessService.Builder::build);
  }

  /**
   * Secondary network (NIC) settings.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Network> networks() {
    Arbitrary<Network.IpPools> pools = Combinators.combine(
            Arbitraries.of("eth0", "net1").optional(), dnsLabel().list().ofMaxSize(2),
            dnsLabel().list().ofMaxSize(1), Arbitraries.of(true, false).optional())
        .as((i, v4, v6, c) -> Network.IpPools.builder().nic(i).ipv4(v4).ipv6(v6).cleanGateway(c).build());
    return Builders.withBuilder(Network::builder)
        .use(Arbitraries.of("kube-system/calico", "kube-system/macvlan-vlan0")).withProbability(0.5)
        .in((b, d) -> b.defaultNetwork(d))
        .use(Arbitraries.of("kube-system/macvlan-vlan0", "kube-system/sriov").list().ofMinSize(1).ofMaxSize(2))
        .withProbability(0.4).in((b, n) -> b.additionalNetworks(n))
        .use(pools.list().ofMinSize(1).ofMaxSize(2)).withProbability(0.4).in((b, p) -> b.ipPools(p))
        .use(pools.list().ofMinSize(1).ofMaxSize(1)).withProbability(0.2).in((b, p) -> b.subnets(p))
        .use(Arbitraries.integers().between(0, 5)).withProbability(0.3).in((b, f) -> b.flexibleIps(f))
        .use(Arbitraries.of(Network.Route.of("10.0.0.0/16", "192.168.1.1")).list().ofMinSize(1).ofMaxSize(1))
        .withProbability(0.2).in((b, r) -> b.routes(r))
        .build(Network.Builder::build);
  }

  /**
   * DNS settings.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Dns> dns() {
    return Builders.withBuilder(Dns::builder)
        .use(Arbitraries.of(DnsPolicy.class)).withProbability(0.7).in((b, p) -> b.policy(p))
        .use(Arbitraries.of("10.6.175.20", "8.8.8.8").list().ofMinSize(1).ofMaxSize(2)).withProbability(0.4)
        .in((b, n) -> b.nameservers(n))
        .use(Arbitraries.of("svc.cluster.local", "example.com").list().ofMinSize(1).ofMaxSize(2))
        .withProbability(0.3).in((b, s) -> b.searches(s))
        .use(Arbitraries.of(Dns.Option.of("ndots", "2"), Dns.Option.of("edns0")).list().ofMinSize(1).ofMaxSize(2))
        .withProbability(0.3).in((b, o) -> b.options(o))
        .use(Arbitraries.of(Dns.HostAlias.of("10.0.0.1", "db", "db.local")).list().ofMinSize(1).ofMaxSize(1))
        .withProbability(0.3).in((b, h) -> b.hostAliases(h))
        .build(Dns.Builder::build);
  }

  /**
   * Scheduling: node and pod (anti-)affinity terms, tolerations.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Scheduling> scheduling() {
    Arbitrary<LabelRule> rules = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of("gpu", "zone", "disk"), dnsLabel()).as(LabelRule::in),
        Arbitraries.of("gpu", "ssd").map(LabelRule::exists),
        Arbitraries.of("cores").map(k -> LabelRule.of(k, Operator.GT, "4")));
    Arbitrary<PodAffinityRule> podRules = Combinators.combine(
            Arbitraries.integers().between(1, 100).optional(), labels(), rules.list().ofMaxSize(1),
            dnsLabel().list().ofMaxSize(1), Arbitraries.of(Topology.HOSTNAME, Topology.ZONE))
        .as((w, l, e, ns, t) -> PodAffinityRule.builder().weight(w).matchLabels(l)
            .matchExpressions(e.stream().filter(r -> r.operator() != Operator.GT).toList())
            .namespaces(ns).topologyKey(t).build());
    return Builders.withBuilder(Scheduling::builder)
        .use(Arbitraries.longs().between(0, 3600)).withProbability(0.5).in((b, t) -> b.tolerationSeconds(t))
        .use(rules.list().ofMinSize(1).ofMaxSize(2).map(r -> NodeTerm.required(r.toArray(LabelRule[]::new)))
            .list().ofMaxSize(2)).in((b, t) -> b.requiredNodeTerms(t))
        .use(Combinators.combine(Arbitraries.integers().between(1, 100), rules.list().ofMinSize(1).ofMaxSize(2))
            .as((w, r) -> NodeTerm.preferred(w, r.toArray(LabelRule[]::new))).list().ofMaxSize(2))
        .in((b, t) -> b.preferredNodeTerms(t))
        .use(podRules.list().ofMaxSize(2)).in((b, r) -> b.podAffinity(r))
        .use(podRules.list().ofMaxSize(2)).in((b, r) -> b.podAntiAffinity(r))
        .use(topologySpread().list().ofMaxSize(2)).in((b, t) -> b.topologySpreadConstraints(t))
        .build(Scheduling.Builder::build);
  }

  /**
   * Topology spread constraints, every optional field drawn with some probability.
   *
   * @return the arbitrary
   */
  public static Arbitrary<TopologySpread> topologySpread() {
    return Builders.withBuilder(TopologySpread::builder)
        .use(Arbitraries.integers().between(1, 5)).in((b, m) -> b.maxSkew(m))
        .use(Arbitraries.of(Topology.HOSTNAME, Topology.ZONE)).in((b, k) -> b.topologyKey(k))
        .use(Arbitraries.of(TopologySpread.DO_NOT_SCHEDULE, TopologySpread.SCHEDULE_ANYWAY))
        .in((b, w) -> b.whenUnsatisfiable(w))
        .use(labels()).withProbability(0.7).in((b, l) -> b.matchLabels(l))
        .use(Combinators.combine(Arbitraries.of("tier", "track"), dnsLabel()).as(LabelRule::in).list().ofMinSize(1)
            .ofMaxSize(1)).withProbability(0.3).in((b, r) -> b.matchExpressions(r))
        .use(Arbitraries.integers().between(1, 3)).withProbability(0.2).in((b, d) -> b.minDomains(d))
        .use(Arbitraries.of("Honor", "Ignore")).withProbability(0.2).in((b, p) -> b.nodeAffinityPolicy(p))
        .use(Arbitraries.of("Honor", "Ignore")).withProbability(0.2).in((b, p) -> b.nodeTaintsPolicy(p))
        .use(Arbitraries.of("controller-revision-hash").list().ofMinSize(1).ofMaxSize(1)).withProbability(0.2)
        .in((b, k) -> b.matchLabelKeys(k))
        .build(TopologySpread.Builder::build);
  }

  /**
   * Extras: fields the form has no input for, set or omitted verbatim.
   *
   * @return the arbitrary
   */
  public static Arbitrary<Extras> extras() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.of(
        Extras.builder().putSet("spec.minReadySeconds", f.numberNode(10)).build(),
        Extras.builder().putSet("spec.template.spec.securityContext.supplementalGroupsPolicy", f.stringNode("Merge"))
            .build(),
        Extras.builder().putSet("spec.persistentVolumeClaimRetentionPolicy",
            f.objectNode().put("whenDeleted", "Delete").put("whenScaled", "Retain")).build(),
        Extras.builder().addOmit("spec.revisionHistoryLimit").addOmit("spec.template.spec.tolerations").build(),
        Extras.builder().putSet("spec.template.metadata.annotations[example.com/x]", f.stringNode("0755"))
            .putSet("spec.template.spec.containers[0].terminationMessagePolicy", f.stringNode("File"))
            .build());
  }
}
