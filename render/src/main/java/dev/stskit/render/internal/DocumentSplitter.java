package dev.stskit.render.internal;

import dev.stskit.render.ManifestReadException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream of YAML documents into one chunk per document without parsing it, so a
 * stream of any length is read one document at a time. A chunk ends before a line that starts a
 * document: {@code ---} at column 0 followed by a space, a tab or the line end (YAML forbids
 * such a line inside any scalar, so it is always a marker), or a directive line ({@code %…})
 * after a {@code ...} document end. The marker line belongs to the chunk it starts. A UTF-8
 * byte order mark at the start of the stream is dropped. Only the current chunk is held, and a
 * chunk longer than {@code maxChunkBytes} is refused before it is held whole.
 */
public final class DocumentSplitter {

  /** One document's bytes, the 0-based byte offset and the 1-based line it starts at in the stream. */
  public record Chunk(byte[] bytes, long byteOffset, int firstLine) {}

  private final InputStream in;
  private final String source;
  private final long maxChunkBytes;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private boolean eof;
  private boolean started;

  private byte[] chunk = new byte[16 * 1024];
  private int chunkLen;
  private long chunkOffset;
  private int chunkLine = 1;
  /** Lines of the current chunk so far. */
  private int chunkLines;
  /** A {@code ...} line was the last line: a directive line starts the next document. */
  private boolean afterEnd;
  /** The chunk so far holds a directive: its {@code ---} does not start another chunk. */
  private boolean inDirectives;

  public DocumentSplitter(InputStream in, String source, long maxChunkBytes) {
    this.in = in;
    this.source = source;
    this.maxChunkBytes = maxChunkBytes;
  }

  /** The next document's chunk, or null at the end of the stream. */
  public Chunk next() throws IOException {
    if (!started) {
      started = true;
      skipBom();
    }
    while (true) {
      int lineStart = chunkLen;
      if (!readLine()) {
        if (chunkLen == 0) {
          return null;
        }
        return emit(chunkLen);
      }
      boolean marker = isMarker(lineStart);
      boolean directive = chunk[lineStart] == '%' && afterEnd;
      afterEnd = isEnd(lineStart);
      if ((marker && !inDirectives) || directive) {
        if (lineStart > 0) {
          Chunk c = emit(lineStart);
          inDirectives = directive;
          return c;
        }
        inDirectives = directive;
      } else if (marker) {
        inDirectives = false;
      }
      chunkLines++;
    }
  }

  /** Emits {@code chunk[0, end)} and keeps what follows (the marker line) as the next chunk's start. */
  private Chunk emit(int end) {
    Chunk c = new Chunk(Arrays.copyOf(chunk, end), chunkOffset, chunkLine);
    System.arraycopy(chunk, end, chunk, 0, chunkLen - end);
    chunkLen -= end;
    chunkOffset += end;
    chunkLine += chunkLines;
    chunkLines = chunkLen > 0 ? 1 : 0; // the marker line already read
    return c;
  }

  private boolean isMarker(int at) {
    return isThree(at, (byte) '-');
  }

  private boolean isEnd(int at) {
    return isThree(at, (byte) '.');
  }

  private boolean isThree(int at, byte b) {
    if (chunkLen - at < 3 || chunk[at] != b || chunk[at + 1] != b || chunk[at + 2] != b) {
      return false;
    }
    if (chunkLen - at == 3) {
      return true;
    }
    byte next = chunk[at + 3];
    return next == ' ' || next == '\t' || next == '\n' || next == '\r';
  }

  /** Appends one line (with its {@code \n}) to the chunk; false at the end of the stream with nothing read. */
  private boolean readLine() throws IOException {
    int start = chunkLen;
    while (true) {
      if (pos == lim && !fill()) {
        return chunkLen > start;
      }
      int i = pos;
      while (i < lim && buf[i] != '\n') {
        i++;
      }
      boolean nl = i < lim;
      int end = nl ? i + 1 : i;
      append(pos, end - pos);
      pos = end;
      if (nl) {
        return true;
      }
    }
  }

  private void append(int from, int n) {
    if ((long) chunkLen + n > maxChunkBytes) {
      throw new ManifestReadException(source, chunkLine, 1, "a document of more than " + maxChunkBytes
          + " bytes, more than the input limit allows");
    }
    if (chunkLen + n > chunk.length) {
      chunk = Arrays.copyOf(chunk, (int) Math.min(Math.max(chunk.length * 2L, (long) chunkLen + n),
          Math.max(maxChunkBytes, chunkLen + n)));
    }
    System.arraycopy(buf, from, chunk, chunkLen, n);
    chunkLen += n;
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    int n = in.read(buf, 0, buf.length);
    while (n == 0) {
      n = in.read(buf, 0, buf.length);
    }
    if (n < 0) {
      eof = true;
      pos = lim = 0;
      return false;
    }
    pos = 0;
    lim = n;
    return true;
  }

  private void skipBom() throws IOException {
    while (lim - pos < 3 && !eof) {
      // gather the first three bytes (a read may return fewer)
      if (pos > 0) {
        System.arraycopy(buf, pos, buf, 0, lim - pos);
        lim -= pos;
        pos = 0;
      }
      int n = in.read(buf, lim, buf.length - lim);
      if (n < 0) {
        eof = true;
      } else {
        lim += n;
      }
    }
    if (lim - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
      pos += 3;
      chunkOffset = 3;
    }
  }
}
