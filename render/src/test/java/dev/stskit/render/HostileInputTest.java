package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One test per class of hostile input. Each must fail with {@link ManifestReadException} naming a
 * line, within a generous time bound (an order of magnitude above what it takes, so the bound
 * catches exponential blow-ups, not slow machines) and a bound on the bytes this thread allocates.
 */
class HostileInputTest {

  private static final Duration TIME_BOUND = Duration.ofSeconds(10);
  private static final long MEMORY_BOUND = 512L * 1024 * 1024;

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
  }

  private static ManifestReadException rejects(String text) {
    return rejects(() -> ManifestReader.strict().read(text, "hostile.yaml"));
  }

  private static ManifestReadException rejects(Runnable read) {
    ManifestReadException[] caught = new ManifestReadException[1];
    assertTimeoutPreemptively(TIME_BOUND, () -> {
      long before = allocated();
      assertThatThrownBy(read::run).isInstanceOf(ManifestReadException.class)
          .satisfies(e -> caught[0] = (ManifestReadException) e);
      assertThat(allocated() - before).as("bytes allocated").isLessThan(MEMORY_BOUND);
    });
    assertThat(caught[0].line()).isPositive();
    assertThat(caught[0].getMessage()).startsWith("hostile.yaml:");
    return caught[0];
  }

  @Test
  void aliasBombIsStoppedBeforeExpansion() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n");
    sb.append("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      sb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    ManifestReadException e = rejects(sb.toString());
    assertThat(e.getMessage()).containsAnyOf("alias", "nodes");
  }

  /**
   * Issue 15 item 4: 6 levels of 9 aliases stay under the node limit (531,441 leaves) but would
   * render to over 10 million characters; the expanded size counts against the input limit.
   */
  @Test
  void aliasAmplificationIsCountedByExpandedSize() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n");
    sb.append("  a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 6; i++) {
      sb.append("  a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    assertThat(sb.length()).isLessThan(400);
    assertThat(rejects(sb.toString()).getMessage())
        .contains("with its aliases expanded this document would take about")
        .contains("more than the input limit of 3145728");
    // aliases that expand to little are fine
    assertThat(ManifestReader.strict().read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"
        + "x-a: &a [x, y]\nx-b: [*a, *a]\n").objects()).hasSize(1);
  }

  @Test
  void deepFlowNestingIsRejected() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThat(rejects(text).getMessage()).contains("nesting");
  }

  @Test
  void deepBlockNestingIsRejected() {
    StringBuilder sb = new StringBuilder("apiVersion: v1\nkind: ConfigMap\n");
    for (int i = 0; i < 300; i++) {
      sb.append(" ".repeat(i)).append("k:\n");
    }
    assertThat(rejects(sb.toString()).getMessage()).contains("nesting");
  }

  @Test
  void aHugeScalarIsRejected() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata:\n  big: " + "x".repeat(1024 * 1024 + 1) + "\n";
    assertThat(rejects(text).getMessage()).contains("scalar");
  }

  @Test
  void aHugeDocumentIsRejected() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata:\n" + "  k: v\n".repeat(3 * 1024 * 1024 / 7 + 10);
    assertThat(rejects(text).getMessage()).contains("limit");
  }

  @Test
  void tooManyDocumentsAreRejected() {
    ManifestReader reader = ManifestReader.strict().withLimits(ReaderLimits.builder().maxDocuments(100).build());
    String text = "---\napiVersion: v1\nkind: ConfigMap\n".repeat(101);
    rejects(() -> reader.read(text, "hostile.yaml"));
  }

  @Test
  void nonUtf8BytesAreRejectedWithTheirPosition() {
    byte[] bytes = "apiVersion: v1\nkind: ConfigMap\ndata:\n  k: \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    ManifestReadException e = rejects(() -> ManifestReader.strict().read(bytes, "hostile.yaml"));
    assertThat(e.line()).isEqualTo(4);
    assertThat(e.column()).isEqualTo(6);
    assertThat(e.getMessage()).contains("UTF-8");
  }

  @Test
  void languageSpecificTagsAreRejected() {
    String text = "apiVersion: v1\nkind: ConfigMap\ndata: !!python/object/apply:os.system [\"rm -rf /\"]\n";
    assertThat(rejects(text).getMessage()).contains("tag");
    assertThat(rejects(text).line()).isEqualTo(3);
  }

  @Test
  void customTagsAreRejected() {
    assertThat(rejects("apiVersion: v1\nkind: ConfigMap\ndata: !include /etc/passwd\n").getMessage()).contains("tag");
  }

  @Test
  void recursiveAliasesAreRejected() {
    rejects("apiVersion: v1\nkind: ConfigMap\ndata: &a\n  self: *a\n");
  }

  @Test
  void controlCharactersAreRejected() {
    rejects("apiVersion: v1\nkind: ConfigMap\ndata:\n  k: a\u0001b\n");
  }

  @Test
  void standardTagsAreAccepted() {
    ReadResult r = ManifestReader.strict().read("apiVersion: v1\nkind: Service\nmetadata:\n  name: !!str 123\n");
    assertThat(r.objects().get(0).getMetadata().getName()).isEqualTo("123");
  }
}
