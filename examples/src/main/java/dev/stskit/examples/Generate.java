package dev.stskit.examples;

import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Manifests;
import dev.stskit.core.Probe;
import dev.stskit.core.ServicePort;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.units.Storage;
import dev.stskit.gpu.AcceleratorVendor;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.SchedulingPolicy;
import dev.stskit.gpu.TaskPriority;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Report;
import dev.stskit.validation.Validator;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A generator service in miniature: builds {@code N} StatefulSets with the form's builder (varied
 * names, namespaces, replicas, GPU modes — none, whole cards, HAMi vGPU, MIG mixed and single,
 * HAMi dynamic MIG, Ascend —, env vars of several kinds, config-map, secret and claim-template
 * volumes, startup/readiness/liveness probes, an access Service on some), compiles each, validates
 * it with the {@code kubernetes} and {@code gpu} rule sets and renders its Services and StatefulSet
 * apply-ready to one stream — one workload at a time, nothing kept, so it runs in a small heap
 * whatever {@code N}:
 *
 * <pre>
 * java -Xmx64m -cp $CP dev.stskit.examples.Generate 100000 &gt; /dev/null
 * java -cp $CP dev.stskit.examples.Generate 10000 --dir /tmp/sts   # one file per workload instead
 * </pre>
 *
 * <p>stdout gets the YAML (or {@code --dir DIR} gets {@code gen-00000.yaml} …, one file each); stderr
 * gets one line: workloads, objects, bytes, seconds and workloads a second. Exit code 1 if any
 * workload had an error finding (none should: the generator makes valid workloads).
 */
public final class Generate {
  private static final String[] GPU_MODES = {"none", "whole", "vgpu", "mig", "mig-single", "dynamic-mig", "ascend"};

  private Generate() {}

  /** Workload {@code i}: the same {@code i} gives the same workload. */
  public static StatefulSetSpec spec(int i) {
    String name = "gen-" + Integer.toString(i, 36) + "-" + (i % 3 == 0 ? "db" : i % 3 == 1 ? "web" : "llm");
    int port = 8000 + i % 1000;
    Action http = Action.httpGet("/healthz", port);
    ContainerSpec.Builder main = ContainerSpec.builder()
        .name("main")
        .image("registry.local/team-" + i % 17 + "/app:1." + i % 50 + "." + i % 7)
        .cpu((100 + i % 9 * 50) + "m", (1 + i % 4) + "")
        .memory((128 << (i % 4)) + "Mi", (256 << (i % 4)) + "Mi")
        .addPort(ContainerPort.of("http", port))
        .readinessProbe(Probe.builder().action(http).periodSeconds(5 + i % 10).build())
        .livenessProbe(Probe.builder().action(i % 2 == 0 ? Action.tcpSocket(port) : http)
            .periodSeconds(10 + i % 20).failureThreshold(3).build());
    if (i % 4 == 0) {
      main.startupProbe(Probe.builder().action(Action.exec("cat", "/tmp/ready")).periodSeconds(10)
          .failureThreshold(30).build());
    }
    for (int e = 0; e < 1 + i % 8; e++) {
      main.addEnv(EnvVar.of("SETTING_" + e, "value-" + i + "-" + e));
    }
    main.addEnv(EnvVar.podField("POD_NAME", "metadata.name"));
    if (i % 5 == 0) {
      main.addEnv(EnvVar.secretKey("API_TOKEN", "api-" + i % 13, "token", true));
    }
    GpuRequest gpu = gpu(i);
    if (gpu != null) {
      main.gpu(gpu);
    }
    main.addVolumeMount(VolumeMount.of("data", "/data"));
    main.addVolumeMount(VolumeMount.of("config", "/etc/app"));
    StatefulSetSpec.Builder b = StatefulSetSpec.builder()
        .name(name)
        .namespace("team-" + i % 17)
        .replicas(1 + i % 5)
        .description("generated workload " + i + " (" + GPU_MODES[i % GPU_MODES.length] + ")")
        .putPodLabel("generation", Integer.toString(i / 1000))
        .addContainer(main.build())
        .addVolume(Volume.configMap("config", name + "-config"))
        .addVolumeClaimTemplate(ClaimTemplate.builder().name("data")
            .size(Storage.gibibytes(1 + i % 100)).storageClass(i % 2 == 0 ? "local-path" : "fast-ssd").build());
    if (i % 3 == 1) {
      b.addVolume(Volume.secret("tls", name + "-tls"));
      b.addContainer(ContainerSpec.builder().name("proxy").image("envoyproxy/envoy:v1.31." + i % 5)
          .cpu("50m", "500m").memory("64Mi", "256Mi").addPort(ContainerPort.of("https", 8443))
          .addVolumeMount(VolumeMount.of("tls", "/etc/tls")).build());
    }
    if (i % 2 == 1) {
      b.addService(AccessService.builder().name(name + "-api")
          .addPort(ServicePort.of("http", port)).build());
    }
    return b.build();
  }

