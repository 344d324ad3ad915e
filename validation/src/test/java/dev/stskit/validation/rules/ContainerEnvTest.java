package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fixtures: {@code rules/k8s-container-env/{valid,invalid}.yaml}. */
class ContainerEnvTest {
  private final RuleTester tester = RuleTester.of(ContainerEnv.class).withDefaulting();

  @Test
  void flagsFieldRefToAFieldPodsDoNotExpose() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].env[0].valueFrom.fieldRef.fieldPath", ErrorType.NOT_SUPPORTED);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void neverEchoesAValueThatMayBeASecret() {
    var result = tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: nginx
                env:
                - name: PASSWORD
                  value: hunter2-super-secret
                  valueFrom:
                    secretKeyRef: {name: db, key: password}
        """)).expectExactly("spec.template.spec.containers[0].env[0].valueFrom", ErrorType.INVALID);
    org.assertj.core.api.Assertions.assertThat(result.report().findings().get(0).message())
        .doesNotContain("hunter2").contains("<value omitted>");
  }

  // validateFileKeyRefVolumes (k8s.io/kubernetes pkg/apis/core/validation/validation.go, from ValidatePodSpec)

  @Test
  void validateFileKeyRefVolumes_flagsAVolumeThePodDoesNotHaveAsNotFound() {
    tester.load("invalid-file-key-ref-not-found.yaml")
        .expectExactly("spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName", ErrorType.NOT_FOUND);
  }

  @Test
  void validateFileKeyRefVolumes_flagsAVolumeThatIsNotAnEmptyDir() {
    var result = tester.load("invalid-file-key-ref-not-empty-dir.yaml")
        .expectExactly("spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.volumeName", ErrorType.INVALID);
    assertThat(result.report().findings().get(0).message()).contains("\"config\"")
        .contains("referenced volume must be of type emptyDir");
  }

  @Test
  void validateFileKeyRefVolumes_acceptsTheEmptyDirBesideIt() {
    tester.load("valid-file-key-ref.yaml").expectNoFindings();
  }

  @Test
  void validateFileKeyRefVolumes_aClaimTemplateIsAVolumeButNotAnEmptyDir() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
              - name: init
                image: busybox
                env:
                - name: A
                  valueFrom: {fileKeyRef: {volumeName: data, path: a.env, key: A}}
              containers:
              - {name: web, image: nginx}
        """)).expectExactly("spec.template.spec.initContainers[0].env[0].valueFrom.fileKeyRef.volumeName", ErrorType.INVALID);
  }

  @Test
  void validateFileKeySelector_keyVolumeNameAndPath() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              volumes:
              - {name: files, emptyDir: {}}
              containers:
              - name: web
                image: nginx
                env:
                - name: A
                  valueFrom: {fileKeyRef: {volumeName: files, path: ../a.env, key: "A=B"}}
        """)).expectExactly(
            "spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.key", ErrorType.INVALID,
            "spec.template.spec.containers[0].env[0].valueFrom.fileKeyRef.path", ErrorType.INVALID);
  }

  // validateContainerResourceDivisor (k8s.io/kubernetes pkg/apis/core/validation/validation.go)

  @Test
  void validateContainerResourceDivisor_cpuTakesOnly1mAnd1() {
    var result = tester.load("invalid-divisor-cpu.yaml")
        .expectExactly("spec.template.spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor", ErrorType.INVALID);
    assertThat(result.report().findings().get(0).message()).contains("\"limits.cpu\"")
        .contains("only divisor's values 1m and 1 are supported with the cpu resource");
  }

  @Test
  void validateContainerResourceDivisor_memoryComparesTheCanonicalForm() {
    tester.load("invalid-divisor-memory.yaml")
        .expectExactly("spec.template.spec.containers[0].env[1].valueFrom.resourceFieldRef.divisor", ErrorType.INVALID);
  }

  @Test
  void validateContainerResourceDivisor_acceptsMillicoresAndMebibytes() {
    tester.load("valid-divisor.yaml").expectNoFindings();
  }

  @ParameterizedTest(name = "{0} divisor {1}: valid {2}")
  @CsvSource({
      "limits.cpu, 1m, true", "limits.cpu, 1, true", "limits.cpu, 1000m, true", "limits.cpu, 0.001, true",
      "limits.cpu, 1e0, true", "limits.cpu, 0, true", "limits.cpu, 1e-3, false", "limits.cpu, 2, false",
      "limits.cpu, 1k, false", "limits.cpu, 1Ki, false", "limits.cpu, 100m, false",
      "requests.memory, 1, true", "requests.memory, 1k, true", "requests.memory, 1000, true",
      "requests.memory, 1E, true", "requests.memory, 1Ki, true", "requests.memory, 1024Ki, true",
      "requests.memory, 1Ei, true", "requests.memory, 1024, false", "requests.memory, 1e3, false",
      "requests.memory, 1m, false", "requests.memory, 2Mi, false", "requests.memory, 1000Ki, false",
      "limits.ephemeral-storage, 1Gi, true", "limits.ephemeral-storage, 10G, false",
      "limits.hugepages-2Mi, 1Mi, true", "limits.hugepages-2Mi, 3, false",
      "limits.nvidia.com/gpu, 7, true"})
  void validateContainerResourceDivisor_canonicalForms(String resource, String divisor, boolean valid) {
    List<Violation> out = new ArrayList<>();
    ContainerEnv.divisor(out, resource, new Quantity(divisor), FieldPath.parse("d"));
    assertThat(out).as("%s %s", resource, divisor).hasSize(valid ? 0 : 1);
  }
}
