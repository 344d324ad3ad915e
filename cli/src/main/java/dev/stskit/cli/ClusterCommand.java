package dev.stskit.cli;

import dev.stskit.cluster.ApplyOptions;
import dev.stskit.cluster.ApplyResult;
import dev.stskit.cluster.ClusterClient;
import dev.stskit.cluster.ClusterException;
import dev.stskit.cluster.ClusterUnreachableException;
import dev.stskit.cluster.Connection;
import dev.stskit.cluster.DeleteOptions;
import dev.stskit.cluster.DiffResult;
import dev.stskit.cluster.PodOperation;
import dev.stskit.cluster.Revision;
import dev.stskit.cluster.StatusWatch;
import dev.stskit.cluster.status.StatusReport;
import dev.stskit.cluster.status.WorkloadStatus;
import dev.stskit.core.Manifests;
import dev.stskit.core.SpecException;
import dev.stskit.core.SpecFileException;
import dev.stskit.core.SpecFiles;
import dev.stskit.core.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster commands: {@code apply}, {@code diff}, {@code status}, {@code scale}, {@code restart},
 * {@code update}, {@code rollback}, {@code history}, {@code delete}. Each connects with {@code
 * --kubeconfig} (default {@code $KUBECONFIG}, then {@code ~/.kube/config}), {@code --context} and
 * {@code --namespace}. Exit codes: 0 done; 1 the cluster refused (conflict, invalid, not found,
 * immutable change), a wait timed out, or {@code diff} found changes; 2 bad usage, unreadable input
 * or an unreachable cluster (one line on stderr).
 */
final class ClusterCommand {
  static final Set<String> COMMANDS =
      Set.of("apply", "diff", "status", "scale", "restart", "update", "rollback", "history", "delete");

  private static final Set<String> CONNECTION = Set.of("kubeconfig", "context", "namespace", "request-timeout");

  private final String command;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean tty;

  ClusterCommand(String command, PrintStream out, PrintStream err, boolean tty) {
    this.command = command;
    this.out = out;
    this.err = err;
    this.tty = tty;
  }

  int run(List<String> args) {
    Args a = parse(args);
    Connection connection = connection(a);
    try (ClusterClient client = ClusterClient.connect(connection)) {
      return switch (command) {
        case "apply" -> apply(client, a);
        case "diff" -> diff(client, a);
        case "status" -> status(client, a);
        case "scale" -> scale(client, a);
        case "restart" -> restart(client, a);
        case "update" -> update(client, a);
        case "rollback" -> rollback(client, a);
        case "history" -> history(client, a);
        case "delete" -> delete(client, a);
        default -> throw new UsageException("unknown command '" + command + "'");
      };
    } catch (ClusterUnreachableException e) {
      throw new UsageException(command + ": " + e.getMessage(), e);
    } catch (ClusterException e) {
      err.println("sts-kit: " + command + ": " + Cli.oneLine(e.getMessage()));
      return Cli.FINDINGS;
    }
  }

  private Args parse(List<String> args) {
    Set<String> valued = new HashSet<>(CONNECTION);
    Set<String> flags = new HashSet<>();
    switch (command) {
      case "apply", "update" -> flags.addAll(Set.of("force", "dry-run"));
      case "status" -> {
        flags.add("watch");
        valued.addAll(Set.of("wait-for", "timeout"));
      }
      case "scale" -> {
        flags.add("dry-run");
        valued.add("resource-version");
      }
      case "restart" -> flags.add("recreate");
      case "rollback" -> {
        flags.add("recreate");
        valued.add("to-revision");
      }
      case "delete" -> {
        flags.addAll(Set.of("dry-run", "keep-services"));
        valued.addAll(Set.of("cascade", "grace-period", "claims"));
      }
      default -> { }
    }
    return Args.parse(command, args, valued, flags);
  }

  private Connection connection(Args a) {
    Optional<String> context = Optional.ofNullable(a.option("context", null));
    Connection c;
    try {
      c = a.has("kubeconfig")
          ? Connection.kubeconfig(Path.of(a.option("kubeconfig", "")), context)
          : Connection.defaultKubeconfig(context);
    } catch (ClusterException e) {
      throw new UsageException(command + ": " + e.getMessage(), e);
    }
    if (a.has("namespace")) {
      c = c.withNamespace(a.option("namespace", ""));
    }
    if (a.has("request-timeout")) {
      Duration t = duration(a, "request-timeout", Duration.ofSeconds(15));
      c = c.withTimeouts(c.connectTimeout().compareTo(t) < 0 ? c.connectTimeout() : t, t);
    }
    return c;
  }

  private String operand(Args a, int count, String usage) {
    if (a.operands().size() != count) {
      throw new UsageException(command + ": expected " + usage + ", got " + a.operands().size() + " operand(s)");
    }
    return a.operands().get(0);
  }

  // ---------------------------------------------------------------- apply, diff, update

