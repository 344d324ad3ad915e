package dev.stskit.cli;

import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the files a command names, with exit-2 errors that name the file and line. */
final class Inputs {
  private Inputs() {}

  static Path existing(String command, String name) {
    Path p = Path.of(name);
    if (!Files.exists(p)) {
      throw new UsageException(command + ": " + name + ": no such file");
    }
    if (!Files.isRegularFile(p)) {
      throw new UsageException(command + ": " + name + ": not a regular file");
    }
    if (!Files.isReadable(p)) {
      throw new UsageException(command + ": " + name + ": not readable");
    }
    return p;
  }

  /** The file's text; bytes that are not UTF-8 are a one-line error naming the byte offset. */
  static String utf8(String command, String name) {
    Path p = existing(command, name);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UsageException(command + ": " + name + ": " + e.getMessage(), e);
    }
    java.nio.charset.CharsetDecoder decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
    try {
      return decoder.decode(in).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new UsageException(command + ": " + name + ": not UTF-8: invalid byte at byte offset " + in.position(), e);
    }
  }

  static ReadResult manifests(String command, String name, ManifestReader reader) {
    Path p = existing(command, name);
    try {
      return reader.read(Files.readAllBytes(p), name);
    } catch (NoSuchFileException e) {
      throw new UsageException(command + ": " + name + ": no such file", e);
    } catch (IOException e) {
      throw new UsageException(command + ": " + name + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new UsageException(command + ": " + name + ": " + e.getCause().getMessage(), e);
    } catch (ManifestReadException e) {
      throw new UsageException(command + ": " + e.getMessage(), e);
    }
  }
}
