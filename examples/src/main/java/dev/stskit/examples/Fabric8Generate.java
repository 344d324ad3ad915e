package dev.stskit.examples;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The baseline {@link Generate} is measured against: the same workloads written with fabric8's
 * builders by hand (StatefulSet, headless Service, access Service; the GPU as the resource limits
 * sts-kit's mappers produce) and serialized with {@code Serialization.asYaml} — what a generator
 * without sts-kit does. It does not validate (fabric8 has no validator) and does not strip server
 * fields or quote for YAML 1.1, so it does less than {@code Generate}.
 *
 * <pre>
 * java -Xmx64m -cp $CP dev.stskit.examples.Fabric8Generate 100000 &gt; /dev/null
 * java -Xmx64m -cp $CP dev.stskit.examples.Fabric8Generate --read DIR    # Serialization.unmarshal of every file
 * </pre>
 *
 * <p>{@code --read DIR} is the baseline of {@code sts-kit validate DIR}: every {@code *.yaml} file
 * under DIR read with {@code Serialization.unmarshal}, one document at a time (no strict checks, no
 * positions, no validation).
 */
public final class Fabric8Generate {
  private Fabric8Generate() {}

  /** Workload {@code i} as fabric8 objects, built by hand. */
  public static List<HasMetadata> objects(int i) {
    String name = "gen-" + Integer.toString(i, 36) + "-" + (i % 3 == 0 ? "db" : i % 3 == 1 ? "web" : "llm");
    String ns = "team-" + i % 17;
    int port = 8000 + i % 1000;
    Map<String, String> selector = Map.of("app", name);
    Map<String, String> podLabels = new LinkedHashMap<>(selector);
    podLabels.put("generation", Integer.toString(i / 1000));
    Probe http = new ProbeBuilder().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(port)).endHttpGet()
        .withPeriodSeconds(5 + i % 10).build();
    Probe live = i % 2 == 0
        ? new ProbeBuilder().withNewTcpSocket().withPort(new IntOrString(port)).endTcpSocket()
            .withPeriodSeconds(10 + i % 20).withFailureThreshold(3).build()
        : new ProbeBuilder().withNewHttpGet().withPath("/healthz").withPort(new IntOrString(port)).endHttpGet()
            .withPeriodSeconds(10 + i % 20).withFailureThreshold(3).build();
    List<EnvVar> env = new ArrayList<>();
    for (int e = 0; e < 1 + i % 8; e++) {
      env.add(new EnvVar("SETTING_" + e, "value-" + i + "-" + e, null));
    }
    env.add(new EnvVarBuilder().withName("POD_NAME").withNewValueFrom().withNewFieldRef()
        .withFieldPath("metadata.name").endFieldRef().endValueFrom().build());
    if (i % 5 == 0) {
      env.add(new EnvVarBuilder().withName("API_TOKEN").withNewValueFrom().withNewSecretKeyRef()
          .withName("api-" + i % 13).withKey("token").withOptional(true).endSecretKeyRef().endValueFrom().build());
    }
    Map<String, Quantity> limits = new LinkedHashMap<>();
    limits.put("cpu", new Quantity((1 + i % 4) + ""));
    limits.put("memory", new Quantity((256 << (i % 4)) + "Mi"));
    limits.putAll(gpu(i));
    ContainerBuilder main = new ContainerBuilder().withName("main")
        .withImage("registry.local/team-" + i % 17 + "/app:1." + i % 50 + "." + i % 7)
        .addNewPort().withName("http").withContainerPort(port).withProtocol("TCP").endPort()
        .withEnv(env)
        .withNewResources().withRequests(Map.of("cpu", new Quantity((100 + i % 9 * 50) + "m"),
            "memory", new Quantity((128 << (i % 4)) + "Mi"))).withLimits(limits).endResources()
        .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
        .addNewVolumeMount().withName("config").withMountPath("/etc/app").endVolumeMount()
        .withReadinessProbe(http).withLivenessProbe(live);
    if (i % 4 == 0) {
      main.withNewStartupProbe().withNewExec().withCommand("cat", "/tmp/ready").endExec()
          .withPeriodSeconds(10).withFailureThreshold(30).endStartupProbe();
    }
    StatefulSetBuilder sts = new StatefulSetBuilder()
        .withNewMetadata().withName(name).withNamespace(ns)
        .withAnnotations(Map.of("kpanda.io/describe", "generated workload " + i)).endMetadata()
        .withNewSpec().withReplicas(1 + i % 5).withServiceName(name).withNewSelector()
        .withMatchLabels(selector).endSelector()
        .withNewTemplate().withNewMetadata().withLabels(podLabels).endMetadata().withNewSpec()
        .addToContainers(main.build())
        .addNewVolume().withName("config").withNewConfigMap().withName(name + "-config").endConfigMap().endVolume()
        .endSpec().endTemplate()
        .addNewVolumeClaimTemplate().withNewMetadata().withName("data").endMetadata().withNewSpec()
        .withAccessModes("ReadWriteOnce").withStorageClassName(i % 2 == 0 ? "local-path" : "fast-ssd")
        .withNewResources().withRequests(Map.of("storage", new Quantity((1 + i % 100) + "Gi"))).endResources()
        .endSpec().endVolumeClaimTemplate()
        .endSpec();
    if (i % 3 == 1) {
      sts.editSpec().editTemplate().editSpec()
          .addNewVolume().withName("tls").withNewSecret().withSecretName(name + "-tls").endSecret().endVolume()
          .addNewContainer().withName("proxy").withImage("envoyproxy/envoy:v1.31." + i % 5)
          .addNewPort().withName("https").withContainerPort(8443).withProtocol("TCP").endPort()
          .withNewResources().withRequests(Map.of("cpu", new Quantity("50m"), "memory", new Quantity("64Mi")))
          .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("256Mi"))).endResources()
          .addNewVolumeMount().withName("tls").withMountPath("/etc/tls").endVolumeMount().endContainer()
          .endSpec().endTemplate().endSpec();
    }
    StatefulSet statefulSet = sts.build();
    Service headless = new ServiceBuilder().withNewMetadata().withName(name).withNamespace(ns).endMetadata()
        .withNewSpec().withClusterIP("None").withSelector(selector)
        .addNewPort().withName("http").withPort(port).withTargetPort(new IntOrString(port)).endPort().endSpec().build();
    List<HasMetadata> out = new ArrayList<>(List.of(headless));
    if (i % 2 == 1) {
      out.add(new ServiceBuilder().withNewMetadata().withName(name + "-api").withNamespace(ns).endMetadata()
          .withNewSpec().withType("ClusterIP").withSelector(selector)
          .addNewPort().withName("http").withPort(port).withTargetPort(new IntOrString(port)).endPort()
          .endSpec().build());
    }
    out.add(statefulSet);
    return out;
  }

  /** The limits sts-kit's DCE profile gives the GPU modes of {@link Generate}, written by hand. */
  private static Map<String, Quantity> gpu(int i) {
    return switch (i % 7) {
      case 1 -> Map.of("nvidia.com/gpu", new Quantity((1 + i % 4) + ""));
      case 2 -> Map.of("nvidia.com/vgpu", new Quantity("1"), "nvidia.com/gpucores", new Quantity((10 + i % 90) + ""),
          "nvidia.com/gpumem", new Quantity((1024 + i % 16 * 512) + ""),
          "nvidia.com/priority", new Quantity(i % 2 == 0 ? "0" : "1"));
      case 3 -> Map.of(i % 2 == 0 ? "nvidia.com/mig-1g.10gb" : "nvidia.com/mig-3g.40gb", new Quantity("1"));
      case 4 -> Map.of("nvidia.com/gpu", new Quantity((1 + i % 2) + ""));
      case 5 -> Map.of("nvidia.com/vgpu", new Quantity("1"), "nvidia.com/gpumem", new Quantity("8000"));
      case 6 -> Map.of("huawei.com/Ascend910B3", new Quantity("1"));
      default -> Map.of();
    };
  }

  /** {@code Fabric8Generate N} or {@code Fabric8Generate --read DIR}. */
  public static void main(String[] args) throws IOException {
    long start = System.nanoTime();
    long count = 0;
    long chars = 0;
    if (args.length == 2 && args[0].equals("--read")) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(Path.of(args[1]))) {
        files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
      for (Path f : files) {
        for (String doc : Files.readString(f).split("(?m)^---$\n?")) {
          if (!doc.isBlank()) {
            HasMetadata o = Serialization.unmarshal(doc, HasMetadata.class);
            chars += o.getMetadata().getName().length();
            count++;
          }
        }
      }
      report("read " + count + " documents of " + files.size() + " files with Serialization.unmarshal", files.size(),
          start);
      return;
    }
    if (args.length != 1) {
      System.err.println("usage: Fabric8Generate N | --read DIR");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), 1 << 16);
    for (int i = 0; i < n; i++) {
      for (HasMetadata o : objects(i)) {
        String yaml = Serialization.asYaml(o);
        out.write(yaml);
        chars += yaml.length();
        count++;
      }
    }
    out.flush();
    report(n + " workloads (" + count + " objects, " + chars + " characters) built with fabric8 builders and"
        + " written with Serialization.asYaml", n, start);
  }

  private static void report(String what, long units, long start) {
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(Locale.ROOT, "fabric8: %s in %.1f s: %.0f/s; max heap %d MB%n", what, seconds, units / seconds,
        Runtime.getRuntime().maxMemory() >> 20);
  }
}