  private static GpuRequest gpu(int i) {
    return switch (GPU_MODES[i % GPU_MODES.length]) {
      case "whole" -> GpuRequest.wholeCard(1 + i % 4);
      case "vgpu" -> GpuRequest.vgpu(1).cores(10 + i % 90).memory(GpuMemory.mebibytes(1024 + i % 16 * 512))
          .priority(i % 2 == 0 ? TaskPriority.HIGH : TaskPriority.NORMAL)
          .nodePolicy(i % 3 == 0 ? SchedulingPolicy.SPREAD : SchedulingPolicy.BINPACK).build();
      case "mig" -> GpuRequest.mig(i % 2 == 0 ? "1g.10gb" : "3g.40gb", 1);
      case "mig-single" -> GpuRequest.migSingle("1g.5gb", 1 + i % 2, "A100-SXM4-40GB");
      case "dynamic-mig" -> GpuRequest.dynamicMig(1, GpuMemory.mebibytes(8000));
      case "ascend" -> GpuRequest.accelerator(AcceleratorVendor.ASCEND, 1).model("Ascend910B3").build();
      default -> null;
    };
  }

  /** What a run did. */
  public record Totals(long workloads, long objects, long characters, long errorFindings) {}

  /**
   * Builds, compiles, validates and renders workloads {@code 0 … n-1} to {@code out}, one at a time.
   * When {@code dir} is given, each workload goes to its own file there instead.
   */
  public static Totals run(int n, Writer stream, Path dir) throws IOException {
    CountingWriter out = new CountingWriter(stream);
    long fileChars = 0;
    Validator validator = Validator.builder().addRuleSet("kubernetes").addRuleSet("gpu").build();
    YamlRenderer yaml = YamlRenderer.applyReady();
    long objects = 0;
    long errors = 0;
    for (int i = 0; i < n; i++) {
      Manifests m = spec(i).compile();
      Report report = validator.validate(m.statefulSet());
      for (Finding f : report.findings()) {
        if (f.severity() == dev.stskit.validation.Severity.ERROR) {
          errors++;
          System.err.println("gen-" + i + ": " + f.format());
        }
      }
      objects += m.all().size();
      if (dir != null) {
        try (CountingWriter w = new CountingWriter(
            Files.newBufferedWriter(dir.resolve(String.format(Locale.ROOT, "gen-%05d.yaml", i))))) {
          yaml.render(m.all(), w);
          fileChars += w.chars;
        }
      } else {
        if (i > 0) {
          out.write("---\n");
        }
        yaml.render(m.all(), out);
      }
    }
    out.flush();
    return new Totals(n, objects, out.chars + fileChars, errors);
  }

  /** {@code Generate N [--dir DIR]}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("--dir"))) {
      System.err.println("usage: Generate N [--dir DIR]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path dir = args.length == 3 ? Files.createDirectories(Path.of(args[2])) : null;
    Writer out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
        StandardCharsets.UTF_8), 1 << 16);
    long start = System.nanoTime();
    Totals t = run(n, out, dir);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.err.printf(Locale.ROOT, "sts-kit: %d workloads (%d objects, %d characters) built, validated and rendered"
        + " in %.1f s: %.0f workloads/s; %d error findings; max heap %d MB%n", t.workloads(), t.objects(),
        t.characters(), seconds, t.workloads() / seconds, t.errorFindings(), Runtime.getRuntime().maxMemory() >> 20);
    System.exit(t.errorFindings() == 0 ? 0 : 1);
  }

  /** Counts the characters written through it. */
  static final class CountingWriter extends Writer {
    private final Writer out;
    long chars;

    CountingWriter(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
      chars += len;
      out.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
      chars += len;
      out.write(str, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
