package dev.stskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files: {@code src/test/resources/golden/<name>.yaml}, compared byte for byte. Run the
 * tests with {@code -Dgolden.update=true} to (re)write them from what the code renders now.
 */
final class Goldens {
  /** Where the golden files live, relative to the module (surefire's working directory). */
  static final Path DIR = Path.of("src/test/resources/golden");

  private Goldens() {}

  /** Whether this run rewrites the golden files instead of checking them. */
  static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  static Path file(String name) {
    return DIR.resolve(name + ".yaml");
  }

  /** Writes {@code actual} as the golden file {@code name}. */
  static void write(String name, String actual) {
    try {
      Files.createDirectories(DIR);
      Files.writeString(file(name), actual, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that {@code actual} equals the golden file {@code name}, byte for byte. */
  static void check(String name, String actual) {
    Path file = file(name);
    if (!Files.exists(file)) {
      fail("no golden file " + file + "; run the tests with -Dgolden.update=true to write it");
    }
    try {
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(actual).as("rendered YAML vs " + file + " (-Dgolden.update=true rewrites it)")
          .isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The names of the golden files present, sorted. */
  static List<String> present() {
    if (!Files.isDirectory(DIR)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
