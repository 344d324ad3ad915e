package dev.stskit.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the built control plane: the directory {@code control-plane/build.sh} prints, building it
 * first when the cache is empty (many minutes the first time). Looked up once per JVM.
 */
final class ControlPlaneBinaries {

  /** System property or environment variable naming an already built binary directory. */
  static final String BIN_PROPERTY = "sts-kit.control-plane.bin";

  static final String BIN_ENV = "STS_KIT_CONTROL_PLANE_BIN";

  static final List<String> BINARIES =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "launcher");

  /** The binary directory, or why there is none. */
  record Located(Optional<Path> dir, Optional<String> problem) {
    static Located at(Path dir) {
      return new Located(Optional.of(dir), Optional.empty());
    }

    static Located unavailable(String problem) {
      return new Located(Optional.empty(), Optional.of(problem));
    }
  }

  private static Located located;

  private ControlPlaneBinaries() {}

  static synchronized Located locate() {
    if (located == null) {
      located = find();
    }
    return located;
  }

  private static Located find() {
    String given = System.getProperty(BIN_PROPERTY, System.getenv(BIN_ENV));
    if (given != null && !given.isBlank()) {
      Path dir = Path.of(given);
      Optional<String> missing = missingBinary(dir);
      return missing.isPresent()
          ? Located.unavailable(missing.get() + " (from " + BIN_PROPERTY + "/" + BIN_ENV + ")")
          : Located.at(dir);
    }
    if (findOnPath("go").isEmpty()) {
      return Located.unavailable("no Go toolchain (go not found on PATH)");
    }
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    Optional<Path> script = findBuildScript(start);
    if (script.isEmpty()) {
      return Located.unavailable("control-plane/build.sh not found in " + start + " or above");
    }
    return build(script.get());
  }

  static Optional<String> missingBinary(Path dir) {
    for (String b : BINARIES) {
      if (!Files.isExecutable(dir.resolve(b))) {
        return Optional.of("no executable " + b + " in " + dir);
      }
    }
    return Optional.empty();
  }

  static Optional<Path> findOnPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String entry : path.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(entry, command);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Walks up from {@code start} to the repository root holding control-plane/build.sh. */
  static Optional<Path> findBuildScript(Path start) {
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path script = dir.resolve("control-plane").resolve("build.sh");
      if (Files.isRegularFile(script)) {
        return Optional.of(script);
      }
    }
    return Optional.empty();
  }

  private static Located build(Path script) {
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
    pb.directory(script.getParent().toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long t0 = System.nanoTime();
    try {
      Process p = pb.start();
      // build.sh logs only when it builds; its lines say so and how long the first build takes
      Thread pump = StreamPump.toStderr(p.getErrorStream(), "");
      String dir = null;
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (!line.isBlank()) {
            dir = line.trim();
          }
        }
      }
      int code = p.waitFor();
      pump.join();
      if (code != 0 || dir == null) {
        return Located.unavailable(
            "control-plane build failed (" + script + " exited with " + code + "; output above)");
      }
      Path binDir = Path.of(dir);
      Optional<String> missing = missingBinary(binDir);
      if (missing.isPresent()) {
        return Located.unavailable("control-plane build incomplete: " + missing.get());
      }
      long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
      if (seconds >= 5) {
        System.err.println("sts-kit: control plane built in " + seconds + " s into " + binDir);
      }
      return Located.at(binDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Located.unavailable("interrupted while building the control plane");
    }
  }
}
