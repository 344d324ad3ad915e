package dev.stskit.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.rules.RuleTester;
import dev.stskit.validation.ErrorType;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.junit.jupiter.api.Test;

/** Fixtures: {@code rules/k8s-service-metadata/{valid,invalid}.yaml}; ValidateServiceCreate's ValidateObjectMeta. */
class ServiceMetadataTest {
  private final RuleTester tester = RuleTester.of(ServiceMetadata.class).withDefaulting();

  @Test
  void flagsANameThatIsNotADns1123Label() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
  }

  /** v1.37: RelaxedServiceNameValidation is GA (kube_features.go), ValidateServiceCreate uses NameIsDNSLabel. */
  @Test
  void aNameMayStartWithADigitSinceRelaxedServiceNameValidation() {
    Service s = new ServiceBuilder().withNewMetadata().withName("1web-api").withNamespace("default").endMetadata()
        .withNewSpec().addNewPort().withName("http").withPort(80).endPort().endSpec().build();
    tester.check(s).expectNoFindings();
  }

  @Test
  void acceptsTheValidFixture() {
    tester.load("valid.yaml").expectNoFindings();
  }

  @Test
  void anEmptyNameIsRequiredAndTheRequestNamespaceFillsAMissingOne() {
    Service s = new ServiceBuilder().withNewMetadata().withName("").addToLabels("a", "-x").endMetadata()
        .withNewSpec().addNewPort().withPort(80).endPort().endSpec().build();
    tester.check(s).expectExactly("metadata.name", ErrorType.REQUIRED, "metadata.labels", ErrorType.INVALID);
    assertThat(tester.check(s).report().checked()).isTrue();
  }
}
