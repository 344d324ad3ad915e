package dev.stskit.examples;

import dev.stskit.core.AccessMode;
import dev.stskit.core.ClaimTemplate;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.EnvVar;
import dev.stskit.core.Extras;
import dev.stskit.core.Manifests;
import dev.stskit.core.PodManagementPolicy;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.core.Volume;
import dev.stskit.core.VolumeMode;
import dev.stskit.core.VolumeMount;
import dev.stskit.core.scheduling.Scheduling;
import dev.stskit.core.scheduling.TolerationRule;
import dev.stskit.core.units.Storage;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.gpu.MigStrategy;
import dev.stskit.render.YamlRenderer;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A distributed fine-tuning job on MIG slices of A100 80GB cards, as a StatefulSet: four ranks
 * ({@code torchrun}, one process each), every rank on a {@code 3g.40gb} instance, with an
 * evaluator sidecar on a {@code 1g.10gb} instance of the same node, both through the NVIDIA
 * device plugin's <em>mixed</em> strategy ({@code nvidia.com/mig-3g.40gb},
 * {@code nvidia.com/mig-1g.10gb}).
 *
 * <p>Why a StatefulSet: each rank has a stable name, so its rank is its ordinal (the label
 * {@code apps.kubernetes.io/pod-index}) and rank 0 has a stable address through the headless
 * Service; each rank keeps its checkpoints in its own claim ({@code checkpoints}) and resumes from
 * them when it is rescheduled. What the form lacks comes as extras:
 *
 * <ul>
 *   <li>{@code podManagementPolicy: Parallel} is a form field: with {@code OrderedReady} rank 1
 *       would wait for rank 0 to be Ready, and rank 0 waits for all ranks to join — a deadlock;
 *   <li>the headless Service publishes not-ready addresses, so rank 0's name resolves before the
 *       job is up ({@code governingServiceExtras});
 *   <li>a toleration for the {@code nvidia.com/gpu:NoSchedule} taint GPU nodes usually carry,
 *       after the form's two toleration-time entries ({@code scheduling.tolerations}).
 * </ul>
 *
 * <p>Run it to print the apply-ready YAML; {@code examples/specs/mig-training.yaml} is the same
 * workload as a spec file.
 */
public final class MigTrainingExample {
  /** The StatefulSet's name, also its headless Service's. */
  public static final String NAME = "llm-finetune";

  /** Ranks (replicas). */
  public static final int RANKS = 4;

  private static final String RENDEZVOUS_PORT = "29500";

  private MigTrainingExample() {}

  /** One {@code 3g.40gb} instance per rank, mixed strategy. */
  public static GpuRequest.Mig trainerGpu() {
    return GpuRequest.mig("3g.40gb", 1, MigStrategy.MIXED);
  }

  /** One {@code 1g.10gb} instance for the evaluator, mixed strategy. */
  public static GpuRequest.Mig evaluatorGpu() {
    return GpuRequest.mig("1g.10gb", 1, MigStrategy.MIXED);
  }

  /** The workload as the form fills it, plus the extras named in the class comment. */
  public static StatefulSetSpec spec() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    return StatefulSetSpec.builder()
        .name(NAME)
        .namespace("ml-training")
        .replicas(RANKS)
        .description("LoRA fine-tuning, 4 ranks on MIG 3g.40gb")
        .putSelector("app.kubernetes.io/name", NAME)
        .putPodLabel("app.kubernetes.io/component", "trainer")
        .addContainer(trainer())
        .addContainer(evaluator())
        .addVolume(Volume.Claim.builder().name("datasets").claimName("datasets-shared")
            .readOnly(true).build())
        .addVolume(Volume.EmptyDir.builder().name("dshm").medium("Memory")
            .sizeLimit(Storage.gibibytes(16)).build())
        .addVolumeClaimTemplate(ClaimTemplate.builder().name("checkpoints")
            .size(Storage.gibibytes(100)).addAccessMode(AccessMode.READ_WRITE_ONCE)
            .storageClass("fast-ssd").volumeMode(VolumeMode.FILESYSTEM).build())
        .podManagementPolicy(PodManagementPolicy.PARALLEL)
        .terminationGracePeriodSeconds(300L)
        .scheduling(Scheduling.builder().addTolerations(TolerationRule.exists("nvidia.com/gpu", "NoSchedule")).build())
        .governingServiceExtras(Extras.builder()
            .putSet("spec.publishNotReadyAddresses", json.booleanNode(true))
            .build())
        .build();
  }

  /** The StatefulSet and its headless Service, with the default GPU mappers. */
  public static Manifests manifests() {
    return spec().compile();
  }

  private static ContainerSpec trainer() {
    return ContainerSpec.builder()
        .name("trainer")
        .image("nvcr.io/nvidia/pytorch:24.05-py3")
        .addCommand("torchrun")
        .addArgs("--nnodes=" + RANKS, "--nproc-per-node=1", "--node-rank=$(NODE_RANK)",
            "--master-addr=" + NAME + "-0." + NAME, "--master-port=" + RENDEZVOUS_PORT,
            "/workspace/train.py", "--data=/data/instructions", "--checkpoint-dir=/checkpoints",
            "--resume")
        .addPort(ContainerPort.of("rendezvous", Integer.parseInt(RENDEZVOUS_PORT)))
        .cpu("8", "16")
        .memory("64Gi", "64Gi")
        .gpu(trainerGpu())
        // the StatefulSet controller labels each pod with its ordinal (Kubernetes 1.28+)
        .addEnv(EnvVar.podField("NODE_RANK", "metadata.labels['apps.kubernetes.io/pod-index']"))
        .addEnv(EnvVar.of("NCCL_DEBUG", "WARN"))
        .addEnv(EnvVar.secretKey("WANDB_API_KEY", "wandb", "api-key", true))
        .addVolumeMount(VolumeMount.builder().name("datasets").mountPath("/data").readOnly(true).build())
        .addVolumeMount(VolumeMount.of("checkpoints", "/checkpoints"))
        .addVolumeMount(VolumeMount.of("dshm", "/dev/shm"))
        .build();
  }

  private static ContainerSpec evaluator() {
    return ContainerSpec.builder()
        .name("evaluator")
        .image("nvcr.io/nvidia/pytorch:24.05-py3")
        .addCommand("python")
        .addArgs("/workspace/evaluate.py", "--watch=/checkpoints", "--every=30m")
        .cpu("2", "4")
        .memory("16Gi", "16Gi")
        .gpu(evaluatorGpu())
        .addVolumeMount(VolumeMount.builder().name("checkpoints").mountPath("/checkpoints")
            .readOnly(true).build())
        .addVolumeMount(VolumeMount.builder().name("datasets").mountPath("/data").readOnly(true).build())
        .build();
  }

  /** Prints the apply-ready YAML of the headless Service and the StatefulSet. */
  public static void main(String[] args) {
    System.out.print(YamlRenderer.applyReady().render(manifests().all()));
  }
}
