package dev.stskit.cli;

import dev.stskit.render.ManifestReadException;
import dev.stskit.render.ManifestReader;
import dev.stskit.render.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reading the files a command names, with exit-2 errors that name the file and line. */
final class Inputs {
  private Inputs() {}

  /** The name stdin ({@code -}) has in messages and reports. */
  static final String STDIN = "<stdin>";

  /** One input of a batch command: a file, or stdin when {@code path} is null. */
  record Input(String name, Path path) {
    boolean isStdin() {
      return path == null;
    }

    /** Bytes in the file; -1 for stdin. */
    long size() {
      if (path == null) {
        return -1;
      }
      try {
        return Files.size(path);
      } catch (IOException e) {
        return 0;
      }
    }

    InputStream open(String command, InputStream stdin) {
      if (path == null) {
        return stdin;
      }
      try {
        return Files.newInputStream(path);
      } catch (IOException e) {
        throw new UsageException(command + ": " + name + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The inputs the operands name, in order: a file as it is; a directory as every {@code *.yaml},
   * {@code *.yml} and {@code *.json} file under it (recursively, symbolic links to directories not
   * followed), sorted by path as strings ({@code LC_ALL=C sort} order); {@code -} as stdin, at most
   * once. A directory without such a file is a usage error, as is a missing operand.
   */
  static List<Input> expand(String command, List<String> operands) {
    List<Input> out = new ArrayList<>();
    boolean stdin = false;
    for (String name : operands) {
      if (name.equals("-")) {
        if (stdin) {
          throw new UsageException(command + ": '-' (stdin) given twice");
        }
        stdin = true;
        out.add(new Input(STDIN, null));
        continue;
      }
      Path p = Path.of(name);
      if (Files.isDirectory(p)) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(p)) {
          files = walk.filter(f -> manifestName(f) && Files.isRegularFile(f)).collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
          throw new UsageException(command + ": " + name + ": cannot list the directory: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
          throw new UsageException(command + ": " + name + ": no *.yaml, *.yml or *.json file in the directory");
        }
        files.stream().map(Path::toString).sorted().forEach(f -> out.add(new Input(f, Path.of(f))));
        continue;
      }
      out.add(new Input(name, existing(command, name)));
    }
    return out;
  }

  private static boolean manifestName(Path f) {
    Path file = f.getFileName();
    if (file == null) {
      return false;
    }
    String n = file.toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  /** All of stdin, refused past {@code maxBytes}. */
  static byte[] readAll(String command, InputStream in, long maxBytes) {
    try {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new UsageException(command + ": " + STDIN + ": more than " + maxBytes + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new UsageException(command + ": " + STDIN + ": " + e.getMessage(), e);
    }
  }

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

  /** The documents of one input, read whole (stdin up to the reader's input limit). */
  static ReadResult manifests(String command, Input input, ManifestReader reader, InputStream stdin) {
    if (!input.isStdin()) {
      return manifests(command, input.name(), reader);
    }
    byte[] bytes = readAll(command, stdin, 4L * reader.limits().maxInputChars());
    try {
      return reader.read(bytes, STDIN);
    } catch (ManifestReadException e) {
      throw new UsageException(command + ": " + e.getMessage(), e);
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
