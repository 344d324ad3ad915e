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
  void flagsANameThatIsNotADns1035Label() {
    tester.load("invalid.yaml").expectExactly("metadata.name", ErrorType.INVALID);
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
