package dev.stskit.core.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLFactoryBuilder;
import tools.jackson.dataformat.yaml.YAMLSchema;

/**
 * The spec file's syntax: how its YAML and JSON are tokenized, shared by the full reader ({@link
 * SpecMapper}, Jackson databind) and the fast one ({@link FastSpecReader}, tokens only), so that
 * both see the same tokens, limits and duplicate-key refusals.
 */
final class SpecSyntax {
  /** The longest string or key a spec file may hold: the manifest reader's scalar limit (1 MiB). */
  static final int MAX_SCALAR_CHARS = 1024 * 1024;
  /** The longest spec file: the manifest reader's input limit (3 MiB). */
  static final int MAX_INPUT_CHARS = 3 * 1024 * 1024;

  private SpecSyntax() {}

  /**
   * YAML 1.2's core schema, so that {@code ~}, {@code Null} and {@code NULL} are null as a YAML
   * user expects (Jackson's default JSON schema reads them as strings); strings and keys up to the
   * scalar limit; duplicate keys refused.
   */
  static YAMLFactoryBuilder yaml() {
    return YAMLFactory.builder()
        .loadSettings(org.snakeyaml.engine.v2.api.LoadSettings.builder()
            .setSchema(new org.snakeyaml.engine.v2.schema.CoreSchema())
            .setCodePointLimit(MAX_INPUT_CHARS + 1024)
            // the scanner copies what it has not consumed at each refill of its buffer: with the
            // default 1,024 a 1 MiB scalar took seconds (quadratic); 64 KiB keeps it linear
            .setBufferSize(64 * 1024).build())
        .yamlSchema(YAMLSchema.CORE)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(constraints());
  }

  /**
   * JSON, for a spec file whose first character is '{': a YAML reader takes at most 1,024
   * characters of a key in a flow mapping, and the JSON writer writes any key.
   */
  static JsonFactoryBuilder json() {
    return JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(constraints());
  }

  private static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder().maxStringLength(MAX_SCALAR_CHARS).maxNameLength(MAX_SCALAR_CHARS).build();
  }

  /** Whether {@code text} is a JSON object (its first character other than blanks is '{'). */
  static boolean isJson(String text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (c == '{') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\uFEFF') {
        return false;
      }
    }
    return false;
  }
}
