package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster commands without a cluster: bad usage and an unreachable API server (a closed
 * loopback port) are exit 2 with one line on stderr. With a cluster: ClusterCommandTest.
 */
@Timeout(60)
class ClusterCommandUsageTest {
  @TempDir
  Path dir;

  Path kubeconfig() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path p = dir.resolve("kubeconfig");
    Files.writeString(p, """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}}]
        users: [{name: u, user: {token: abc}}]
        contexts: [{name: main, context: {cluster: c, user: u}}]
        current-context: main
        """.formatted(port));
    return p;
  }

  @Test
  void an_unreachable_cluster_is_exit_2_with_one_line() throws IOException {
    String k = kubeconfig().toString();
    for (String[] args : new String[][] {
        {"status", "web", "--kubeconfig", k},
        {"scale", "web", "3", "--kubeconfig", k},
        {"apply", CliTest.MYSQL_SPEC, "--kubeconfig", k, "--dry-run"},
        {"history", "web", "--kubeconfig", k}}) {
      CliTest.Run r = CliTest.run(args);
      assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.out()).isEmpty();
      assertThat(r.err().lines()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("sts-kit: " + args[0] + ": ").contains("cannot reach the API server https://127.0.0.1:")
          .contains("connection refused");
    }
  }

  @Test
  void bad_usage_is_exit_2_naming_the_problem() throws IOException {
    String k = kubeconfig().toString();
    assertThat(CliTest.run("scale", "web", "many", "--kubeconfig", k).err())
        .isEqualTo("sts-kit: scale: REPLICAS: not a number: many\n");
    assertThat(CliTest.run("scale", "web", "-1", "--kubeconfig", k).err())
        .isEqualTo("sts-kit: scale: spec.replicas: must be >= 0, got -1\n");
    assertThat(CliTest.run("delete", "web", "--claims", "maybe", "--kubeconfig", k).err())
        .isEqualTo("sts-kit: delete: --claims: must be keep or delete, got maybe\n");
    assertThat(CliTest.run("status", "web", "--wait-for", "Ready", "--kubeconfig", k).err())
        .startsWith("sts-kit: status: --wait-for: unknown status 'Ready'");
    assertThat(CliTest.run("status", "web", "--context", "nope", "--kubeconfig", k).err())
        .startsWith("sts-kit: status: kubeconfig ").contains("no context named 'nope'");
    assertThat(CliTest.run("restart", "--kubeconfig", k).err())
        .isEqualTo("sts-kit: restart: expected NAME, got 0 operand(s)\n");
    assertThat(CliTest.run("rollback", "web", "--to-revision", "x", "--kubeconfig", k).code()).isEqualTo(2);
    assertThat(CliTest.run("apply", dir.resolve("missing.yaml").toString(), "--kubeconfig", k).err())
        .endsWith("missing.yaml: no such file\n");
    assertThat(CliTest.run("status", "web", "--kubeconfig", dir.resolve("none").toString()).err())
        .startsWith("sts-kit: status: kubeconfig ").endsWith("none: cannot read the file\n");
  }

  @Test
  void help_lists_the_cluster_commands() {
    CliTest.Run r = CliTest.run("--help");
    assertThat(r.out()).contains("apply    SPEC.yaml", "status   NAME [--watch]", "rollback NAME [--to-revision N]",
        "2 unreadable input, bad usage or an unreachable cluster");
  }
}
