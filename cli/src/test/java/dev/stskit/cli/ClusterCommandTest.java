package dev.stskit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stskit.cluster.Clusters;
import dev.stskit.cluster.PodDriver;
import dev.stskit.testsupport.ControlPlane;
import dev.stskit.testsupport.ControlPlaneTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through with the command line, step by step, against a real control plane:
 * apply, scale, restart, roll back, watch and delete the MySQL example.
 */
@ControlPlaneTest(controllers = true)
class ClusterCommandTest {
  static final String NAME = "test-mysql-123-mysql";

  static CliTest.Run run(boolean tty, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = new Cli(o, e, tty).run(args);
    }
    return new CliTest.Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void the_mysql_example_through_the_cli(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "cli");
    String k = cp.kubeconfig().toString();
    try (PodDriver pods = new PodDriver(cp, ns)) {
      CliTest.Run apply = ok(run(false, "apply", CliTest.MYSQL_SPEC, "--kubeconfig", k, "--namespace", ns));
      assertThat(apply.out()).contains("statefulset.apps/" + NAME + " created").contains("service/");
      assertThat(apply.out().lines()).allMatch(l -> l.endsWith(" created"));
      CliTest.Run again = ok(run(false, "apply", CliTest.MYSQL_SPEC, "--kubeconfig", k, "--namespace", ns));
      assertThat(again.out().lines()).hasSameSizeAs(apply.out().lines().toList()).allMatch(l -> l.endsWith(" unchanged"));
      CliTest.Run diff = ok(run(false, "diff", CliTest.MYSQL_SPEC, "--kubeconfig", k, "--namespace", ns));
      assertThat(diff.out()).isEmpty();

      pods.keepReady(NAME);
      assertThat(ok(run(false, "scale", NAME, "2", "--kubeconfig", k, "--namespace", ns)).out())
          .isEqualTo("statefulset.apps/" + NAME + " scaled to 2\n");
      assertThat(ok(run(false, "restart", NAME, "--kubeconfig", k, "--namespace", ns)).out())
          .isEqualTo("statefulset.apps/" + NAME + " restarted\n");
      PodDriver.eventually("two revisions", () -> run(false, "history", NAME, "--kubeconfig", k, "--namespace", ns)
          .out().lines().count(), n -> n == 3, java.time.Duration.ofSeconds(90));
      assertThat(ok(run(false, "rollback", NAME, "--kubeconfig", k, "--namespace", ns)).out())
          .isEqualTo("statefulset.apps/" + NAME + " rolled back\n");

      CliTest.Run wait = ok(run(false, "status", NAME, "--wait-for", "Running", "--timeout", "120s",
          "--kubeconfig", k, "--namespace", ns));
      List<String> lines = wait.out().lines().toList();
      int last = lastIndexStartingWith(lines, NAME + ": ");
      assertThat(lines.get(last)).isEqualTo(NAME + ": Running (2 of 2 pods ready)");
      assertThat(lines.subList(last + 1, lines.size()))
          .containsExactly("  " + NAME + "-0  Running  4/4  restarts 0", "  " + NAME + "-1  Running  4/4  restarts 0");
      assertThat(wait.out()).doesNotContain("\033[");

      CliTest.Run tty = ok(run(true, "status", NAME, "--watch", "--timeout", "2s", "--kubeconfig", k, "--namespace", ns));
      assertThat(tty.out()).startsWith(NAME + ": Running");
      CliTest.Run once = ok(run(false, "status", NAME, "--kubeconfig", k, "--namespace", ns));
      assertThat(once.out()).isEqualTo(NAME + ": Running (2 of 2 pods ready)\n  " + NAME + "-0  Running  4/4  restarts 0\n  "
          + NAME + "-1  Running  4/4  restarts 0\n");

      CliTest.Run delete = ok(run(false, "delete", NAME, "--claims", "delete", "--kubeconfig", k, "--namespace", ns));
      assertThat(delete.out()).startsWith("statefulset.apps/" + NAME + " deleted\n")
          .contains("persistentvolumeclaim/data-" + NAME + "-0 deleted", "service/");
      CliTest.Run gone = run(false, "status", NAME, "--kubeconfig", k, "--namespace", ns);
      assertThat(gone.code()).isEqualTo(1);
      assertThat(gone.err()).isEqualTo("sts-kit: status: get StatefulSet " + ns + "/" + NAME + ": not found\n");
    }
  }

  @Test
  void a_conflict_is_exit_1_naming_field_and_manager(ControlPlane cp) {
    String ns = Clusters.namespace(cp, "cli-conflict");
    String k = cp.kubeconfig().toString();
    try (PodDriver other = new PodDriver(cp, ns)) {
      ok(run(false, "apply", CliTest.MYSQL_SPEC, "--kubeconfig", k, "--namespace", ns));
      other.client().apps().statefulSets().inNamespace(ns).withName(NAME).scale(3);
      CliTest.Run conflict = run(false, "apply", CliTest.MYSQL_SPEC, "--kubeconfig", k, "--namespace", ns);
      assertThat(conflict.code()).isEqualTo(1);
      assertThat(conflict.err().lines()).hasSize(1);
      assertThat(conflict.err()).startsWith("sts-kit: apply: apply StatefulSet " + ns + "/" + NAME
          + ": conflict: .spec.replicas is owned by field manager ");
      assertThat(ok(run(false, "apply", CliTest.MYSQL_SPEC, "--force", "--kubeconfig", k, "--namespace", ns)).out())
          .contains("statefulset.apps/" + NAME + " configured");
    }
  }

  static CliTest.Run ok(CliTest.Run r) {
    assertThat(r.code()).as(r.err()).isZero();
    return r;
  }

  static int lastIndexStartingWith(List<String> lines, String prefix) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        idx.add(i);
      }
    }
    assertThat(idx).as(String.join("\n", lines)).isNotEmpty();
    return idx.get(idx.size() - 1);
  }
}
