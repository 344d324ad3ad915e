package dev.stskit.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One line on stderr, redrawn in place at most five times a second, while a batch runs:
 * documents done, their rate and, when the input's size is known, the time left (from the bytes
 * done). Only when stderr is a terminal and {@code --no-progress} is not given; otherwise nothing
 * is written, so logs and pipes never see it. The line is cleared before anything else goes to
 * stderr and when the batch ends.
 */
final class Progress {
  private static final long EVERY_NANOS = 200_000_000L;

  private final long everyNanos;
  private final PrintStream err;
  private final boolean on;
  private final long totalBytes;
  private final long start = System.nanoTime();
  private long lastDraw = start;
  private long documents;
  private long bytes;
  private int drawnWidth;

  private Progress(PrintStream err, boolean on, long totalBytes, long everyNanos) {
    this.everyNanos = everyNanos;
    this.err = err;
    this.on = on;
    this.totalBytes = totalBytes;
  }

  /** A progress line on {@code err} if {@code on}; {@code totalBytes} is -1 when not known (stdin). */
  static Progress of(PrintStream err, boolean on, long totalBytes) {
    return new Progress(err, on, totalBytes, EVERY_NANOS);
  }

  /** The same, redrawn at most every {@code everyNanos}. */
  static Progress of(PrintStream err, boolean on, long totalBytes, long everyNanos) {
    return new Progress(err, on, totalBytes, everyNanos);
  }

  /** Counts {@code docs} more documents and {@code moreBytes} more bytes of input done. */
  void done(long docs, long moreBytes) {
    documents += docs;
    bytes += moreBytes;
    if (!on) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw >= everyNanos) {
      lastDraw = now;
      draw(now);
    }
  }

  private void draw(long now) {
    double seconds = Math.max(1e-9, (now - start) / 1e9);
    StringBuilder line = new StringBuilder("sts-kit: ")
        .append(String.format(Locale.ROOT, "%,d documents, %,.0f/s", documents, documents / seconds));
    if (totalBytes > 0 && bytes > 0) {
      double left = seconds * (totalBytes - bytes) / bytes;
      line.append(String.format(Locale.ROOT, ", %d%%, %s left", Math.min(100, bytes * 100 / totalBytes),
          clock(Math.max(0, left))));
    }
    String text = line.toString();
    StringBuilder out = new StringBuilder("\r").append(text);
    for (int i = text.length(); i < drawnWidth; i++) {
      out.append(' ');
    }
    drawnWidth = text.length();
    err.print(out);
    err.flush();
  }

  /** Takes the line away (before other stderr output, and at the end). */
  void clear() {
    if (on && drawnWidth > 0) {
      err.print("\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
    }
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * Whether this process's stderr is a terminal: on Linux, whether {@code /proc/self/fd/2} is a
   * tty device; elsewhere, whether the JVM has a console (stdin and stdout are terminals).
   */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    try {
      if (Files.exists(fd, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
      }
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      // fall through
    }
    return System.console() != null;
  }
}
