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

  /** A growing sink whose content is taken with {@link #toString()}. */
  public static CharSink growing(int initialCapacity) {
    return new CharSink(initialCapacity, null);
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

  private static final char[] SPACES = new char[256];

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
