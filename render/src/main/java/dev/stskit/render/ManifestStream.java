package dev.stskit.render;

import dev.stskit.render.internal.DocumentSplitter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Documents of one input read one at a time ({@link ManifestReader#stream}), so a stream of any
 * length — {@code kubectl get sts -A -o yaml}-sized dumps, a generator's output on stdin — is read
 * in memory bounded by its largest document. Documents are cut at {@code ---} lines (and at
 * directives after a {@code ...}) without parsing, then each is read as
 * {@link ManifestReader#read(String, String)} reads a whole file; lines, columns and byte offsets
 * in problems and errors are those of the whole stream.
 *
 * <pre>{@code
 * try (ManifestStream docs = ManifestReader.strict().stream(System.in, "<stdin>")) {
 *   for (ReadDocument d : docs) {        // one object at a time, in input order
 *     handle(d.object(), d.problems());
 *   }
 * }
 * }</pre>
 *
 * <p>To read documents on several threads, take them with {@link #nextRaw()} (cheap: no parsing)
 * and read each with {@link ManifestReader#read(RawDocument)} on a worker; put the results back in
 * {@link RawDocument#ordinal()} order. Iterating reads on the calling thread.
 *
 * <p>Input that cannot be read throws {@link ManifestReadException} naming the line (documents
 * before it have been returned); a failing {@code InputStream} throws
 * {@link UncheckedIOException}. Not thread safe; iterate once.
 */
public final class ManifestStream implements Closeable, Iterable<ReadDocument> {
  private final ManifestReader reader;
  private final InputStream in;
  private final String sourceName;
  private final DocumentSplitter splitter;
  private final ArrayDeque<ReadDocument> pending = new ArrayDeque<>();
  private long ordinal;
  private int index;
  private boolean iterating;

  ManifestStream(ManifestReader reader, InputStream in, String sourceName) {
    this.reader = reader;
    this.in = in;
    this.sourceName = sourceName;
    // a document of maxInputChars characters has at most four bytes a character
    this.splitter = new DocumentSplitter(in, sourceName, 4L * reader.limits().maxInputChars());
  }

  /** {@return the name messages give the stream} */
  public String sourceName() {
    return sourceName;
  }

  /** {@return the next document, cut but not parsed; null at the end of the stream} */
  public RawDocument nextRaw() {
    DocumentSplitter.Chunk c;
    try {
      c = splitter.next();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName + ": " + e.getMessage(), e);
    }
    return c == null ? null : new RawDocument(sourceName, c.bytes(), c.byteOffset(), c.firstLine(), ordinal++);
  }

  /**
   * The next object read, with its index among all the stream's objects ({@code kind: List} items
   * counted one by one); null at the end of the stream.
   *
   * @return the next object and its problems, or null
   */
  public ReadDocument next() {
    while (pending.isEmpty()) {
      RawDocument raw = nextRaw();
      if (raw == null) {
        return null;
      }
      for (ReadDocument d : reader.read(raw).documents()) {
        pending.add(d.withIndex(index++));
      }
    }
    return pending.poll();
  }

  /** The objects in input order, read as the iteration goes. Only one iteration. */
  @Override
  public Iterator<ReadDocument> iterator() {
    if (iterating) {
      throw new IllegalStateException("a ManifestStream is iterated once");
    }
    iterating = true;
    return new Iterator<>() {
      private ReadDocument nextDoc;

      @Override
      public boolean hasNext() {
        if (nextDoc == null) {
          nextDoc = ManifestStream.this.next();
        }
        return nextDoc != null;
      }

      @Override
      public ReadDocument next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        ReadDocument d = nextDoc;
        nextDoc = null;
        return d;
      }
    };
  }

  /** Closes the input stream. */
  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + sourceName + ": " + e.getMessage(), e);
    }
  }
}
