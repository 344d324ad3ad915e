package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quantities Kubernetes accepts never break a rule: {@code cpu: 1E} (exa, not an exponent) failed
 * k8s-container-resources with a NumberFormatException; integer resources with huge exponents and
 * huge percentages are answered quickly, without exceptions.
 */
class QuantityValidationTest {
  private static StatefulSet withResources(Map<String, Quantity> requests, Map<String, Quantity> limits) {
    StatefulSet sts = RealWorldManifestsTest.read(dev.stskit.fixtures.Fixtures.MYSQL_PAGE);
    var r = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getResources();
    r.setRequests(new java.util.LinkedHashMap<>(requests));
    r.setLimits(new java.util.LinkedHashMap<>(limits));
    return sts;
  }

  @Test
  void exaAndBinaryExaAreValidCpuAndMemory() {
    for (String q : new String[] {"1E", "9E", "9Ei", "250u", "100n"}) {
      StatefulSet sts = withResources(Map.of("cpu", new Quantity(q)), Map.of("cpu", new Quantity(q)));
      Report r = ValidatorRobustnessProperties.EVERY_SET.validate(sts);
      assertThat(r.findings()).as(q).noneMatch(f -> f.path().contains("resources") && f.message().contains("quantities"));
    }
  }

  @Test
  void hugeExponentsAndPercentagesAreAnsweredQuickly() {
    StatefulSet sts = withResources(Map.of("nvidia.com/gpu", new Quantity("1e2000000000"),
            "hugepages-2Mi", new Quantity("1e2000000000"), "memory", new Quantity("1e2000000000")),
        Map.of("nvidia.com/gpu", new Quantity("1.5e2000000000"), "hugepages-2Mi", new Quantity("1e2000000000"),
            "memory", new Quantity("1e2000000000")));
    sts.getSpec().setUpdateStrategy(new io.fabric8.kubernetes.api.model.apps.StatefulSetUpdateStrategyBuilder()
        .withType("RollingUpdate").withNewRollingUpdate().withMaxUnavailable(new IntOrString("99999999999999999999%"))
        .endRollingUpdate().build());
    Report r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ValidatorRobustnessProperties.EVERY_SET.validate(sts));
    assertThat(r.findings()).anyMatch(f -> f.path().equals("spec.updateStrategy.rollingUpdate.maxUnavailable"));
  }
}
