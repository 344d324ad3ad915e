package dev.stskit.examples;

import dev.stskit.core.AccessService;
import dev.stskit.core.Action;
import dev.stskit.core.ContainerPort;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.Probe;
import dev.stskit.core.ServicePort;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.gpu.GpuRequest;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Rule;
import dev.stskit.validation.RuleContext;
import dev.stskit.validation.RuleInfo;
import dev.stskit.validation.Severity;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a platform team builds on sts-kit: its own "golden path" for model-serving workloads
 * ({@link #inference}: the team's labels, ports, probe and Service on every workload, the GPU a
 * caller chooses) and its own policy as a rule ({@link TeamLabel}: every workload carries the label
 * the platform bills by). Its tests, {@code PlatformTeamExampleTest}, use {@code sts-kit-testing}
 * the way such a team would: assertions on what the generator compiles to, jqwik properties over
 * every GPU request, and {@code RuleTester} for the rule.
 */
public final class PlatformTeamExample {
  /** The label the platform bills by; {@link TeamLabel} requires it. */
  public static final String TEAM_LABEL = "platform.example.com/team";

  private PlatformTeamExample() {}

  /**
   * The team's model-serving workload: two replicas of a vLLM server, the team label on the
   * workload and its pods, an HTTP port with a readiness probe and a ClusterIP Service {@code <name>-api}.
   *
   * @param name the workload's name; the Service is {@code <name>-api}
   * @param team the owning team, written as {@link #TEAM_LABEL}
   * @param gpu what each replica gets
   * @return the spec
   */
  public static StatefulSetSpec inference(String name, String team, GpuRequest gpu) {
    return StatefulSetSpec.builder()
        .name(name).namespace("serving").replicas(2)
        .labels(Map.of(TEAM_LABEL, team))
        .podLabels(Map.of(TEAM_LABEL, team))
        .addContainer(ContainerSpec.builder()
            .name("server").image("vllm/vllm-openai:v0.6.3")
            .cpu("2", "4").memory("16Gi", "16Gi")
            .gpu(gpu)
            .addPort(ContainerPort.of("http", 8000))
            .readinessProbe(Probe.of(Action.httpGet("/health", 8000)))
            .build())
        .addService(AccessService.builder().name(name + "-api").addPort(ServicePort.of("http", 8000)).build())
        .build();
  }

  /** The team's policy: a StatefulSet and its pods carry {@link #TEAM_LABEL}, with the same value. */
  @RuleInfo(id = "team-label", severity = Severity.ERROR,
      summary = "StatefulSet or its pods without the team label the platform bills by")
  public static final class TeamLabel implements Rule {
    /** Creates the rule (the validator and {@code RuleTester} do). */
    public TeamLabel() {}

    @Override
    public List<Violation> validate(StatefulSet sts, RuleContext context) {
      List<Violation> out = new ArrayList<>();
      String team = label(sts.getMetadata() == null ? null : sts.getMetadata().getLabels());
      FieldPath workload = FieldPath.of("metadata", "labels").key(TEAM_LABEL);
      if (team == null || team.isBlank()) {
        out.add(Violation.required(workload, Message.text("label the workload with its team",
            "请为工作负载加上团队标签")));
      }
      var template = sts.getSpec() == null ? null : sts.getSpec().getTemplate();
      String podTeam = label(template == null || template.getMetadata() == null ? null
          : template.getMetadata().getLabels());
      FieldPath pods = FieldPath.of("spec", "template", "metadata", "labels").key(TEAM_LABEL);
      if (podTeam == null || podTeam.isBlank()) {
        out.add(Violation.required(pods, Message.text("label the pods with their team (metrics are per pod)",
            "请为容器组加上团队标签（指标按容器组统计）")));
      } else if (team != null && !team.equals(podTeam)) {
        out.add(Violation.invalid(pods, podTeam, Message.text("must equal the workload's team label " + team,
            "必须与工作负载的团队标签 " + team + " 相同")));
      }
      return out;
    }

    private static String label(Map<String, String> labels) {
      return labels == null ? null : labels.get(TEAM_LABEL);
    }
  }

  /**
   * Prints the apply-ready YAML of the team's workload with one vGPU slice.
   *
   * @param args none
   */
  public static void main(String[] args) {
    GpuRequest gpu = GpuRequest.vgpu(1).cores(30).memoryMiB(8192).build();
    System.out.print(YamlRenderer.applyReady().render(inference("chat", "search", gpu).compile().all()));
  }
}
