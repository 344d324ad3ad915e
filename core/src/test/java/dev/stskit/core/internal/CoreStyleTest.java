package dev.stskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.core.ContainerPort;
import dev.stskit.core.MissingFieldsException;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One Immutables style: core's {@link CoreStyle} is the shared {@code dev.stskit.style.StsStyle} plus
 * core's exception. Immutables reads styles at compile time only (their retention is {@code CLASS}), so
 * the settings are compared in the sources, and their effect on the generated classes.
 */
class CoreStyleTest {
  private static final Path SHARED = Path.of("..", "style", "src", "main", "java", "dev", "stskit", "style",
      "StsStyle.java");
  private static final Path CORE = Path.of("src", "main", "java", "dev", "stskit", "core", "internal",
      "CoreStyle.java");

  @Test
  void coreStyleIsTheSharedStylePlusCoresException() throws IOException {
    Map<String, String> shared = settings(SHARED);
    Map<String, String> core = settings(CORE);
    assertThat(shared).containsKeys("visibility", "overshadowImplementation", "depluralize",
        "allowedClasspathAnnotations").doesNotContainKey("throwForInvalidImmutableState");
    assertThat(core).containsEntry("throwForInvalidImmutableState", "MissingFieldsException.class");
    core.remove("throwForInvalidImmutableState");
    assertThat(core).as("CoreStyle's settings besides its exception").isEqualTo(shared);
  }

  @Test
  void generatedClassesOfCoreAndGpuFollowTheStyle() throws ClassNotFoundException {
    // package-private implementations (Immutables' default would make them public)
    for (String generated : new String[] {"dev.stskit.core.ImmutableContainerPort",
        "dev.stskit.gpu.ImmutableGpuProfile"}) {
      assertThat(Modifier.isPublic(Class.forName(generated).getModifiers())).as(generated).isFalse();
    }
    // core's builders throw its public exception, not Immutables' IllegalStateException
    assertThatThrownBy(() -> ContainerPort.builder().build()).isInstanceOf(MissingFieldsException.class);
  }

  /** The attributes of the file's {@code @Value.Style(...)}, comments and spacing left out. */
  static Map<String, String> settings(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replaceAll("//[^\n]*", "");
    int start = text.indexOf("@Value.Style(");
    assertThat(start).as("%s has a @Value.Style", file).isNotNegative();
    int depth = 0;
    int from = start + "@Value.Style(".length();
    Map<String, String> out = new LinkedHashMap<>();
    StringBuilder item = new StringBuilder();
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c == ',' || c == ')') && depth == 0) {
        String s = item.toString().replaceAll("\\s+", "");
        if (!s.isEmpty()) {
          out.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
        }
        item.setLength(0);
        if (c == ')') {
          break;
        }
        continue;
      }
      depth += c == '{' || c == '(' ? 1 : c == '}' || c == ')' ? -1 : 0;
      item.append(c);
    }
    return out;
  }
}
