package dev.stskit.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.gpu.GpuInventory;
import dev.stskit.testing.rules.RuleTester;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private static final String BROKEN = """
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: Web
        annotations:
          stskit.dev/ignore: "%s"
      spec:
        replicas: -1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers:
            - name: web
              image: nginx:1.27
              resources:
                limits: {nvidia.com/gpu: "1"}
                requests: {nvidia.com/gpu: "2"}
      """;

  static StatefulSet broken(String ignore) {
    return RuleTester.parse(BROKEN.formatted(ignore));
  }

  @Test
  void collectsEveryFindingNotTheFirstOnly() {
    Report r = Validator.defaults().validate(broken(""));
    assertThat(r.valid()).isFalse();
    assertThat(r.errors()).extracting(Finding::ruleId, Finding::path).containsExactly(
        org.assertj.core.groups.Tuple.tuple("k8s-container-resources", "spec.template.spec.containers[0].resources.requests"),
        org.assertj.core.groups.Tuple.tuple("k8s-object-metadata", "metadata.name"),
        org.assertj.core.groups.Tuple.tuple("k8s-statefulset-counts", "spec.replicas"));
  }

  @Test
  void severityOverrideLivesInTheValidator() {
    Validator v = Validator.defaults().toBuilder().severity("k8s-statefulset-counts", Severity.WARNING).build();
    Report r = v.validate(broken(""));
    assertThat(r.warnings()).extracting(Finding::ruleId).containsExactly("k8s-statefulset-counts");
    assertThat(r.errors()).extracting(Finding::ruleId).doesNotContain("k8s-statefulset-counts");
  }

  @Test
  void disabledRuleReportsNothing() {
    Validator v = Validator.defaults().toBuilder().disable("k8s-object-metadata").build();
    assertThat(v.validate(broken("")).findings()).extracting(Finding::ruleId).doesNotContain("k8s-object-metadata");
  }

  @Test
  void unknownRuleIdInSettingsIsRejected() {
    assertThatThrownBy(() -> Validator.defaults().toBuilder().disable("no-such-rule").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such-rule");
    assertThatThrownBy(() -> Validator.defaults().toBuilder().severity("nope", Severity.INFO).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void annotationSuppressesRulesForOneObject() {
    Report r = Validator.defaults().validate(broken("k8s-object-metadata, k8s-statefulset-counts"));
    assertThat(r.findings()).extracting(Finding::ruleId).containsExactly("k8s-container-resources");
  }

  @Test
  void ruleSetNamesFollowTheCli() {
    for (String name : List.of("kubernetes", "platform", "gpu", "pss-baseline", "pss-restricted", "best-practice")) {
      assertThat(Validator.ruleSet(name).name()).isEqualTo(name);
      assertThat(Validator.ruleSet(name, Optional.empty())).isSameAs(Validator.ruleSet(name));
    }
    assertThat(Validator.ruleSet("gpu", Optional.of(GpuInventory.of(List.of()))).rules())
        .extracting(RuleDescriptor::id).contains("gpu-inventory-fit", "gpu-inventory-capacity", "gpu-plain-integer");
    assertThat(Validator.ruleSet("gpu").rules()).extracting(RuleDescriptor::id).doesNotContain("gpu-inventory-fit");
    assertThat(Validator.builder().addRuleSet("gpu", Optional.of(GpuInventory.of(List.of()))).build().rules())
        .extracting(RuleDescriptor::id).contains("gpu-inventory-fit");
    assertThatThrownBy(() -> Validator.ruleSet("bogus")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pss-restricted").hasMessageContaining("best-practice");
  }

  @Test
  void servicesGoToTheServiceRulesAndAreNeverValidWhenNothingChecksThem() {
    Service svc = new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("Bad Name")
        .endMetadata().build();
    Report report = Validator.defaults().validate(svc);
    assertThat(report.checked()).isTrue();
    assertThat(report.valid()).isFalse();
    assertThat(report.findings()).extracting(Finding::ruleId).contains("k8s-service-metadata", "k8s-service-ports");
    assertThat(Validator.of(RuleSet.platform()).validate(svc).findings()).isEmpty();
    Report onlyStatefulSetRules = Validator.of(RuleSet.bestPractice()).validate(svc);
    assertThat(onlyStatefulSetRules.checked()).isFalse();
    assertThat(onlyStatefulSetRules.valid()).isFalse();
    Report configMap = Validator.defaults().validate(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
        .withNewMetadata().withName("c").endMetadata().build());
    assertThat(configMap.checked()).isFalse();
    assertThat(configMap.valid()).isFalse();
    assertThat(configMap.mapFindings(f -> f).checked()).isFalse();
    Report allDisabled = Validator.builder().addRuleSet(RuleSet.platform()).disable("platform-service-name").build()
        .validate(svc);
    assertThat(allDisabled.checked()).isFalse();
  }

  @Test
  void aValidatorWithoutRuleSetsRefusesToBuild() {
    assertThatThrownBy(() -> Validator.builder().build()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("at least one rule set");
    assertThatThrownBy(() -> Validator.of()).isInstanceOf(IllegalStateException.class);
    assertThat(Validator.defaults().validate(broken("")).checked()).isTrue();
  }

  @Test
  void messagesInSimplifiedChinese() {
    Report en = Validator.defaults().validate(broken(""));
    Report zh = Validator.defaults().withLocale(Locale.SIMPLIFIED_CHINESE).validate(broken(""));
    assertThat(zh.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(zh.findings()).extracting(Finding::path).containsExactlyElementsOf(
        en.findings().stream().map(Finding::path).toList());
    Finding replicas = zh.findings().stream().filter(f -> f.path().equals("spec.replicas")).findFirst().orElseThrow();
    assertThat(replicas.message()).isEqualTo("无效值: -1: 必须大于或等于 0");
    Finding replicasEn = en.findings().stream().filter(f -> f.path().equals("spec.replicas")).findFirst().orElseThrow();
    assertThat(replicasEn.message()).isEqualTo("Invalid value: -1: must be greater than or equal to 0");
  }

  @Test
  void findingCarriesPositionAndPrints() {
    Finding f = Validator.defaults().validate(broken("")).errors().get(0).withPosition(14, 17);
    assertThat(f.line()).hasValue(14);
    assertThat(f.column()).hasValue(17);
    assertThat(f.format()).startsWith("ERROR k8s-container-resources 14:17 spec.template.spec.containers[0]"
        + ".resources.requests: Invalid value: \"2\": must be equal to nvidia.com/gpu limit of 1 (hint: ");
    assertThat(f.type().wireName()).isEqualTo("Invalid");
    assertThat(f.type().reason()).isEqualTo("FieldValueInvalid");
    assertThat(f.fieldPath()).isEqualTo(FieldPath.of("spec", "template", "spec", "containers").index(0)
        .child("resources", "requests"));
    assertThatThrownBy(() -> f.withPosition(0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void validationIsDeterministicAndSafeToShare() {
    Validator v = Validator.defaults();
    Report first = v.validate(broken(""));
    List<Report> parallel = IntStream.range(0, 64).parallel().mapToObj(i -> v.validate(broken(""))).toList();
    assertThat(parallel).allSatisfy(r -> assertThat(r).isEqualTo(first));
  }

  @Test
  void inputIsNotMutatedByDefaulting() {
    StatefulSet sts = broken("");
    StatefulSet copy = new io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder(sts).build();
    Validator.defaults().validate(sts);
    assertThat(sts).isEqualTo(copy);
    assertThat(sts.getSpec().getPodManagementPolicy()).isNull();
  }

  @Test
  void ruleInfoIsCheckedAtRegistration() {
    assertThatThrownBy(() -> RuleDescriptor.of(new NoInfo())).hasMessageContaining("@RuleInfo");
    assertThatThrownBy(() -> RuleDescriptor.of(new BadId())).hasMessageContaining("kebab-case");
    assertThatThrownBy(() -> RuleDescriptor.of(new TrailingPeriod())).hasMessageContaining("period");
  }

  @Test
  void duplicateRuleIdsAreRejected() {
    assertThatThrownBy(() -> RuleSet.of("twice", new ExampleNoLatestTag(), new ExampleNoLatestTag()))
        .hasMessageContaining("example-no-latest-tag");
    assertThatThrownBy(() -> Validator.of(RuleSet.of("a", new ExampleNoLatestTag()),
        RuleSet.of("b", new SameIdOtherRule()))).hasMessageContaining("more than one rule set");
  }

  @Test
  void aRuleInTwoSetsRunsOnce() {
    Validator v = Validator.of(RuleSet.podSecurityBaseline(), RuleSet.podSecurityRestricted());
    assertThat(v.rules()).extracting(RuleDescriptor::id).doesNotHaveDuplicates()
        .contains("pss-privileged", "pss-capabilities-baseline", "pss-capabilities-restricted");
    assertThat(Validator.of(RuleSet.kubernetes(), RuleSet.kubernetes()).rules())
        .hasSameSizeAs(RuleSet.kubernetes().rules());
  }

  @RuleInfo(id = "example-no-latest-tag", severity = Severity.INFO, summary = "same id, other rule")
  static final class SameIdOtherRule implements Rule {
    @Override
    public List<Violation> validate(StatefulSet sts, RuleContext context) {
      return List.of();
    }
  }

  @Test
  void thirdPartyRulesAreDiscoveredOnlyWhenAskedFor() {
    RuleSet discovered = RuleSet.discover(getClass().getClassLoader());
    assertThat(discovered.rules()).extracting(RuleDescriptor::id).containsExactly("example-no-latest-tag");
    assertThat(Validator.defaults().rules()).extracting(RuleDescriptor::id).doesNotContain("example-no-latest-tag");
    Validator v = Validator.of(RuleSet.kubernetes(), discovered);
    StatefulSet sts = RuleTester.parse(BROKEN.formatted("").replace("nginx:1.27", "nginx"));
    assertThat(v.validate(sts).warnings()).extracting(Finding::ruleId).containsExactly("example-no-latest-tag");
  }

  @RuleInfo(id = "Bad_Id", severity = Severity.INFO, summary = "bad id")
  static final class BadId implements Rule {
    @Override
    public List<Violation> validate(StatefulSet sts, RuleContext context) {
      return List.of();
    }
  }

  @RuleInfo(id = "trailing-period", severity = Severity.INFO, summary = "ends with a period.")
  static final class TrailingPeriod implements Rule {
    @Override
    public List<Violation> validate(StatefulSet sts, RuleContext context) {
      return List.of();
    }
  }

  static final class NoInfo implements Rule {
    @Override
    public List<Violation> validate(StatefulSet sts, RuleContext context) {
      return List.of();
    }
  }
}
