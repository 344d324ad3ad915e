package dev.stskit.cluster.internal;

import dev.stskit.cluster.ApplyConflictException;
import dev.stskit.cluster.ClusterException;
import dev.stskit.cluster.ClusterUnreachableException;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns fabric8's exceptions into the module's one-line {@link ClusterException}s. */
public final class Errors {
  private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]*)\"");

  private Errors() {}

  /**
   * The exception to throw for {@code e}, raised while doing {@code what} (e.g. {@code apply
   * StatefulSet default/web}) against {@code server}.
   */
  public static ClusterException map(String what, String server, RuntimeException e) {
    if (e instanceof ClusterException ce) {
      return ce;
    }
    if (unreachable(e)) {
      return new ClusterUnreachableException("cannot reach the API server " + server + ": " + networkReason(e), e);
    }
    if (e instanceof KubernetesClientException k) {
      Status status = k.getStatus();
      int code = k.getCode();
      String message = status != null && status.getMessage() != null ? status.getMessage() : k.getMessage();
      if (code == 409 && status != null && status.getDetails() != null && status.getDetails().getCauses() != null) {
        List<ApplyConflictException.Conflict> conflicts = new ArrayList<>();
        for (StatusCause c : status.getDetails().getCauses()) {
          if ("FieldManagerConflict".equals(c.getReason())) {
            Matcher m = MANAGER.matcher(c.getMessage() == null ? "" : c.getMessage());
            conflicts.add(new ApplyConflictException.Conflict(c.getField(), m.find() ? m.group(1) : "?"));
          }
        }
        if (!conflicts.isEmpty()) {
          StringBuilder b = new StringBuilder(what).append(": conflict: ");
          for (int i = 0; i < conflicts.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(conflicts.get(i).field()).append(" is owned by field manager \"")
                .append(conflicts.get(i).manager()).append('"');
          }
          b.append(" (apply with force to take them over)");
          return new ApplyConflictException(b.toString(), conflicts, e);
        }
      }
      return new ClusterException(what + ": " + oneLine(message) + (code > 0 ? " (HTTP " + code + ")" : ""), code, e);
    }
    return new ClusterException(what + ": " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage()), 0, e);
  }

  /** Whether {@code e} says the server did not answer (refused, timed out, unknown host, I/O). */
  public static boolean unreachable(Throwable e) {
    if (e instanceof KubernetesClientException k && k.getCode() > 0) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String networkReason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused";
      }
      if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
        return "timed out";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
  }

  /** The first line of {@code s}, stripped. */
  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }
}
