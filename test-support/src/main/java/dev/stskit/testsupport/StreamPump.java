package dev.stskit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Copies a child process's stderr line by line to {@code System.err}. A child inheriting the
 * JVM's file descriptors would write around Surefire's capture; this goes through it.
 */
final class StreamPump {
  private StreamPump() {}

  /** The last lines seen, for error messages and tests. */
  static final class Tail {
    private final int max;
    private final ArrayDeque<String> lines = new ArrayDeque<>();

    Tail(int max) {
      this.max = max;
    }

    synchronized void add(String line) {
      if (lines.size() == max) {
        lines.removeFirst();
      }
      lines.addLast(line);
    }

    synchronized List<String> lines() {
      return List.copyOf(lines);
    }
  }

  static Thread toStderr(InputStream in, String prefix) {
    return toStderr(in, prefix, new Tail(1));
  }

  static Thread toStderr(InputStream in, String prefix, Tail tail) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  System.err.println(prefix + line);
                  tail.add(line);
                }
              } catch (IOException e) {
                // the process is gone; nothing more to copy
              }
            },
            "sts-kit-stderr-pump");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
