package dev.stskit.validation.internal;

import dev.stskit.validation.ErrorType;
import dev.stskit.validation.FieldPath;
import dev.stskit.validation.Message;
import dev.stskit.validation.Violation;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

/**
 * Shared pieces of the Pod Security Standards rules, after {@code policy/helpers.go} and
 * {@code policy/visitor.go} of {@code k8s.io/pod-security-admission}: the pod's security context, a
 * container's security context and its path, and the two relaxations the v1.37 policy knows (pods in a
 * user namespace, Windows pods).
 */
public final class Pss {
  /** {@code spec.template.spec.securityContext}. */
  public static final FieldPath POD_SECURITY_CONTEXT = Pods.POD_SPEC.child("securityContext");

  private Pss() {}

  /** The pod security context, or an empty one. */
  public static PodSecurityContext podContext(StatefulSet sts) {
    PodSecurityContext c = Pods.podSpec(sts).getSecurityContext();
    return c == null ? new PodSecurityContext() : c;
  }

  /** The container's security context, or an empty one. */
  public static SecurityContext context(Container c) {
    return c.getSecurityContext() == null ? new SecurityContext() : c.getSecurityContext();
  }

  /** {@code <container>.securityContext}. */
  public static FieldPath contextPath(Pods.Located c) {
    return c.path().child("securityContext");
  }

  /**
   * {@code relaxPolicyForUserNamespacePod}: a pod with {@code hostUsers: false} runs in a user
   * namespace, where root and unmasked /proc are not root on the host.
   */
  public static boolean userNamespace(PodSpec pod) {
    return Boolean.FALSE.equals(pod.getHostUsers());
  }

  /** {@code spec.os.name: windows}, which from policy v1.25 skips the Linux-only restricted checks. */
  public static boolean windows(PodSpec pod) {
    return pod.getOs() != null && "windows".equals(pod.getOs().getName());
  }

  /** {@code field.Forbidden} with the offending value, as pod-security-admission reports it. */
  public static Violation forbidden(FieldPath path, Object value, Message detail) {
    return Violation.builder().path(path).type(ErrorType.FORBIDDEN).value(Violation.printValue(value))
        .detail(detail).build();
  }
}
