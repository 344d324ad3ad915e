package dev.stskit.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The launcher's own promises, each on a private control plane (not the shared one): no component
 * outlives it however it ends, and a port taken between picking and binding is retried.
 */
@ControlPlaneTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherLifecycleTest {

  /** The work directory the killed launcher could not remove. */
  private static Path leftBehind;

  private static final Duration READY = Duration.ofMinutes(4);

  private static Path binaries() {
    return ControlPlaneBinaries.locate().dir().orElseThrow();
  }

  private static List<ProcessHandle> components(Launcher l) {
    List<ProcessHandle> children = l.process().toHandle().descendants().toList();
    assertThat(children)
        .extracting(p -> p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?"))
        .contains("etcd", "kube-apiserver");
    return children;
  }

  private static void assertAllGone(List<ProcessHandle> processes) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60)); // a bound that catches a leak, not a slow exit
    while (Instant.now().isBefore(deadline) && processes.stream().anyMatch(ProcessHandle::isAlive)) {
      Thread.sleep(100);
    }
    assertThat(processes).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  @Order(1)
  void retriesTakenPortsAndItsChildrenDieWhenItIsKilled(@TempDir Path dir) throws Exception {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket etcdPort = new ServerSocket(0, 1, loopback);
        ServerSocket apiPort = new ServerSocket(0, 1, loopback)) {
      Map<String, String> env =
          Map.of(
              "STS_KIT_LAUNCHER_TRY_FIRST",
              "etcd=" + etcdPort.getLocalPort() + ",kube-apiserver=" + apiPort.getLocalPort());
      Launcher l = Launcher.start(binaries(), dir.resolve("kubeconfig"), false, env);
      try {
        JsonNode ready = l.next(READY);
        assertThat(ready.path("event").asString()).isEqualTo("ready");
        // both first attempts met a taken port; both components moved
        assertThat(l.stderr()).filteredOn(s -> s.contains("a port was taken meanwhile")).hasSize(2);
        assertThat(URI.create(ready.path("etcd").asString()).getPort()).isNotEqualTo(etcdPort.getLocalPort());
        assertThat(URI.create(ready.path("server").asString()).getPort()).isNotEqualTo(apiPort.getLocalPort());

        List<ProcessHandle> children = components(l);
        l.process().destroyForcibly(); // SIGKILL: no chance to clean up; Pdeathsig must do it
        assertThat(l.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertAllGone(children);
        leftBehind = Path.of(ready.path("dir").asString());
        assertThat(leftBehind.resolve("launcher.pid")).exists();
      } finally {
        l.close();
      }
    }
  }

  @Test
  @Order(2)
  void controllersJoinLaterAndEndOfStdinStopsEverythingAndRemovesTheWorkDirectory(@TempDir Path dir) throws Exception {
    Launcher l = Launcher.start(binaries(), dir.resolve("kubeconfig"), false);
    try {
      JsonNode ready = l.next(READY);
      assertThat(ready.path("controllers").asBoolean()).isFalse();
      // controllers asked for later join the running control plane
      assertThat(l.command("start-controllers", READY).path("controllers").asBoolean()).isTrue();
      if (leftBehind != null) { // the next launcher sweeps what a killed one left
        assertThat(leftBehind).doesNotExist();
      }
      List<ProcessHandle> children = components(l);
      assertThat(children).hasSize(3);
      Path work = Path.of(ready.path("dir").asString());
      assertThat(work).isDirectory();

      l.process().getOutputStream().close(); // what the kernel does when the JVM dies
      assertThat(l.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(l.process().exitValue()).isZero();
      assertAllGone(children);
      assertThat(Files.exists(work)).isFalse();
    } finally {
      l.close();
    }
  }

  @Test
  void aLauncherWithoutArgumentsExplainsItsUsage() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(binaries().resolve("launcher").toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(out).contains("usage: launcher -kubeconfig FILE");
  }
}
