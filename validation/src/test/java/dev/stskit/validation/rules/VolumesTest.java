package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-volumes/{valid,invalid}.yaml}. */
class VolumesTest {
  private final RuleTester tester = RuleTester.of(Volumes.class).withDefaulting();

  @Test
  void flagsVolumeWithTwoSources() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.volumes[0].hostPath", ErrorType.FORBIDDEN);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void checksProjectedAndDownwardApiSources() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
              volumes:
              - name: info
                downwardAPI:
                  items:
                  - {path: node, fieldRef: {fieldPath: spec.nodeName}}
                  - {path: ../up, fieldRef: {fieldPath: metadata.labels}}
              - name: bundle
                projected:
                  sources:
                  - serviceAccountToken: {path: token, expirationSeconds: 60}
                  - configMap: {name: cfg, items: [{key: a, path: token}]}
        """)).expectExactly(
        "spec.template.spec.volumes[0].downwardAPI.items[0].fieldRef.fieldPath", ErrorType.NOT_SUPPORTED,
        "spec.template.spec.volumes[0].downwardAPI.items[1].path", ErrorType.INVALID,
        "spec.template.spec.volumes[0].downwardAPI.items[1].path", ErrorType.INVALID,
        "spec.template.spec.volumes[1].projected.sources[0].serviceAccountToken.expirationSeconds", ErrorType.INVALID,
        "spec.template.spec.volumes[1].projected", ErrorType.INVALID);
  }

  // validateEphemeralVolumeSource -> ValidatePersistentVolumeClaimSpec (k8s.io/kubernetes pkg/apis/core/validation)

  @Test
  void validateEphemeralVolumeSource_readWriteOncePodWithAnotherModeIsForbidden() {
    tester.load("invalid-ephemeral-access-modes.yaml").expectExactly(
        "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes", ErrorType.FORBIDDEN);
  }

  @Test
  void validateEphemeralVolumeSource_readWriteOncePodAloneIsFine() {
    tester.load("valid-ephemeral-access-modes.yaml").expectNoFindings();
  }

  @Test
  void validateEphemeralVolumeSource_checksTheWholeClaimSpecAtTheVolumesIndexBesideClaimTemplates() {
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
              volumes:
              - name: scratch
                ephemeral: {volumeClaimTemplate: {spec: {accessModes: [ReadWriteMany, Sometimes]}}}
              containers:
              - {name: web, image: nginx}
        """)).expectExactly(
            "spec.template.spec.volumes[1].ephemeral.volumeClaimTemplate.spec.accessModes", ErrorType.NOT_SUPPORTED,
            "spec.template.spec.volumes[1].ephemeral.volumeClaimTemplate.spec.resources[storage]", ErrorType.REQUIRED);
  }
}
