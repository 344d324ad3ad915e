package dev.stskit.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stskit.cluster.status.StatusReport;
import dev.stskit.cluster.status.WorkloadStatus;
import dev.stskit.core.ContainerSpec;
import dev.stskit.core.StatefulSetSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An API server that refuses connections or never answers gives a clear error (and status
 * Exception), never a hang. Loopback only: a closed port and a socket that accepts and stays silent.
 */
@Timeout(60)
class UnreachableTest {
  @TempDir
  Path dir;

  static Path kubeconfig(Path dir, int port) throws IOException {
    Path p = dir.resolve("kubeconfig");
    Files.writeString(p, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
        - name: other
          cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
        users:
        - name: u
          user: {token: abc}
        contexts:
        - name: main
          context: {cluster: c, user: u, namespace: shop}
        - name: second
          context: {cluster: other, user: u}
        current-context: main
        """.formatted(port, port + 1));
    return p;
  }

  static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void a_refused_connection_is_status_exception_and_a_clear_error() throws IOException {
    int port = closedPort();
    Connection c = Connection.kubeconfig(kubeconfig(dir, port), Optional.empty());
    assertThat(c.namespace()).isEqualTo("shop");
    try (ClusterClient client = ClusterClient.connect(c)) {
      StatusReport r = client.status("web");
      assertThat(r.status()).isEqualTo(WorkloadStatus.EXCEPTION);
      assertThat(r.reason()).isEqualTo("cannot reach the API server https://127.0.0.1:" + port + "/: connection refused");
      StatefulSetSpec spec = StatefulSetSpec.builder().name("web")
          .addContainer(ContainerSpec.builder().name("app").image("nginx:1.27").build()).build();
      assertThatThrownBy(() -> client.apply(spec.compile(), ApplyOptions.defaults()))
          .isInstanceOf(ClusterUnreachableException.class)
          .hasMessage("cannot reach the API server https://127.0.0.1:" + port + "/: connection refused");
      assertThatThrownBy(() -> client.scale("web", 2, Optional.empty(), false))
          .isInstanceOf(ClusterUnreachableException.class);
    }
  }

  @Test
  void a_silent_server_times_out_instead_of_hanging() throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            accepted.add(silent.accept()); // accept, never answer (not even the TLS handshake)
          }
        } catch (IOException e) {
          // closed
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Connection c = Connection.kubeconfig(kubeconfig(dir, silent.getLocalPort()), Optional.empty())
          .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
      try (ClusterClient client = ClusterClient.connect(c)) {
        long start = System.nanoTime();
        StatusReport r = client.status("web");
        assertThat(r.status()).isEqualTo(WorkloadStatus.EXCEPTION);
        assertThat(r.reason()).startsWith("cannot reach the API server https://127.0.0.1:" + silent.getLocalPort());
        // a generous bound that only a hang (or fabric8's default retries) would exceed
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
      }
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  @Test
  void wait_for_times_out_with_the_last_status() throws IOException {
    Connection c = Connection.kubeconfig(kubeconfig(dir, closedPort()), Optional.empty());
    List<StatusReport> seen = new ArrayList<>();
    try (ClusterClient client = ClusterClient.connect(c)) {
      assertThatThrownBy(() -> client.waitFor("web", WorkloadStatus.RUNNING, Duration.ofSeconds(2), seen::add))
          .isInstanceOf(ClusterException.class)
          .hasMessageStartingWith("wait for StatefulSet shop/web to be Running: timed out after 2s; last status: "
              + "Exception (cannot reach the API server");
    }
    assertThat(seen).isNotEmpty().allMatch(r -> r.status() == WorkloadStatus.EXCEPTION);
  }

  @Test
  void contexts_choose_the_server_and_several_clients_live_in_one_process() throws IOException {
    int port = closedPort();
    Path k = kubeconfig(dir, port);
    Connection main = Connection.kubeconfig(k, Optional.of("main"));
    Connection second = Connection.kubeconfig(k, Optional.of("second"));
    assertThat(main.server()).isEqualTo("https://127.0.0.1:" + port + "/");
    assertThat(second.server()).isEqualTo("https://127.0.0.1:" + (port + 1) + "/");
    assertThat(second.namespace()).isEqualTo("default");
    assertThat(second.withNamespace("ai").namespace()).isEqualTo("ai");
    try (ClusterClient a = ClusterClient.connect(main); ClusterClient b = ClusterClient.connect(second)) {
      assertThat(a.status("web").reason()).contains(":" + port + "/");
      assertThat(b.status("web").reason()).contains(":" + (port + 1) + "/");
    }
    assertThatThrownBy(() -> Connection.kubeconfig(k, Optional.of("nope")))
        .isInstanceOf(ClusterException.class).hasMessageContaining("nope");
    assertThatThrownBy(() -> Connection.kubeconfig(dir.resolve("missing"), Optional.empty()))
        .isInstanceOf(ClusterException.class).hasMessageEndingWith("missing: cannot read the file");
  }
}
