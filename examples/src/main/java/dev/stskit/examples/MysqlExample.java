package dev.stskit.examples;

import dev.stskit.core.Action;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.CompileOptions;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Dns;
import dev.stskit.core.DnsPolicy;
import dev.stskit.core.EnvFrom;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Manifests;
import dev.stskit.core.Probe;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.VolumeMode;
import dev.stskit.core.AccessMode;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.scheduling.Topology;
import dev.stskit.core.units.Storage;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MySQL StatefulSet of the platform's "Create StatefulSet" page (the YAML example at its end),
 * built with the form's builder. {@link #spec()} holds everything the form has a field for;
 * {@link #options()} adds, with the customizer, the few things the form lacks, so that {@link
 * #manifests()} equals the page's object minus its server-populated fields.
 *
 * <p>Run it to print the spec file of the same workload.
 */
public final class MysqlExample {
  private static final String SIDECAR_IMAGE =
      "docker.m.daocloud.io/bitpoke/mysql-operator-sidecar-5.7:v0.6.1";
  private static final String CLUSTER = "test-mysql-123";
  private static final String OPERATED_SECRET = CLUSTER + "-mysql-operated";
  private static final String SECRET = CLUSTER + "-secret";

  private MysqlExample() {}

  /** The workload as the form fills it. */
  public static StatefulSetSpec spec() {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put("app.kubernetes.io/managed-by", "mysql.presslabs.org");
    selector.put("app.kubernetes.io/name", "mysql");
    selector.put("mysql.presslabs.org/cluster", CLUSTER);

    Map<String, String> podLabels = new LinkedHashMap<>();
    podLabels.put("app.kubernetes.io/component", "database");
    podLabels.put("app.kubernetes.io/instance", CLUSTER);
    podLabels.put("app.kubernetes.io/version", "5.7.31");

    Map<String, String> allPodLabels = new LinkedHashMap<>(selector);
    allPodLabels.putAll(podLabels);

    return StatefulSetSpec.builder()
        .name("test-mysql-123-mysql")
        .namespace("default")
        .replicas(1)
        .selector(selector)
        .podLabels(podLabels)
        .putPodAnnotation("config_rev", "13941099")
        .putPodAnnotation("prometheus.io/port", "9125")
        .putPodAnnotation("prometheus.io/scrape", "true")
        .putPodAnnotation("secret_rev", "13941101")
        .addVolume(Volume.emptyDir("conf"))
        .addVolume(Volume.emptyDir("init-scripts"))
        .addVolume(Volume.ConfigMap.builder().name("config-map").configMap("test-mysql-123-mysql")
            .defaultMode(420).build())
        // shadowed by the claim template of the same name (docs/form.md §18): kept as the page has it
        .addVolume(Volume.claim("data", "data"))
        .addInitContainer(init())
        .addContainer(mysql())
        .addContainer(sidecar())
        .addContainer(metricsExporter())
        .addContainer(ptHeartbeat())
        .runAsUser(999L)
        .dns(Dns.builder().policy(DnsPolicy.CLUSTER_FIRST).build())
        .scheduling(Scheduling.builder()
            .addPodAntiAffinity(PodAffinityRule.builder().weight(100).matchLabels(allPodLabels)
                .topologyKey(Topology.HOSTNAME).build())
            .build())
        .addVolumeClaimTemplate(ClaimTemplate.builder().name("data").size(Storage.gibibytes(1))
            .addAccessMode(AccessMode.READ_WRITE_ONCE).storageClass("local-path")
            .volumeMode(VolumeMode.FILESYSTEM).build())
        .serviceName("mysql")
        .build();
  }

  /**
   * What the form lacks, as a customizer: the pod's {@code fsGroup}, the API defaults the page's
   * exported object echoes ({@code terminationMessagePath/Policy}, {@code restartPolicy}, {@code
   * schedulerName}), the claim's {@code limits.storage}, and no toleration-time tolerations (the
   * page's object was made by the MySQL operator, not by the form, which always writes them).
   */
  public static CompileOptions options() {
    return CompileOptions.builder().customize(MysqlExample::whatTheFormLacks).build();
  }

  /** The StatefulSet and its Services. */
  public static Manifests manifests() {
    return spec().compile(options());
  }

  private static StatefulSet whatTheFormLacks(StatefulSet sts) {
    PodSpec pod = sts.getSpec().getTemplate().getSpec();
    pod.getSecurityContext().setFsGroup(999L);
    pod.setRestartPolicy("Always");
    pod.setSchedulerName("default-scheduler");
    pod.setTolerations(new ArrayList<>());
    List<Container> all = new ArrayList<>(pod.getInitContainers());
    all.addAll(pod.getContainers());
    for (Container c : all) {
      c.setTerminationMessagePath("/dev/termination-log");
      c.setTerminationMessagePolicy("File");
    }
    sts.getSpec().getVolumeClaimTemplates().get(0).getSpec().getResources().getLimits()
        .put("storage", new Quantity("1Gi"));
    return sts;
  }

  private static List<EnvVar> operatorEnv() {
    return List.of(
        EnvVar.podField("MY_NAMESPACE", "metadata.namespace"),
        EnvVar.podField("MY_POD_NAME", "metadata.name"),
        EnvVar.podField("MY_POD_IP", "status.podIP"),
        EnvVar.of("MY_SERVICE_NAME", "mysql"),
        EnvVar.of("MY_CLUSTER_NAME", CLUSTER),
        EnvVar.of("MY_FQDN", "$(MY_POD_NAME).$(MY_SERVICE_NAME).$(MY_NAMESPACE)"),
        EnvVar.of("MY_MYSQL_VERSION", "5.7.31"));
  }

  private static ContainerSpec init() {
    return ContainerSpec.builder()
        .name("init")
        .image(SIDECAR_IMAGE)
        .addArg("clone-and-init")
        .addEnvFrom(EnvFrom.secret(OPERATED_SECRET))
        .env(operatorEnv())
        .addEnv(EnvVar.secretKey("BACKUP_USER", OPERATED_SECRET, "BACKUP_USER", true))
        .addEnv(EnvVar.secretKey("BACKUP_PASSWORD", OPERATED_SECRET, "BACKUP_PASSWORD", true))
        .addVolumeMount(VolumeMount.of("conf", "/etc/mysql"))
        .addVolumeMount(VolumeMount.of("config-map", "/mnt/conf"))
        .addVolumeMount(VolumeMount.of("data", "/var/lib/mysql"))
        .build();
  }

  private static ContainerSpec mysql() {
    return ContainerSpec.builder()
        .name("mysql")
        .image("docker.m.daocloud.io/mysql:5.7.31")
        .addPort(ContainerPort.of("mysql", 3306))
        .env(operatorEnv())
        .addEnv(EnvVar.of("ORCH_CLUSTER_ALIAS", "test-mysql-123.default"))
        .addEnv(EnvVar.of("ORCH_HTTP_API", "http://mysql-operator.mcamel-system/api"))
        .addEnv(EnvVar.secretKey("MYSQL_ROOT_PASSWORD", SECRET, "ROOT_PASSWORD", false))
        .addEnv(EnvVar.secretKey("MYSQL_USER", SECRET, "USER", true))
        .addEnv(EnvVar.secretKey("MYSQL_PASSWORD", SECRET, "PASSWORD", true))
        .addEnv(EnvVar.secretKey("MYSQL_DATABASE", SECRET, "DATABASE", true))
        .cpu("100m", "1")
        .memory("512Mi", "1Gi")
        .addVolumeMount(VolumeMount.of("conf", "/etc/mysql"))
        .addVolumeMount(VolumeMount.of("data", "/var/lib/mysql"))
        .livenessProbe(timings(Probe.builder()
            .action(Action.exec("mysqladmin", "--defaults-file=/etc/mysql/client.conf", "ping")),
            60, 5, 5))
        .readinessProbe(timings(Probe.builder()
            .action(Action.exec("/bin/sh", "-c",
                "test $(mysql --defaults-file=/etc/mysql/client.conf -NB -e 'SELECT COUNT(*) FROM"
                    + " sys_operator.status WHERE name=\"configured\" AND value=\"1\"') -eq 1")),
            5, 5, 2))
        .preStop(Action.exec("bash", "/etc/mysql/pre-shutdown-ha.sh"))
        .build();
  }

  private static ContainerSpec sidecar() {
    return ContainerSpec.builder()
        .name("sidecar")
        .image(SIDECAR_IMAGE)
        .addArg("config-and-serve")
        .addPort(ContainerPort.of("sidecar-http", 8080))
        .addEnvFrom(EnvFrom.secret(OPERATED_SECRET))
        .env(operatorEnv())
        .addEnv(EnvVar.of("XTRABACKUP_TARGET_DIR", "/tmp/xtrabackup_backupfiles/"))
        .cpu("10m", "1")
        .memory("64Mi", "1Gi")
        .addVolumeMount(VolumeMount.of("conf", "/etc/mysql"))
        .addVolumeMount(VolumeMount.of("data", "/var/lib/mysql"))
        .readinessProbe(timings(Probe.builder().action(http("/health", 8080)), 30, 5, 5))
        .build();
  }

  private static ContainerSpec metricsExporter() {
    return ContainerSpec.builder()
        .name("metrics-exporter")
        .image("prom/mysqld-exporter:v0.13.0")
        .addArgs("--web.listen-address=0.0.0.0:9125", "--web.telemetry-path=/metrics",
            "--collect.heartbeat", "--collect.heartbeat.database=sys_operator")
        .addPort(ContainerPort.of("prometheus", 9125))
        .env(operatorEnv())
        .addEnv(EnvVar.secretKey("USER", OPERATED_SECRET, "METRICS_EXPORTER_USER", false))
        .addEnv(EnvVar.secretKey("PASSWORD", OPERATED_SECRET, "METRICS_EXPORTER_PASSWORD", false))
        .addEnv(EnvVar.of("DATA_SOURCE_NAME", "$(USER):$(PASSWORD)@(127.0.0.1:3306)/"))
        .cpu("10m", "100m")
        .memory("32Mi", "128Mi")
        .livenessProbe(timings(Probe.builder().action(http("/metrics", 9125)), 30, 30, 30))
        .build();
  }

  private static ContainerSpec ptHeartbeat() {
    return ContainerSpec.builder()
        .name("pt-heartbeat")
        .image(SIDECAR_IMAGE)
        .addArgs("pt-heartbeat", "--update", "--replace", "--check-read-only", "--create-table",
            "--database", "sys_operator", "--table", "heartbeat", "--utc", "--defaults-file",
            "/etc/mysql/heartbeat.conf", "--fail-successive-errors=20")
        .env(operatorEnv())
        .cpu("10m", "100m")
        .memory("32Mi", "64Mi")
        .addVolumeMount(VolumeMount.of("conf", "/etc/mysql"))
        .build();
  }

  private static Action http(String path, int port) {
    return Action.HttpGet.builder().path(path).port(dev.stskit.core.units.Port.number(port))
        .scheme(dev.stskit.core.Scheme.HTTP).build();
  }

  /** The page writes every timing; success 1 and failure 3 are Kubernetes' defaults. */
  private static Probe timings(Probe.Builder probe, int delay, int timeout, int period) {
    return probe.initialDelaySeconds(delay).timeoutSeconds(timeout).periodSeconds(period)
        .successThreshold(1).failureThreshold(3).build();
  }

  /** Prints the spec file of this workload (what the form's builder holds) as YAML. */
  public static void main(String[] args) {
    System.out.print(dev.stskit.core.SpecFiles.writeYaml(spec()));
  }
}
