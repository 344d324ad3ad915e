package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches in a small heap, in a forked JVM: what CI can check of "bounded memory". No timing
 * asserts; the ten-minute bound only catches a hang.
 */
class BoundedMemoryCliTest {

  private static Process start(Path out, Path err, String heap, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
  }

  private static String lastLine(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  /** {@code validate DIR} of 2,000 files with {@code -Xmx64m}, as the README's 10,000-file run. */
  @Test
  void validateOfADirectoryOfTwoThousandFilesIn64Megabytes(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("manifests"));
    for (int i = 0; i < 2000; i++) {
      Files.writeString(dir.resolve(String.format("sts-%04d.yaml", i)), BatchCliTest.sts(i, true));
    }
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = start(out, err, "64m", "validate", dir.toString(), "--jobs", "2");
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(Files.readString(err)).isEmpty();
    assertThat(lastLine(out)).isEqualTo("2000 document(s) checked: 0 error(s), 0 warning(s)");
  }

  /**
   * 30,000 documents (about 9 MB) on stdin through a 16 MB heap: only a stream gets through (the
   * parsed trees and objects of the whole input would need several times the heap).
   */
  @Test
  void validateStreamsThirtyThousandDocumentsOfStdinThroughA16MegabyteHeap(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    Process p = start(out, err, "16m", "validate", "-", "--jobs", "2");
    try (OutputStream in = p.getOutputStream()) {
      for (int i = 0; i < 30_000; i++) {
        in.write(("---\n" + BatchCliTest.sts(i, true)).getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    assertThat(lastLine(out)).isEqualTo("30000 document(s) checked: 0 error(s), 0 warning(s)");
  }
}
