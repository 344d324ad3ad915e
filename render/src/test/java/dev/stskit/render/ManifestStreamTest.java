package dev.stskit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ManifestStreamTest {

  private static final String MULTI = """
      # a comment before the first document
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: a
      data:
        script: |
          echo one
          --- not a marker: indented, inside a block scalar
      ---
      ---   # an empty document
      --- # the third
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: b
        nam: typo
      ...
      %YAML 1.1
      ---
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: ConfigMap, metadata: {name: c}}
      - apiVersion: v1
        kind: ConfigMap
        metadata:
          name: d
          labels: {x: y, x: z}
      """;

  private static ManifestStream stream(String text) {
    return ManifestReader.strict().stream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "m.yaml");
  }

  private static List<ReadDocument> all(ManifestStream s) {
    List<ReadDocument> out = new ArrayList<>();
    s.forEach(out::add);
    return out;
  }

  @Test
  void readsWhatAWholeReadReadsWithTheSameIndicesLinesAndProblems() {
    ReadResult whole = ManifestReader.strict().read(MULTI, "m.yaml");
    List<ReadDocument> streamed;
    try (ManifestStream s = stream(MULTI)) {
      streamed = all(s);
    }
    assertThat(streamed).hasSize(4);
    assertThat(streamed).extracting(d -> d.object().getMetadata().getName()).containsExactly("a", "b", "c", "d");
    for (int i = 0; i < 4; i++) {
      ReadDocument w = whole.documents().get(i);
      ReadDocument s = streamed.get(i);
      assertThat(s.index()).isEqualTo(w.index()).isEqualTo(i);
      assertThat(s.object()).isEqualTo(w.object());
      assertThat(s.problems()).isEqualTo(w.problems());
      assertThat(s.position()).isEqualTo(w.position());
      assertThat(s.positionOf("metadata.name")).isEqualTo(w.positionOf("metadata.name")).isPresent();
    }
    assertThat(((ConfigMap) streamed.get(0).object()).getData().get("script"))
        .isEqualTo("echo one\n--- not a marker: indented, inside a block scalar\n");
    assertThat(streamed.get(1).problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(17);
      assertThat(p.path()).isEqualTo("metadata.nam");
    });
    assertThat(streamed.get(3).problems()).anySatisfy(p -> {
      assertThat(p.kind()).isEqualTo(ReadProblem.Kind.DUPLICATE_KEY);
      assertThat(p.line()).isEqualTo(29);
    });
  }

  @Test
  void rawDocumentsReadOnOtherThreadsGiveTheSameDocuments() throws Exception {
    List<RawDocument> raws = new ArrayList<>();
    try (ManifestStream s = stream(MULTI)) {
      for (RawDocument r = s.nextRaw(); r != null; r = s.nextRaw()) {
        raws.add(r);
      }
    }
    assertThat(raws).extracting(RawDocument::firstLine).containsExactly(1, 10, 11, 12, 19);
    assertThat(raws).extracting(RawDocument::ordinal).containsExactly(0L, 1L, 2L, 3L, 4L);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<ReadResult>> futures = new ArrayList<>();
      for (RawDocument r : raws) {
        futures.add(pool.submit(() -> ManifestReader.strict().read(r)));
      }
      List<HasMetadata> objects = new ArrayList<>();
      for (Future<ReadResult> f : futures) {
        objects.addAll(f.get().objects());
      }
      assertThat(objects).isEqualTo(ManifestReader.strict().read(MULTI, "m.yaml").objects());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anUnreadableDocumentNamesItsLineInTheStreamAfterTheDocumentsBeforeIt() {
    String text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\n"
        + "metadata: {name: [b\n";
    try (ManifestStream s = stream(text)) {
      assertThat(s.next().object().getMetadata().getName()).isEqualTo("a");
      assertThatThrownBy(s::next).isInstanceOf(ManifestReadException.class)
          .hasMessageStartingWith("m.yaml:8:")
          .satisfies(e -> assertThat(((ManifestReadException) e).line()).isEqualTo(8));
    }
  }

  @Test
  void aByteThatIsNotUtf8IsNamedByItsOffsetInTheStream() {
    byte[] head = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: ConfigMap\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = 'x';
    bytes[head.length + 1] = (byte) 0xC3;
    bytes[head.length + 2] = '\n';
    try (ManifestStream s = ManifestReader.strict().stream(new ByteArrayInputStream(bytes), "m.yaml")) {
      s.next();
      assertThatThrownBy(s::next).isInstanceOf(ManifestReadException.class)
          .hasMessage("m.yaml:6:2: not UTF-8: invalid byte 0xC3 at byte offset " + (head.length + 1));
    }
  }

  @Test
  void aByteOrderMarkIsSkippedAndOffsetsCountIt() {
    byte[] doc = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[doc.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(doc, 0, bytes, 3, doc.length);
    try (ManifestStream s = ManifestReader.strict().stream(new ByteArrayInputStream(bytes), "m.yaml")) {
      RawDocument raw = s.nextRaw();
      assertThat(raw.byteOffset()).isEqualTo(3);
      assertThat(ManifestReader.strict().read(raw).objects()).singleElement()
          .satisfies(o -> assertThat(o.getMetadata().getName()).isEqualTo("a"));
      assertThat(s.nextRaw()).isNull();
    }
  }

  /** The limits bound each document, not the stream: 20,000 documents through a 1 KiB limit. */
  @Test
  void aStreamFarLongerThanTheInputLimitIsRead() {
    ReaderLimits small = ReaderLimits.builder().maxInputChars(1024).maxDocuments(2).build();
    int n = 20_000;
    int count = 0;
    int outOfOrder = 0;
    try (ManifestStream s = ManifestReader.strict().withLimits(small).stream(generated(n), "gen")) {
      for (ReadDocument d : s) {
        if (d.index() != count || !d.object().getMetadata().getName().equals("cm-" + count)) {
          outOfOrder++;
        }
        count++;
      }
    }
    assertThat(count).isEqualTo(n);
    assertThat(outOfOrder).isZero();
  }

  /** A document that never ends is refused at the limit, not read into memory without end. */
  @Test
  void anEndlessDocumentIsRefusedAtTheLimit() {
    InputStream endless = new InputStream() {
      private final byte[] line = "  k: v\n".getBytes(StandardCharsets.US_ASCII);
      private long i;

      @Override
      public int read() {
        return i < 6 ? "data:\n".charAt((int) i++) : line[(int) (i++ % line.length)];
      }
    };
    ReaderLimits limits = ReaderLimits.builder().maxInputChars(64 * 1024).build();
    try (ManifestStream s = ManifestReader.strict().withLimits(limits).stream(endless, "endless")) {
      assertThatThrownBy(s::next).isInstanceOf(ManifestReadException.class)
          .hasMessageContaining("endless:1:1: a document of more than 262144 bytes");
    }
  }

  /** {@code n} small ConfigMaps, made as they are read (the whole text is never in memory). */
  static InputStream generated(int n) {
    return new InputStream() {
      private int doc;
      private byte[] cur = new byte[0];
      private int pos;

      @Override
      public int read() {
        if (pos == cur.length) {
          if (doc == n) {
            return -1;
          }
          cur = ("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-" + doc++ + "\ndata: {k: v}\n")
              .getBytes(StandardCharsets.US_ASCII);
          pos = 0;
        }
        return cur[pos++];
      }
    };
  }
}
