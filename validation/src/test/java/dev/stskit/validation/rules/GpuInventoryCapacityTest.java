package dev.stskit.validation.rules;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/gpu-inventory-capacity/{valid,invalid,inventory}.yaml}. */
class GpuInventoryCapacityTest {
  private final RuleTester tester = RuleTester.of(new GpuInventoryCapacity(inventory("gpu-inventory-capacity"))).withDefaulting();

  static GpuInventory inventory(String ruleId) {
    try (InputStream in = Thread.currentThread().getContextClassLoader()
        .getResourceAsStream("rules/" + ruleId + "/inventory.yaml")) {
      return GpuInventory.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void warnsWhenNotAllReplicasFit() {
    tester.load("invalid.yaml").expectExactly("spec.replicas", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void leavesRequestsThatFitNowhereToTheFitRule() {
    RuleTester empty = RuleTester.of(new GpuInventoryCapacity(GpuInventory.of(java.util.List.of()))).withDefaulting();
    empty.load("invalid.yaml").expectNoFindings();
  }

  @Test
  void spreadsReplicasOnePerNodeWithRequiredHostnameAntiAffinity() {
    StatefulSet sts = tester.read("valid.yaml");
    sts.getSpec().getTemplate().getSpec().setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder()
        .withNewPodAntiAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
        .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector().addToMatchLabels("app", "infer")
        .endLabelSelector().endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().build());
    tester.check(sts).expectExactly("spec.replicas", ErrorType.INVALID);
  }
}
