package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-volume-mounts/{valid,invalid}.yaml}. */
class VolumeMountsTest {
  private final RuleTester tester = RuleTester.of(VolumeMounts.class).withDefaulting();

  @Test
  void flagsMountOfAMissingVolume() {
    tester.load("invalid.yaml").expectExactly("spec.template.spec.containers[0].volumeMounts[1].name", ErrorType.NOT_FOUND);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void flagsSubPathThatClimbsOutAtTheUnindexedPath() {
    tester.check(RuleTester.parse("""
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
                volumeMounts:
                - {name: cache, mountPath: /cache, subPath: ../etc}
                - {name: cache, mountPath: /cache}
              volumes:
              - {name: cache, emptyDir: {}}
        """)).expectExactly(
        "spec.template.spec.containers[0].volumeMounts.subPath", ErrorType.INVALID,
        "spec.template.spec.containers[0].volumeMounts[1].mountPath", ErrorType.INVALID);
  }

  @Test
  void blockDevicesNeedAClaim() {
    tester.check(RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: default}
        spec:
          selector: {matchLabels: {app: db}}
          template:
            metadata: {labels: {app: db}}
            spec:
              containers:
              - name: db
                image: postgres:17
                volumeDevices:
                - {name: raw, devicePath: /dev/xvda}
                - {name: scratch, devicePath: /dev/xvdb}
              volumes:
              - {name: scratch, emptyDir: {}}
          volumeClaimTemplates:
          - metadata: {name: raw}
            spec:
              accessModes: [ReadWriteOnce]
              volumeMode: Block
              resources: {requests: {storage: 1Gi}}
        """)).expectExactly("spec.template.spec.containers[0].volumeDevices[1].name", ErrorType.INVALID);
  }
}
