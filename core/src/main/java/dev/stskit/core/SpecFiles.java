package dev.stskit.core;

import dev.stskit.core.internal.FastSpecReader;
import dev.stskit.core.internal.FastSpecWriter;
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
   * @param text a spec as YAML or JSON
   * @return the spec
   * @throws SpecFileException naming the field path and line of the first problem
   */
  public static StatefulSetSpec read(String text) {
    return read(text, "<string>");
  }

  /**
   * Reads a spec file (UTF-8; bytes that are not UTF-8 are an error naming the byte offset).
   *
   * @param file a spec file
   * @return the spec
   * @throws SpecFileException naming the file, the field path and line of the first problem
   * @throws UncheckedIOException when the file cannot be read
   */
  public static StatefulSetSpec read(Path file) {
    byte[] bytes;
    try {
      if (Files.size(file) > 4L * SpecMapper.MAX_INPUT_CHARS) {
        throw new SpecFileException(file.toString(), 0, "", "the spec file has " + Files.size(file)
            + " bytes, more than the limit of " + SpecMapper.MAX_INPUT_CHARS + " characters allows", null);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read spec file " + file + ": " + e.getMessage(), e);
    }
    return read(utf8(bytes, file.toString()), file.toString());
  }

  /**
   * The fast reader first (no Jackson databind: a cold start takes a quarter of the time); the
   * full one for what it leaves, which reads the same and reports errors with line and path.
   */
  private static StatefulSetSpec read(String text, String source) {
    StatefulSetSpec fast = FastSpecReader.tryRead(text);
    return fast != null ? fast : SpecMapper.read(text, source);
  }

  /** The text of UTF-8 bytes (a byte order mark skipped); anything else names the first bad byte. */
  private static String utf8(byte[] bytes, String source) {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    java.nio.charset.CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length);
    java.nio.charset.CoderResult r = dec.decode(in, out, true);
    if (r.isError()) {
      int bad = in.position();
      int line = 1;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new SpecFileException(source, line, "", String.format(
          "not UTF-8: invalid byte 0x%02X at byte offset %d; save the file as UTF-8", bytes[bad] & 0xFF, bad), null);
    }
    dec.flush(out);
    out.flip();
    return out.toString();
  }

  /**
   * The spec as YAML: defaults written out, empty lists, maps and unset options left out.
   *
   * @param spec the spec
   * @return its YAML text, which {@link #read(String)} reads back equal
   * @throws SpecException when the file would not read back: a string or key over 1 MiB, or a
   *     file over 3 MiB (the limits {@link #read} applies, those of the manifest reader)
   */
  public static String writeYaml(StatefulSetSpec spec) {
    String fast = FastSpecWriter.yaml(spec);
    return fast != null ? readable(fast) : SpecMapper.writeYaml(spec);
  }

  /**
   * The spec as JSON, shaped as {@link #writeYaml}.
   *
   * @param spec the spec
   * @return its JSON text, which {@link #read(String)} reads back equal
   */
  public static String writeJson(StatefulSetSpec spec) {
    String fast = FastSpecWriter.json(spec);
    return fast != null ? readable(fast) : SpecMapper.writeJson(spec);
  }

  /**
   * The fast writer's text, checked as the full writer checks its own: only a text over the scalar
   * limit needs the check (which reads it back), so a short one never starts Jackson databind.
   */
  private static String readable(String text) {
    return text.length() > SpecMapper.MAX_SCALAR_CHARS ? SpecMapper.readable(text) : text;
  }
}
