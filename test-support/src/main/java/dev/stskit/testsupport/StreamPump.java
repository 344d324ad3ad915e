package dev.stskit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child process's stderr line by line to {@code System.err}. A child inheriting the
 * JVM's file descriptors would write around Surefire's capture; this goes through it.
 */
final class StreamPump {
  private StreamPump() {}

  static Thread toStderr(InputStream in, String prefix) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  System.err.println(prefix + line);
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