  /** The spec file's specs, compiled; {@code --namespace} replaces their namespace. */
  private List<Manifests> specs(Args a, String file) {
    String text = Inputs.utf8(command, file);
    List<Manifests> out = new ArrayList<>();
    for (RenderCommand.Document doc : RenderCommand.documents(text)) {
      try {
        StatefulSetSpec spec = SpecFiles.read(doc.text());
        if (a.has("namespace")) {
          spec = StatefulSetSpec.builder().from(spec).namespace(a.option("namespace", "")).build();
        }
        out.add(spec.compile());
      } catch (SpecFileException e) {
        int line = e.line().isPresent() ? e.line().getAsInt() + doc.firstLine() - 1 : 0;
        throw new UsageException(command + ": " + file + (line > 0 ? ":" + line : "") + ": "
            + e.pathAndProblem(), e);
      } catch (SpecException e) {
        throw new UsageException(command + ": " + file + ": " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw new UsageException(command + ": " + file + ": empty spec file");
    }
    return out;
  }

  private int apply(ClusterClient client, Args a) {
    String file = operand(a, 1, "one SPEC.yaml");
    ApplyOptions options = options(a);
    for (Manifests m : specs(a, file)) {
      print(client.apply(m, options));
    }
    return Cli.OK;
  }

  private ApplyOptions options(Args a) {
    ApplyOptions o = ApplyOptions.defaults();
    if (a.flag("force")) {
      o = o.withForce();
    }
    if (a.flag("dry-run")) {
      o = o.withDryRun();
    }
    return o;
  }

  private void print(ApplyResult result) {
    result.objects().forEach(o -> out.println(o.line() + (result.dryRun() ? " (server dry run)" : "")));
  }

  private int diff(ClusterClient client, Args a) {
    String file = operand(a, 1, "one SPEC.yaml");
    boolean changes = false;
    for (Manifests m : specs(a, file)) {
      DiffResult d = client.diff(m);
      out.print(d.text());
      changes |= d.hasChanges();
    }
    return changes ? Cli.FINDINGS : Cli.OK;
  }

  private int update(ClusterClient client, Args a) {
    String file = operand(a, 1, "one SPEC.yaml");
    ApplyOptions options = options(a);
    for (Manifests m : specs(a, file)) {
      StatefulSet sts = m.statefulSet();
      // refuse before sending anything: the StatefulSet's immutable fields first
      ApplyResult updated = client.update(sts, options);
      List<HasMetadata> services = new ArrayList<>(m.all());
      services.remove(services.size() - 1);
      print(client.apply(services, options));
      print(updated);
    }
    return Cli.OK;
  }

  // ---------------------------------------------------------------- scale, restart, rollback, history

  private int scale(ClusterClient client, Args a) {
    if (a.operands().size() != 2) {
      throw new UsageException("scale: expected NAME REPLICAS, got " + a.operands().size() + " operand(s)");
    }
    String name = a.operands().get(0);
    int replicas;
    try {
      replicas = Integer.parseInt(a.operands().get(1));
    } catch (NumberFormatException e) {
      throw new UsageException("scale: REPLICAS: not a number: " + a.operands().get(1), e);
    }
    if (replicas < 0) {
      throw new UsageException("scale: spec.replicas: must be >= 0, got " + replicas);
    }
    StatefulSet s = client.scale(name, replicas, Optional.ofNullable(a.option("resource-version", null)),
        a.flag("dry-run"));
    out.println("statefulset.apps/" + name + " scaled to " + s.getSpec().getReplicas()
        + (a.flag("dry-run") ? " (server dry run)" : ""));
    return Cli.OK;
  }

  private int restart(ClusterClient client, Args a) {
    String name = operand(a, 1, "NAME");
    print(name, "restarted", client.restart(name, a.flag("recreate")));
    return Cli.OK;
  }

  private int rollback(ClusterClient client, Args a) {
    String name = operand(a, 1, "NAME");
    long to;
    try {
      to = Long.parseLong(a.option("to-revision", "0"));
    } catch (NumberFormatException e) {
      throw new UsageException("rollback: --to-revision: not a number: " + a.option("to-revision", ""), e);
    }
    if (to < 0) {
      throw new UsageException("rollback: --to-revision: must be >= 0, got " + to);
    }
    print(name, "rolled back", client.rollback(name, to, a.flag("recreate")));
    return Cli.OK;
  }

  private void print(String name, String verb, PodOperation op) {
    out.println("statefulset.apps/" + name + " " + verb);
    for (String pod : op.deletedPods()) {
      out.println("pod/" + pod + " deleted");
    }
    if (!op.podsToDelete().isEmpty() && op.deletedPods().isEmpty()) {
      out.println("updateStrategy OnDelete: pods change only when deleted (--recreate deletes them): "
          + String.join(", ", op.podsToDelete()));
    }
  }

  private int history(ClusterClient client, Args a) {
    String name = operand(a, 1, "NAME");
    List<Revision> history = client.history(name);
    out.println("REVISION  NAME  CREATED");
    for (Revision r : history) {
      out.println(r.line());
    }
    return Cli.OK;
  }

  // ---------------------------------------------------------------- delete

  private int delete(ClusterClient client, Args a) {
    String name = operand(a, 1, "NAME");
    DeleteOptions o = DeleteOptions.defaults();
    try {
      o = o.withPropagation(DeleteOptions.Propagation.parse(a.option("cascade", "background")));
    } catch (IllegalArgumentException e) {
      throw new UsageException("delete: --cascade: " + e.getMessage(), e);
    }
    if (a.has("grace-period")) {
      try {
        long g = Long.parseLong(a.option("grace-period", ""));
        if (g < 0) {
          throw new NumberFormatException();
        }
        o = o.withGracePeriodSeconds(g);
      } catch (NumberFormatException e) {
        throw new UsageException("delete: --grace-period: must be a whole number of seconds >= 0, got "
            + a.option("grace-period", ""), e);
      }
    }
    String claims = a.option("claims", "keep");
    if (!claims.equals("keep") && !claims.equals("delete")) {
      throw new UsageException("delete: --claims: must be keep or delete, got " + claims);
    }
    o = o.withDeleteClaims(claims.equals("delete")).withDeleteServices(!a.flag("keep-services"));
    if (a.flag("dry-run")) {
      o = o.withDryRun();
    }
    for (String d : client.delete(name, o)) {
      out.println(d.toLowerCase(java.util.Locale.ROOT).replaceFirst("^statefulset/", "statefulset.apps/")
          + " deleted" + (a.flag("dry-run") ? " (server dry run)" : ""));
    }
    return Cli.OK;
  }

  // ---------------------------------------------------------------- status

  private int status(ClusterClient client, Args a) {
    String name = operand(a, 1, "NAME");
    Optional<WorkloadStatus> until;
    try {
      until = a.has("wait-for") ? Optional.of(WorkloadStatus.parse(a.option("wait-for", ""))) : Optional.empty();
    } catch (IllegalArgumentException e) {
      throw new UsageException("status: --wait-for: " + e.getMessage(), e);
    }
    if (!a.flag("watch") && until.isEmpty()) {
      StatusReport r = client.status(name);
      if (r.status() == WorkloadStatus.EXCEPTION && r.pods().isEmpty() && r.reason().startsWith("cannot reach")) {
        throw new UsageException("status: " + r.reason());
      }
      lines(r).forEach(out::println);
      return Cli.OK;
    }
    Duration timeout = duration(a, "timeout", until.isPresent() ? Duration.ofMinutes(5) : Duration.ZERO);
    Redraw redraw = new Redraw();
    CompletableFuture<StatusReport> done = new CompletableFuture<>();
    StatusWatch w = client.watch(name, Duration.ofSeconds(1), r -> {
      redraw.show(lines(r), a.flag("watch"));
      if (until.isPresent() && r.status() == until.get()) {
        done.complete(r);
      }
    }, e -> {
      if (e.code() == 404 || e.code() == 403 || e.code() == 401) {
        done.completeExceptionally(e);
      }
    });
    try {
      if (timeout.isZero()) {
        done.get();
      } else {
        done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }
      return Cli.OK;
    } catch (TimeoutException e) {
      if (until.isEmpty()) {
        return Cli.OK; // --watch --timeout: watched for that long
      }
      err.println("sts-kit: status: " + name + " did not become " + until.get().label() + " within "
          + timeout.toSeconds() + "s");
      return Cli.FINDINGS;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof ClusterException ce) {
        throw ce;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Cli.OK;
    } finally {
      w.close();
    }
  }

  private static List<String> lines(StatusReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(r.line());
    r.pods().forEach(p -> lines.add("  " + p.line()));
    return lines;
  }

  /**
   * Prints each status: on a terminal, redrawn in place (one line for the workload, one per pod);
   * otherwise as plain lines, each status after the previous one.
   */
  private final class Redraw {
    private int shown;

    synchronized void show(List<String> lines, boolean watching) {
      if (tty && watching) {
        if (shown > 0) {
          out.print("\033[" + shown + "F\033[J"); // back to the first line drawn, clear to the end
        }
        lines.forEach(out::println);
        shown = lines.size();
      } else {
        lines.forEach(out::println);
      }
      out.flush();
    }
  }

  private Duration duration(Args a, String option, Duration fallback) {
    if (!a.has(option)) {
      return fallback;
    }
    String v = a.option(option, "").strip();
    try {
      if (v.matches("[0-9]+")) {
        return Duration.ofSeconds(Long.parseLong(v));
      }
      return Duration.parse("PT" + v.toUpperCase(java.util.Locale.ROOT));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new UsageException(command + ": --" + option + ": not a duration (e.g. 90s, 5m): " + v, e);
    }
  }
}
