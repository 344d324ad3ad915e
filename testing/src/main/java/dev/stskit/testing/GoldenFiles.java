package dev.stskit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;

/**
 * Golden files compared byte for byte. One flag rewrites them: run the tests with
 * {@code -Dgolden.update=true} (Maven passes it to the test JVM), review the diff, commit.
 */
public final class GoldenFiles {
  /** The system property that makes {@link #check(String, Path)} write instead of compare. */
  public static final String UPDATE_PROPERTY = "golden.update";

  private GoldenFiles() {}

  /**
   * Whether this run rewrites golden files instead of checking them.
   *
   * @return {@code true} when the system property {@value #UPDATE_PROPERTY} is {@code true}
   */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  /**
   * Asserts that {@code actual} is the content of {@code golden}, byte for byte (UTF-8); when
   * {@link #updating()}, writes {@code actual} there instead (creating folders) and passes.
   *
   * @param actual the text produced now
   * @param golden the golden file, usually under {@code src/test/resources}
   * @throws AssertionError if the file is missing or differs; the message names the flag that rewrites it
   */
  public static void check(String actual, Path golden) {
    try {
      if (updating()) {
        Path parent = golden.toAbsolutePath().getParent();
        if (parent != null) {
          Files.createDirectories(parent);
        }
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(golden)) {
        throw new AssertionError("no golden file " + golden + "; run the tests with -D" + UPDATE_PROPERTY
            + "=true to write it");
      }
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      Assertions.assertThat(actual).as("rendered text vs golden file %s (-D%s=true rewrites it)", golden,
          UPDATE_PROPERTY).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException("golden file " + golden, e);
    }
  }
}
