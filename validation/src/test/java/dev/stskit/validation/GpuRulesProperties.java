package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The gpu, platform and best-practice rules report, never throw, whatever GPU limits and HAMi
 * annotations a container carries, and the same object always gets the same report.
 */
class GpuRulesProperties {
  private static final List<String> KEYS = List.of("nvidia.com/gpu", "nvidia.com/vgpu", "nvidia.com/gpumem",
      "nvidia.com/gpucores", "nvidia.com/gpumem-percentage", "nvidia.com/priority", "nvidia.com/mig-1g.10gb",
      "nvidia.com/mig-3g.40gb", "nvidia.com/mig-9g.1gb", "huawei.com/Ascend910B3", "cpu");
  private static final List<String> VALUES =
      List.of("0", "1", "2", "16", "30", "100", "150", "4096", "4Gi", "3000M", "1k", "0.5", "-1", "1e3");

  @Provide
  Arbitrary<Map<String, String>> limits() {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.of(VALUES)).ofMaxSize(5);
  }

  @Provide
  Arbitrary<Map<String, String>> annotations() {
    return Arbitraries.maps(Arbitraries.of("hami.io/gpu-scheduler-policy", "hami.io/node-scheduler-policy",
        "nvidia.com/use-gputype", "nvidia.com/vgpu-mode"), Arbitraries.of("binpack", "spread", "A100", "mig", ""))
        .ofMaxSize(3);
  }

  @Property
  void gpuRulesReportInsteadOfThrowing(@ForAll("limits") Map<String, String> limits,
      @ForAll("annotations") Map<String, String> annotations) {
    StatefulSet sts = RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: infer, namespace: default}
        spec:
          serviceName: infer
          replicas: 3
          selector: {matchLabels: {app: infer}}
          template:
            metadata: {labels: {app: infer}}
            spec:
              containers:
                - {name: infer, image: "vllm/vllm-openai:v0.6.3"}
        """);
    Map<String, Quantity> q = new LinkedHashMap<>();
    limits.forEach((k, v) -> q.put(k, new Quantity(v)));
    sts.getSpec().getTemplate().getSpec().getContainers().get(0)
        .setResources(new io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder().withLimits(q).build());
    sts.getSpec().getTemplate().getMetadata().setAnnotations(annotations);
    Report first = ValidatorRobustnessProperties.EVERY_SET.validate(sts);
    Report second = ValidatorRobustnessProperties.EVERY_SET.validate(sts);
    // bp-app-labels asks for metadata.labels[app.kubernetes.io/instance]; every other finding is under spec
    assertThat(first.findings()).allSatisfy(f -> assertThat(f.path()).matches("spec\\..*|metadata\\.labels\\[.*"));
    assertThat(second.findings()).extracting(Finding::format)
        .containsExactlyElementsOf(first.findings().stream().map(Finding::format).toList());
  }
}
