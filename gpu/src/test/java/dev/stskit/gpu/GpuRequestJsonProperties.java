package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.testing.gpu.GpuDomain;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.domains.Domain;
import net.jqwik.api.domains.DomainContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The spec-file form round-trips every request through plain Jackson 3 mappers. */
@Domain(GpuDomain.class)
@Domain(DomainContext.Global.class)
class GpuRequestJsonProperties {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  /** How core embeds it: an optional property of a container spec. */
  record Holder(Optional<GpuRequest> gpu) {}

  @Property
  void jsonRoundTrip(@ForAll GpuRequest r) {
    String text = JSON.writeValueAsString(r);
    assertThat(JSON.readValue(text, GpuRequest.class)).isEqualTo(r);
  }

  @Property
  void yamlRoundTripInsideAContainer(@ForAll GpuRequest r) {
    String text = YAML.writeValueAsString(new Holder(Optional.of(r)));
    assertThat(YAML.readValue(text, Holder.class)).isEqualTo(new Holder(Optional.of(r)));
    assertThat(YAML.writeValueAsString(YAML.readValue(text, Holder.class))).isEqualTo(text);
  }
}
