package dev.stskit.examples;

import dev.stskit.core.AccessMode;
import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Manifests;
import dev.stskit.core.PodManagementPolicy;
import dev.stskit.core.Probe;
import dev.stskit.core.ServicePort;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMode;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.scheduling.PodAffinityRule;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.scheduling.Topology;
import dev.stskit.core.units.Port;
import dev.stskit.core.units.Storage;
import dev.stskit.gpu.GpuMemory;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.SchedulingPolicy;
import dev.stskit.gpu.TaskPriority;
import dev.stskit.render.YamlRenderer;
import java.util.Map;

/**
 * An LLM inference service (vLLM's OpenAI-compatible server) on a slice of a GPU shared through
 * HAMi: one card, 30 % of its compute and 4 GiB of its memory per replica, high task priority,
 * L40S or A100 cards only, nodes filled before the next one is used (binpack) and slices spread
 * over a node's cards (spread). Each replica keeps its downloaded model weights in its own claim
 * ({@code models}), so a restarted pod does not download them again; a ClusterIP Service gives the
 * replicas one address.
 *
 * <p>What the GPU request becomes is the {@code gpu} module's business ({@code HamiVgpuMapper},
 * under the default DCE profile): {@code nvidia.com/vgpu: 1}, {@code nvidia.com/gpucores: 30},
 * {@code nvidia.com/gpumem: 4096} and {@code nvidia.com/priority: 0} as container limits, the
 * policies and models as pod-template annotations.
 *
 * <p>Run it to print the apply-ready YAML; {@code examples/specs/vgpu-inference.yaml} is the same
 * workload as a spec file.
 */
public final class VgpuInferenceExample {
  /** The StatefulSet's name; also the access Service's. */
  public static final String NAME = "llm-inference";

  private static final Map<String, String> SELECTOR = Map.of("app.kubernetes.io/name", NAME);

  private VgpuInferenceExample() {}

  /**
   * The GPU each replica asks for: one card, 30 % compute, 4 GiB, high priority, binpack nodes,
   * spread cards, L40S or A100 (HAMi matches model names as case-insensitive substrings of the
   * card's NVML name, {@code pkg/device/nvidia/device.go checkGPUtype}).
   */
  public static GpuRequest.Vgpu gpu() {
    return GpuRequest.vgpu(1)
        .cores(30)
        .memory(GpuMemory.gibibytes(4))
        .priority(TaskPriority.HIGH)
        .nodePolicy(SchedulingPolicy.BINPACK)
        .cardPolicy(SchedulingPolicy.SPREAD)
        .addModel("L40S", "A100")
        .build();
  }

  /** The workload as the form fills it. */
  public static StatefulSetSpec spec() {
    return StatefulSetSpec.builder()
        .name(NAME)
        .namespace("ai-serving")
        .replicas(2)
        .description("Qwen2.5 0.5B chat completions, OpenAI API")
        .selector(SELECTOR)
        .putPodLabel("app.kubernetes.io/component", "inference")
        .putPodAnnotation("prometheus.io/scrape", "true")
        .putPodAnnotation("prometheus.io/port", "8000")
        .putPodAnnotation("prometheus.io/path", "/metrics")
        .addContainer(server())
        .addVolume(Volume.EmptyDir.builder().name("dshm").medium("Memory")
            .sizeLimit(Storage.gibibytes(2)).build())
        .addVolumeClaimTemplate(ClaimTemplate.builder().name("models").size(Storage.gibibytes(20))
            .addAccessMode(AccessMode.READ_WRITE_ONCE).storageClass("local-path")
            .volumeMode(VolumeMode.FILESYSTEM).build())
        // the access Service takes the workload's name, so the headless one gets its own
        .serviceName(NAME + "-headless")
        .addService(AccessService.builder().name(NAME)
            .addPort(ServicePort.builder().name("http").port(80).targetPort(Port.named("http")).build())
            .build())
        // replicas are independent: start and replace them all at once
        .podManagementPolicy(PodManagementPolicy.PARALLEL)
        .terminationGracePeriodSeconds(60L)
        .scheduling(Scheduling.builder()
            .addPodAntiAffinity(PodAffinityRule.builder().weight(100).matchLabels(SELECTOR)
                .topologyKey(Topology.HOSTNAME).build())
            .build())
        .build();
  }

  /** The StatefulSet, its headless Service and the access Service, with the default GPU mappers. */
  public static Manifests manifests() {
    return spec().compile();
  }

  private static ContainerSpec server() {
    Action health = Action.HttpGet.builder().path("/health").port(Port.named("http")).build();
    return ContainerSpec.builder()
        .name("vllm")
        .image("docker.io/vllm/vllm-openai:v0.6.3.post1")
        .addArgs("--model", "Qwen/Qwen2.5-0.5B-Instruct", "--served-model-name", "qwen2.5-0.5b",
            // vLLM sizes its KV cache from the memory it sees: HAMi shows the container 4 GiB
            "--gpu-memory-utilization", "0.85", "--max-model-len", "4096", "--port", "8000")
        .addPort(ContainerPort.of("http", 8000))
        .cpu("2", "4")
        .memory("8Gi", "16Gi")
        .gpu(gpu())
        .addEnv(EnvVar.of("HF_HOME", "/models"))
        .addEnv(EnvVar.secretKey("HF_TOKEN", "huggingface", "token", true))
        .addEnv(EnvVar.podField("POD_NAME", "metadata.name"))
        .addVolumeMount(VolumeMount.of("models", "/models"))
        .addVolumeMount(VolumeMount.of("dshm", "/dev/shm"))
        // the first start downloads and loads the weights: up to 10 minutes
        .startupProbe(Probe.builder().action(health).periodSeconds(10).failureThreshold(60).build())
        .readinessProbe(Probe.builder().action(health).periodSeconds(5).timeoutSeconds(2).build())
        .livenessProbe(Probe.builder().action(health).periodSeconds(15).timeoutSeconds(5)
            .failureThreshold(3).build())
        .build();
  }

  /** Prints the apply-ready YAML of the headless Service, the access Service and the StatefulSet. */
  public static void main(String[] args) {
    System.out.print(YamlRenderer.applyReady().render(manifests().all()));
  }
}
