package dev.stskit.validation.rules;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-object-metadata/{valid,invalid}.yaml}. */
class ObjectMetadataTest {
  private final RuleTester tester = RuleTester.of(ObjectMetadata.class).withDefaulting();

  @Test
  void flagsNameThatIsNotADnsLabel() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void finalizersMustBeQualifiedAndNotConflict() {
    String yaml = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: web
          namespace: default
          finalizers: [%s]
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
        """;
    tester.check(RuleTester.parse(yaml.formatted("final, example.com/cleanup"))).expectNoFindings();
    tester.check(RuleTester.parse(yaml.formatted("orphan, foregroundDeletion, 'bad name'"))).expectExactly(
        "metadata.finalizers", ErrorType.INVALID,
        "metadata.finalizers", ErrorType.INVALID);
    RuleTester.of(ApiserverWarnings.class).check(RuleTester.parse(yaml.formatted("final")))
        .expectExactly("metadata.finalizers", ErrorType.INVALID);
  }

  @Test
  void checksImmutableNameOnUpdateOnly() {
    var old = RuleTester.parse("""
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: web, namespace: default}
        spec:
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: nginx:1.27}]
        """);
    var renamed = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder(old).editMetadata().withName("web2")
        .endMetadata().build();
    var report = dev.stskit.validation.Validator.of(dev.stskit.validation.RuleSet.of("t", new ObjectMetadata()))
        .validateUpdate(old, renamed);
    org.assertj.core.api.Assertions.assertThat(report.findings()).extracting(f -> f.path())
        .containsExactly("metadata.name");
  }
}
