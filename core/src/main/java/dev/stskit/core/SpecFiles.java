package dev.stskit.core;

import dev.stskit.core.internal.SpecMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The spec file: a {@link StatefulSetSpec} as YAML (or JSON, which is YAML too), the same shape as
 * the spec's JSON serialization. Reading is strict: unknown fields, duplicate keys and wrong types
 * are errors that name the field path and the line. {@code read(writeYaml(spec))} equals {@code
 * spec}; writing is deterministic.
 *
 * <pre>{@code
 * StatefulSetSpec spec = SpecFiles.read(Path.of("examples/specs/mysql.yaml"));
 * String yaml = SpecFiles.writeYaml(spec);
 * }</pre>
 */
public final class SpecFiles {
  private SpecFiles() {}

  /**
   * Reads a spec from YAML or JSON text.
   *
   * @throws SpecFileException naming the field path and line of the first problem
   */
  public static StatefulSetSpec read(String text) {
    return SpecMapper.read(text, "<string>");
  }

  /**
   * Reads a spec file (UTF-8).
   *
   * @throws SpecFileException naming the file, the field path and line of the first problem
   * @throws UncheckedIOException when the file cannot be read
   */
  public static StatefulSetSpec read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spec file " + file, e);
    }
    return SpecMapper.read(text, file.toString());
  }

  /** The spec as YAML: defaults written out, empty lists, maps and unset options left out. */
  public static String writeYaml(StatefulSetSpec spec) {
    return SpecMapper.writeYaml(spec);
  }

  /** The spec as JSON, shaped as {@link #writeYaml}. */
  public static String writeJson(StatefulSetSpec spec) {
    return SpecMapper.writeJson(spec);
  }
}
