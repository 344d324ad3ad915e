package dev.stskit.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.gpu.internal.Limits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A third-party mapper, found through ServiceLoader only when asked for. */
class GpuMappersDiscoveryTest {

  /** Maps whole cards to AMD's device plugin (an example of a third-party mapper). */
  public static final class AmdProvider implements GpuMapperProvider {
    /** Used by ServiceLoader. */
    public AmdProvider() {}

    @Override
    public GpuMapper create(GpuProfile profile) {
      return new GpuMapper() {
        @Override
        public String id() {
          return "amd-example";
        }

        @Override
        public boolean supports(GpuRequest request) {
          return request instanceof GpuRequest.WholeCard;
        }

        @Override
        public GpuPlacement map(GpuRequest request) {
          return new GpuPlacement(Map.of("amd.com/gpu", Limits.integer(((GpuRequest.WholeCard) request).count())),
              Map.of(), List.of(), Optional.empty());
        }
      };
    }
  }

  @Test
  void discoveryIsOptInAndAppendsAfterTheBuiltIns() {
    assertThat(GpuMappers.defaults().mappers()).extracting(GpuMapper::id).doesNotContain("amd-example");
    GpuMappers found = GpuMappers.discover(GpuProfile.dce(), getClass().getClassLoader());
    assertThat(found.mappers()).extracting(GpuMapper::id).containsExactly("hami-dynamic-mig", "hami-vgpu",
        "nvidia-mig", "nvidia-device-plugin", "hami-accelerators", "amd-example");
  }

  @Test
  void explicitCompositionPutsAThirdPartyMapperFirst() {
    GpuMappers amdFirst = GpuMappers.of(GpuProfile.dce(), List.of(new AmdProvider().create(GpuProfile.dce())));
    assertThat(amdFirst.place(GpuRequest.wholeCard(2)).limits()).containsOnlyKeys("amd.com/gpu");
    assertThatThrownBy(() -> GpuMappers.of(GpuProfile.dce(), List.of(new AmdProvider().create(GpuProfile.dce()),
        new AmdProvider().create(GpuProfile.dce())))).hasMessageContaining("amd-example");
  }
}
