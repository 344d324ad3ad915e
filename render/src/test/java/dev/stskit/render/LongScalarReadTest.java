package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Found by the mutation fuzzer (a hang: one input over 10 s): snakeyaml-engine copies what it has
 * not consumed yet each time it refills its buffer, so with its default 1,024-character buffer a
 * plain scalar of n characters cost n²/2,048 copies — 2 GB allocated and over a second for 1 MiB,
 * the reader's scalar limit. The bound here (allocated bytes, not time) is 5 times what the linear
 * reader needs and a tenth of what the quadratic one did.
 */
class LongScalarReadTest {
  private static final int MIB = 1024 * 1024;
  private static final long MAX_BYTES = 400L * MIB;

  private static long allocatedBy(Runnable r) {
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    r.run();
    return mx.getCurrentThreadAllocatedBytes() - before;
  }

  @Test
  void aOneMebibytePlainScalarIsReadInLinearAllocation() {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  k: " + "x".repeat(MIB) + "\n";
    ReadResult[] read = new ReadResult[1];
    assertThat(allocatedBy(() -> read[0] = ManifestReader.strict().read(text))).isLessThan(MAX_BYTES);
    assertThat(((ConfigMap) read[0].objects().get(0)).getData().get("k")).hasSize(MIB);
  }

  @Test
  void aOneMebibytePlainKeyIsRefusedInLinearAllocation() {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  " + "x".repeat(MIB) + ": v\n";
    assertThat(allocatedBy(() -> assertThatThrownBy(() -> ManifestReader.strict().read(text))
        .isInstanceOf(ManifestReadException.class).hasMessageContaining("invalid YAML"))).isLessThan(MAX_BYTES);
  }
}
