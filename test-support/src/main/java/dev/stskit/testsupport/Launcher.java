package dev.stskit.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The control-plane launcher ({@code control-plane/cmd/launcher}) as a child process in control
 * mode: it answers on stdout with one JSON object a line and takes commands on stdin. Closing its
 * stdin stops everything, which also happens when this JVM dies, however it dies.
 */
final class Launcher implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Put on the event queue when the launcher's stdout ends. */
  private static final JsonNode END = JsonNodeFactory.instance.objectNode().put("event", "end");

  private final Process process;
  private final Writer stdin;
  private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
  private final StreamPump.Tail stderr = new StreamPump.Tail(200);

  private Launcher(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readEvents, "sts-kit-launcher-events");
    reader.setDaemon(true);
    reader.start();
    StreamPump.toStderr(process.getErrorStream(), "", stderr);
  }

  /** The launcher process (its children are etcd, kube-apiserver, kube-controller-manager). */
  Process process() {
    return process;
  }

  /** The launcher's stderr so far, the most recent lines. */
  List<String> stderr() {
    return stderr.lines();
  }

  static Launcher start(Path binDir, Path kubeconfig, boolean withControllers) {
    return start(binDir, kubeconfig, withControllers, Map.of());
  }

  /** As {@link #start(Path, Path, boolean)}, with extra environment variables for the launcher. */
  static Launcher start(Path binDir, Path kubeconfig, boolean withControllers, Map<String, String> env) {
    List<String> cmd = new ArrayList<>();
    cmd.add(binDir.resolve("launcher").toString());
    cmd.add("-control");
    cmd.add("-kubeconfig");
    cmd.add(kubeconfig.toString());
    if (withControllers) {
      cmd.add("-with-controllers");
    }
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd);
      pb.environment().putAll(env);
      return new Launcher(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + cmd.get(0), e);
    }
  }

  private void readEvents() {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        try {
          events.add(JSON.readTree(line));
        } catch (JacksonException e) {
          System.err.println("sts-kit control plane: unexpected launcher output: " + line);
        }
      }
    } catch (IOException e) {
      // stdout closed: the launcher is gone
    }
    events.add(END);
  }

  /** The next event; fails when the launcher ends, crashes or says nothing for {@code timeout}. */
  JsonNode next(Duration timeout) {
    JsonNode e;
    try {
      e = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the control plane", ex);
    }
    if (e == null) {
      throw new IllegalStateException("control plane: no answer within " + timeout);
    }
    String kind = e.path("event").asString();
    switch (kind) {
      case "end" -> {
        events.add(END); // every later caller sees the end too
        throw new IllegalStateException(
            "control plane launcher exited (" + exitStatus() + "); its log is above");
      }
      case "failed" -> throw new IllegalStateException(
          "control plane failed to start: " + e.path("message").asString());
      case "crashed" -> throw new IllegalStateException(
          "control plane: " + e.path("component").asString() + " crashed; log " + e.path("log").asString());
      default -> {
        return e;
      }
    }
  }

  /** Sends one command and waits for its answer. */
  synchronized JsonNode command(String command, Duration timeout) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new IllegalStateException("control plane launcher is gone (" + exitStatus() + ")", e);
    }
    JsonNode answer = next(timeout);
    if (!command.equals(answer.path("command").asString())) {
      throw new IllegalStateException("control plane: unexpected answer to " + command + ": " + answer);
    }
    if ("error".equals(answer.path("event").asString())) {
      throw new IllegalStateException(command + ": " + answer.path("message").asString());
    }
    return answer;
  }

  private String exitStatus() {
    return process.isAlive() ? "still running" : "exit " + process.exitValue();
  }

  /** Closes stdin, which makes the launcher stop every process; kills it if it takes too long. */
  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already closed
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly(); // its children have Pdeathsig=SIGKILL
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
