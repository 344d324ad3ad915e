package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.render.internal.Models;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The reader's index of fabric8's model classes ({@code render/src/main/resources/…/models.index})
 * is what reading every class's annotations gives on the CLI's class path, which has every fabric8
 * model jar. {@code -Dmodels.update=true} rewrites it (after a fabric8 upgrade).
 */
class ModelsIndexTest {
  private static final Path INDEX =
      Path.of("..", "render", "src", "main", "resources", "dev", "stskit", "render", "internal", "models.index");

  @Test
  void theIndexIsWhatTheModelClassesSay() throws IOException {
    String actual = Models.indexText(ModelsIndexTest.class.getClassLoader());
    assertThat(actual).as("fabric8's Maven metadata on the class path").isNotNull();
    String stored;
    if (Boolean.getBoolean("models.update")) {
      Files.writeString(INDEX, actual, StandardCharsets.UTF_8);
      stored = Files.readString(INDEX, StandardCharsets.UTF_8);
    } else {
      try (InputStream in = Models.class.getResourceAsStream("models.index")) {
        assertThat(in).as("models.index on the class path").isNotNull();
        stored = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
    assertThat(stored).as("models.index (run the cli tests with -Dmodels.update=true to rewrite it)")
        .isEqualTo(actual);
    assertThat(actual.lines().filter(l -> l.split(" ").length == 3).count()).as("models").isGreaterThan(150);
  }

  @Test
  void theIndexGivesTheModelsReadingEveryClassGives() {
    ClassLoader cl = ModelsIndexTest.class.getClassLoader();
    assertThat(Models.get().keys()).isEqualTo(Models.withoutIndex(cl).keys());
  }
}
