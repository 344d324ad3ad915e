package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.core.Manifests;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import dev.stskit.render.YamlRenderer;
import dev.stskit.validation.Finding;
import dev.stskit.validation.Validator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The MySQL example three ways — the builder, the spec file, and the page's YAML imported — gives
 * one apply-ready YAML, byte for byte the golden file. {@code -Dgolden.update=true} rewrites it.
 */
class MysqlGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/mysql.yaml");

  private static String render(Manifests m) {
    return YamlRenderer.applyReady().render(m.all());
  }

  private static StatefulSet page() throws IOException {
    try (InputStream in = MysqlGoldenTest.class.getResourceAsStream("/mysql-statefulset.yaml")) {
      return YAMLMapper.builder().build().readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8),
          StatefulSet.class);
    }
  }

  @Test
  void builderSpecFileAndImportRenderTheGoldenBytes() throws IOException {
    String fromBuilder = render(MysqlExample.manifests());
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(GOLDEN, fromBuilder, StandardCharsets.UTF_8);
    }
    String golden = Files.readString(GOLDEN, StandardCharsets.UTF_8);

    assertThat(fromBuilder).isEqualTo(golden);
    assertThat(render(SpecFiles.read(Path.of("specs/mysql.yaml")).compile())).isEqualTo(golden);
    assertThat(render(StatefulSetSpec.lift(page()).spec().compile())).isEqualTo(golden);
    assertThat(render(MysqlExample.manifests())).isEqualTo(golden);
  }

  @Test
  void theExampleValidatesWithoutErrors() {
    for (HasMetadata object : MysqlExample.manifests().all()) {
      assertThat(Validator.defaults().validate(object).errors())
          .as(object.getKind() + " " + object.getMetadata().getName())
          .extracting(Finding::toString)
          .isEmpty();
    }
  }
}
