package dev.stskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerFieldsTest {

  @Test
  void dropsKubectlsLastAppliedAnnotationAndKeepsTheUsersOwn() {
    StatefulSet sts = new StatefulSetBuilder().withNewMetadata().withName("web")
        .addToAnnotations(ServerFields.LAST_APPLIED_ANNOTATION, "{\"apiVersion\":\"apps/v1\"}")
        .addToAnnotations("team", "db").withUid("d3f45527").withResourceVersion("20504385")
        .endMetadata().build();

    StatefulSet stripped = ServerFields.strip(sts);

    assertThat(stripped.getMetadata().getAnnotations()).containsOnlyKeys("team");
    assertThat(stripped.getMetadata().getUid()).isNull();
    assertThat(stripped.getMetadata().getResourceVersion()).isNull();
    // the argument is not changed
    assertThat(sts.getMetadata().getAnnotations()).containsKey(ServerFields.LAST_APPLIED_ANNOTATION);
  }

  @Test
  void dropsAllocatedClusterIpsButKeepsHeadless() {
    Service allocated = new ServiceBuilder().withNewMetadata().withName("redis").endMetadata()
        .withNewSpec().withClusterIP("10.96.142.17").withClusterIPs("10.96.142.17")
        .withIpFamilyPolicy("SingleStack").endSpec().build();
    Service headless = new ServiceBuilder().withNewMetadata().withName("redis-headless").endMetadata()
        .withNewSpec().withClusterIP("None").withClusterIPs("None").endSpec().build();

    Service a = ServerFields.strip(allocated);
    Service h = ServerFields.strip(headless);

    assertThat(a.getSpec().getClusterIP()).isNull();
    assertThat(a.getSpec().getClusterIPs()).isEmpty();
    assertThat(a.getSpec().getIpFamilyPolicy()).isEqualTo("SingleStack");
    assertThat(h.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(h.getSpec().getClusterIPs()).isEqualTo(List.of("None"));
    assertThat(allocated.getSpec().getClusterIP()).isEqualTo("10.96.142.17");
  }
}
