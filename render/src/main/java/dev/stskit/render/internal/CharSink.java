package dev.stskit.render.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * A character buffer that either grows (rendering to a String) or flushes to a {@link Writer}
 * whenever it is full (streaming), so a streamed render never holds more than the buffer.
 * Not thread-safe: one per render call.
 */
public final class CharSink {

  private static final int STREAM_BUFFER = 8192;

  private char[] buf;
  private int pos;
  private final Writer target;

  private CharSink(int capacity, Writer target) {
    this.buf = new char[capacity];
    this.target = target;
  }

  /** Buffers kept per thread for rendering to a String (at most 256 KiB each), so a render allocates little more than its result. */
  private static final ThreadLocal<char[]> CACHED = new ThreadLocal<>();
  private static final int MAX_CACHED = 128 * 1024;

  /** {@code out} as a buffered UTF-8 writer, for the renderers' {@code OutputStream} variants. */
  public static Writer utf8(java.io.OutputStream out) {
    return new java.io.BufferedWriter(
        new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 8192);
  }

  /**
   * A growing sink whose content is taken with {@link #toString()}. It borrows this thread's cached
   * buffer; {@link #release()} gives it back.
   */
  public static CharSink growing(int initialCapacity) {
    char[] cached = CACHED.get();
    if (cached != null) {
      CACHED.set(null); // borrowed: a nested render on this thread gets its own buffer
      CharSink sink = new CharSink(0, null);
      sink.buf = cached;
      return sink;
    }
    return new CharSink(Math.max(initialCapacity, 1024), null);
  }

  /** Returns a growing sink's buffer to this thread's cache. The sink must not be used afterwards. */
  public void release() {
    if (target == null && buf.length <= MAX_CACHED) {
      CACHED.set(buf);
    }
    buf = null;
  }

  /** A sink that writes through to {@code target} in chunks. */
  public static CharSink streaming(Writer target) {
    return new CharSink(STREAM_BUFFER, target);
  }

  private void room(int n) {
    if (pos + n <= buf.length) {
      return;
    }
    if (target != null) {
      flushBuffer();
      if (n <= buf.length) {
        return;
      }
    }
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
  }

  private void flushBuffer() {
    try {
      target.write(buf, 0, pos);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    pos = 0;
  }

  /** Makes room for {@code n} characters and returns the position they would go to. */
  int reserve(int n) {
    room(n);
    return pos;
  }

  char[] buffer() {
    return buf;
  }

  /** Takes {@code n} characters written directly into {@link #buffer()} at {@link #reserve}'s position. */
  void advance(int n) {
    pos += n;
  }

  public void append(char c) {
    if (pos == buf.length) {
      room(1);
    }
    buf[pos++] = c;
  }

  public void append(char[] cs) {
    int n = cs.length;
    if (target != null && n > buf.length) {
      flushBuffer();
      try {
        target.write(cs);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    room(n);
    System.arraycopy(cs, 0, buf, pos, n);
    pos += n;
  }

  public void append(String s) {
    append(s, 0, s.length());
  }

  public void append(String s, int from, int to) {
    int n = to - from;
    if (target != null && n > buf.length) {
      flushBuffer();
      try {
        target.write(s, from, n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    room(n);
    s.getChars(from, to, buf, pos);
    pos += n;
  }

  private static final char[] SPACES = new char[128];

  static {
    Arrays.fill(SPACES, ' ');
  }

  public void spaces(int n) {
    while (n > 0) {
      int k = Math.min(n, SPACES.length);
      room(k);
      System.arraycopy(SPACES, 0, buf, pos, k);
      pos += k;
      n -= k;
    }
  }

  /** Appends a long in decimal without creating a String. */
  public void appendLong(long v) {
    if (v == Long.MIN_VALUE) {
      append(Long.toString(v));
      return;
    }
    room(20);
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int start = pos;
    do {
      buf[pos++] = (char) ('0' + (v % 10));
      v /= 10;
    } while (v != 0);
    for (int i = start, j = pos - 1; i < j; i++, j--) {
      char t = buf[i];
      buf[i] = buf[j];
      buf[j] = t;
    }
  }

  /** Writes out what is buffered (streaming sinks) and flushes the target. */
  public void flush() {
    if (target != null) {
      flushBuffer();
      try {
        target.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public String toString() {
    return new String(buf, 0, pos);
  }
}
